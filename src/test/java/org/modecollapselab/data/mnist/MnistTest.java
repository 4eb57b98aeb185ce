package org.modecollapselab.data.mnist;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modecollapselab.data.DataSource;
import org.modecollapselab.data.ImageShape;

class MnistTest {
    @TempDir
    Path tmp;

    @AfterEach
    void clearSettings() {
        System.clearProperty(Mnist.DATA_DIR_PROPERTY);
        System.clearProperty(Mnist.CACHE_DIR_PROPERTY);
    }

    @Test
    @NeedsMnist
    void loadsTheTestSplitAndSaysSo() {
        MnistDigits d = Mnist.load(TestData.mnistDir().getParent());   // finds the mnist/ folder
        assertEquals(10_000, d.size());
        assertEquals("MNIST (test split, 10,000 digits)", d.name());
        assertEquals(List.of(MnistSplit.TEST), Mnist.splitsIn(TestData.mnistDir()));
        // The published digit counts of the test split.
        int[] counts = {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009};
        double[] shares = d.digitShares();
        for (int k = 0; k < 10; k++) {
            assertEquals(counts[k] / 10_000.0, shares[k], 1e-12);
        }
        assertEquals(7, d.label(0));
        assertEquals(784, d.dimension());
        assertEquals(ImageShape.MNIST, d.shape());
    }

    @Test
    @NeedsMnist
    void samplesArePixelsInMinusOneToOneWithTheirLabels() {
        MnistDigits d = TestData.testDigits();
        DataSource.Labelled l = d.sampleLabelled(50, new SplittableRandom(3));
        assertArrayEquals(l.values(), d.sample(50, new SplittableRandom(3)));
        double min = Arrays.stream(l.values()).min().orElseThrow();
        double max = Arrays.stream(l.values()).max().orElseThrow();
        assertEquals(-1, min, 1e-12);
        assertEquals(1, max, 1e-12);
        // Each sample is one of the digits, with that digit's label: find it by its pixels.
        SplittableRandom again = new SplittableRandom(3);
        for (int k = 0; k < 50; k++) {
            int i = again.nextInt(d.size());
            assertArrayEquals(d.image(i), Arrays.copyOfRange(l.values(), k * 784, (k + 1) * 784));
            assertEquals(d.label(i), l.labels()[k]);
        }
        assertEquals(0, d.mean()[400]);
        assertEquals(1, d.sd()[0]);
    }

    @Test
    @NeedsMnist
    void imagesHaveNoGaussianModes() {
        String m = assertThrows(IllegalStateException.class, () -> TestData.testDigits().modes()).getMessage();
        assertTrue(m.contains("no Gaussian modes") && m.contains("digit classifier"), m);
    }

    @Test
    @NeedsMnist
    void heldOutSplitIsFixedAndDisjoint() {
        MnistDigits d = TestData.testDigits();
        MnistDigits.Split a = d.holdOut(2000, 11);
        MnistDigits.Split b = d.holdOut(2000, 11);
        assertEquals(8000, a.train().size());
        assertEquals(2000, a.heldOut().size());
        assertArrayEquals(a.heldOut().image(17), b.heldOut().image(17));
        assertFalse(Arrays.equals(a.heldOut().image(17), d.holdOut(2000, 12).heldOut().image(17)));
        assertTrue(a.heldOut().name().endsWith("2,000 held out"), a.heldOut().name());
        // Every digit goes to exactly one side: pixel sums are a fingerprint.
        long all = pixelSum(d);
        assertEquals(all, pixelSum(a.train()) + pixelSum(a.heldOut()));
        assertThrows(IllegalArgumentException.class, () -> d.holdOut(10_000, 1));
    }

    private static long pixelSum(MnistDigits d) {
        long s = 0;
        for (int i = 0; i < d.size(); i++) {
            for (double v : d.image(i)) {
                s += Math.round((v + 1) * 127.5);
            }
        }
        return s;
    }

    @Test
    @NeedsMnist
    void aFolderWithoutTheFilesIsRefusedNamingThem() throws IOException {
        String m = assertThrows(IllegalArgumentException.class, () -> Mnist.load(tmp)).getMessage();
        assertTrue(m.contains("t10k-images-idx3-ubyte.gz") && m.contains("train-labels-idx1-ubyte.gz"), m);
        Files.copy(TestData.mnistDir().resolve("t10k-images-idx3-ubyte.gz"), tmp.resolve("t10k-images-idx3-ubyte.gz"));
        String one = assertThrows(IllegalArgumentException.class, () -> Mnist.load(tmp, MnistSplit.TEST)).getMessage();
        assertTrue(one.contains("t10k-labels-idx1-ubyte.gz"), one);
        assertThrows(IllegalArgumentException.class, () -> Mnist.load(tmp, MnistSplit.TRAIN));
    }

    @Test
    @NeedsMnist
    void imagesAndLabelsMustMatchInNumber() throws IOException {
        Files.copy(TestData.mnistDir().resolve("t10k-images-idx3-ubyte.gz"), tmp.resolve("t10k-images-idx3-ubyte.gz"));
        Files.write(tmp.resolve("t10k-labels-idx1-ubyte"), IdxTest.idx(8, new int[] {9999}, new byte[9999]));
        String m = assertThrows(IllegalArgumentException.class, () -> Mnist.load(tmp)).getMessage();
        assertTrue(m.contains("10000 images but t10k-labels-idx1-ubyte 9999 labels"), m);
        Files.write(tmp.resolve("t10k-labels-idx1-ubyte"), IdxTest.idx(8, new int[] {10000}, filled(10000, 10)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Mnist.load(tmp)).getMessage()
                .contains("must be a digit 0..9, was 10"));
    }

    private static byte[] filled(int n, int v) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) v);
        return b;
    }

    @Test
    @NeedsMnist
    void theDataSettingIsUsedAndNeverDownloadsAndItsErrorNamesTheSettingAndFiles() {
        System.setProperty(Mnist.DATA_DIR_PROPERTY, TestData.mnistDir().getParent().toString());
        MnistDigits d = Mnist.obtain(DownloadListener.NONE, unreachable(), name -> null);
        assertEquals(10_000, d.size());
        System.setProperty(Mnist.DATA_DIR_PROPERTY, tmp.toString());
        String m = assertThrows(IllegalStateException.class,
                () -> Mnist.obtain(DownloadListener.NONE, unreachable(), name -> null)).getMessage();
        assertTrue(m.contains("-Dmcl.data.dir") && m.contains("t10k-images-idx3-ubyte.gz") && m.contains(tmp.toString()),
                m);
        System.clearProperty(Mnist.DATA_DIR_PROPERTY);
        // The environment variable, when the property is not set.
        Path viaEnv = Mnist.configuredDir(name -> name.equals("MCL_DATA_DIR") ? "/some/where" : null).orElseThrow();
        assertEquals(Path.of("/some/where"), viaEnv);
    }

    @Test
    void offlineWithoutDataTheErrorNamesTheSettingsAndTheFiles() throws IOException {
        System.setProperty(Mnist.CACHE_DIR_PROPERTY, tmp.toString());
        String m = assertThrows(IllegalStateException.class,
                () -> Mnist.obtain(DownloadListener.NONE, unreachable(), name -> null)).getMessage();
        assertTrue(m.contains("MCL_DATA_DIR") && m.contains("-Dmcl.data.dir") && m.contains("t10k-labels-idx1-ubyte.gz")
                && m.contains("train-images-idx3-ubyte.gz"), m);
        try (var files = Files.walk(tmp)) {
            assertEquals(List.of(), files.filter(Files::isRegularFile).toList(), "nothing is left behind");
        }
    }

    @Test
    void theCacheFolderFollowsItsSettings() {
        assertEquals(Path.of("/x/mode-collapse-lab"), Mnist.cacheDir(n -> n.equals("XDG_CACHE_HOME") ? "/x" : null));
        assertEquals(Path.of("/c"), Mnist.cacheDir(n -> n.equals("MCL_CACHE_DIR") ? "/c" : null));
        System.setProperty(Mnist.CACHE_DIR_PROPERTY, "/p");
        assertEquals(Path.of("/p"), Mnist.cacheDir(n -> n.equals("MCL_CACHE_DIR") ? "/c" : null));
    }

    /** A mirror on a loopback port nobody listens on. */
    static MnistDownload unreachable() {
        return new MnistDownload(List.of(java.net.URI.create("http://127.0.0.1:9/mnist/")), 2000, 2000);
    }

    @Test
    void stackedMnistStacksThreeDigitsAsChannelsWithTheirMode() {
        // Digits whose pixels all equal their label, so each channel says which digit it shows.
        int n = 30;
        byte[] px = new byte[n * 784];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i % 10);
            Arrays.fill(px, i * 784, (i + 1) * 784, (byte) (i % 10));
        }
        StackedMnist s = StackedMnist.of(MnistDigits.of(px, labels, "tiny"));
        assertEquals(2352, s.dimension());
        assertEquals(1000, s.classes());
        DataSource.Labelled l = s.sampleLabelled(40, new SplittableRandom(5));
        assertArrayEquals(l.values(), s.sample(40, new SplittableRandom(5)));
        for (int k = 0; k < 40; k++) {
            int mode = 0;
            for (int c = 0; c < 3; c++) {
                double v = l.values()[k * 2352 + c * 784 + 300];
                int digit = (int) Math.round((v + 1) * 127.5);
                assertEquals(StackedMnist.digitOf(l.labels()[k], c), digit);
                mode = 10 * mode + digit;
            }
            assertEquals(mode, l.labels()[k]);
        }
        assertEquals(1.0, Arrays.stream(s.modeShares()).sum(), 1e-12);
        assertEquals(0.001, s.modeShares()[123], 1e-12);
    }
}
