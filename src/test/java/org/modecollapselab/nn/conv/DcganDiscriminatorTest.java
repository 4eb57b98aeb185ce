package org.modecollapselab.nn.conv;

import static org.junit.jupiter.api.Assertions.*;
import static org.modecollapselab.nn.conv.DcganGeneratorTest.TOLERANCE;
import static org.modecollapselab.nn.conv.DcganGeneratorTest.assertMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.modecollapselab.NetworkGradients;
import org.modecollapselab.TestArrays;
import org.modecollapselab.nn.Init;
import org.modecollapselab.remedy.packing.Packing;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

class DcganDiscriminatorTest {

    /** 8×8 images with c channels, w = 2; m images per row (packs) and e extra columns; o outputs. */
    static DcganDiscriminator tiny(int c, int m, int e, int o, long seed) {
        return new DcganDiscriminator(m * c * 64 + e, o, c, 8, 2, Init.PYTORCH_DEFAULT, DataType.DOUBLE, seed);
    }

    /** All parameters; every input of one-channel images, every 3rd of wider rows (from a seeded start). */
    @ParameterizedTest(name = "c={0}, packs of {1}, {2} extra columns, {3} outputs")
    @CsvSource({"1, 1, 0, 1", "3, 1, 0, 1", "1, 2, 0, 1", "3, 2, 0, 1", "1, 1, 3, 2", "3, 2, 5, 1"})
    void gradientsMatchFiniteDifferences(int c, int m, int e, int o) {
        DcganDiscriminator d = tiny(c, m, e, o, 21);
        INDArray x = TestArrays.gaussian(2, d.inputs(), 1);
        int inputEvery = c * m == 1 ? 1 : 3;
        double worst = NetworkGradients.check(d, x, TestArrays.gaussian(2, o, 2), false, 1, inputEvery, TOLERANCE,
                "c=" + c + " m=" + m + " e=" + e);
        System.out.printf("DCGAN D 8×8×%d, packs of %d, %d extra, %d parameters: largest |analytic − finite "
                + "difference| %.2e%n", c, m, e, d.parameterCount(), worst);
        INDArray f = TestArrays.gaussian(2, d.forward(x).features().columns(), 3);
        NetworkGradients.check(d, x, f, true, 1, inputEvery, TOLERANCE, "features c=" + c + " m=" + m + " e=" + e);
    }

    @Test
    void fullSizeGradientsMatchFiniteDifferencesOnASample() {
        DcganDiscriminator d = new DcganDiscriminator(3 * 784, 1, 3, 28, 2, Init.NORMAL_002, DataType.DOUBLE, 22);
        INDArray x = TestArrays.gaussian(2, d.inputs(), 4);
        NetworkGradients.check(d, x, TestArrays.gaussian(2, 1, 5), false, 13, 13, TOLERANCE, "28×28×3");
    }

    @Test
    void shapesAndParameterCounts() {
        DcganDiscriminator d = new DcganDiscriminator(784, 1, 1, 28, 64, Init.NORMAL_002, DataType.FLOAT, 1);
        assertEquals(64 * 16 + 64 + 128 * 64 * 16 + 128 + 128 * 49 + 1, d.parameterCount());
        assertEquals(138_561, d.parameterCount());
        assertEquals(1, d.imagesPerRow());
        assertEquals(0, d.extraInputs());
        DcganDiscriminator.Pass p = d.forward(TestArrays.gaussian(5, 784, 1).castTo(DataType.FLOAT));
        assertArrayEquals(new long[] {5, 1}, p.output().shape());
        assertArrayEquals(new long[] {5, 128 * 49}, p.features().shape());
        assertEquals("DCGAN discriminator 1×28×28 → 64×14×14 → 128×7×7 → 1 (4×4 convs, stride 2; leaky ReLU 0.2)",
                d.describe());
        DcganDiscriminator packed = new DcganDiscriminator(2 * 3 * 784 + 4, 1, 3, 28, 8, Init.NORMAL_002,
                DataType.FLOAT, 1);
        assertEquals(2, packed.imagesPerRow());
        assertEquals(4, packed.extraInputs());
        assertEquals(DcganDiscriminator.parameterCount(2 * 3 * 784 + 4, 1, 28, 8), packed.parameterCount());
        assertEquals("DCGAN discriminator 6×28×28 (packs of 2 images) → 8×14×14 → 16×7×7 + 4 extra inputs → 1 "
                + "(4×4 convs, stride 2; leaky ReLU 0.2)", packed.describe());
        // One row judged alone (no batch statistics in D).
        assertArrayEquals(new long[] {1, 1}, packed.forward(TestArrays.gaussian(1, packed.inputs(), 2)
                .castTo(DataType.FLOAT)).output().shape());
    }

    /**
     * Packing's row reshape puts m consecutive images side by side in one row; read NCHW, that row is the m images
     * stacked as m·c channels (PacGAN's DCGAN packing): the first convolution reads channel k·c + j of a pack from
     * channel j of its image k. Checked on the unfolded input: row (channel, ky = 1, kx = 1) of the unfolding holds
     * that channel's pixels (2·oy, 2·ox) for every pack.
     */
    @Test
    void aPackIsItsImagesStackedAsChannels() {
        int c = 3;
        DcganDiscriminator d = tiny(c, 2, 0, 1, 23);
        INDArray samples = TestArrays.gaussian(4, c * 64, 6);
        DcganDiscriminator.Pass p = d.forward(new Packing(2).toDiscriminator(samples));
        INDArray cols = p.conv1().cols();
        assertArrayEquals(new long[] {2 * c * 16, 2 * 16}, cols.shape());
        for (int pack = 0; pack < 2; pack++) {
            for (int k = 0; k < 2; k++) {
                for (int j = 0; j < c; j++) {
                    INDArray even = samples.getRow(2L * pack + k).get(NDArrayIndex.interval(j * 64, j * 64 + 64))
                            .reshape(8, 8).get(NDArrayIndex.interval(0, 2, 8), NDArrayIndex.interval(0, 2, 8))
                            .dup().reshape(16);
                    INDArray read = cols.getRow((k * c + j) * 16 + 5).get(NDArrayIndex.interval(pack * 16,
                            pack * 16 + 16));
                    assertEquals(even, read, "pack " + pack + ", image " + k + ", channel " + j);
                }
            }
        }
    }

    @Test
    void extraColumnsReachTheLinearLayerOnly() {
        DcganDiscriminator d = tiny(1, 1, 3, 1, 24);
        INDArray x = TestArrays.gaussian(2, d.inputs(), 7);
        DcganDiscriminator.Pass p = d.forward(x);
        assertEquals(x.get(NDArrayIndex.all(), NDArrayIndex.interval(64, 67)),
                p.linearInput().get(NDArrayIndex.all(), NDArrayIndex.interval(p.features().columns(),
                        p.features().columns() + 3)));
        // Features do not depend on the extra columns: their gradient from the features is zero.
        INDArray g = d.backwardFromFeatures(p, TestArrays.gaussian(2, p.features().columns(), 8), false, true);
        assertEquals(0, g.get(NDArrayIndex.all(), NDArrayIndex.interval(64, 67)).norm1Number().doubleValue(), 0);
    }

    @Test
    void backwardLeavesThePassUnchanged() {
        DcganDiscriminator d = tiny(1, 1, 2, 1, 25);
        DcganDiscriminator.Pass p = d.forward(TestArrays.gaussian(4, d.inputs(), 1));
        INDArray a1 = p.a1().dup();
        INDArray a2 = p.a2().dup();
        INDArray out = p.output().dup();
        d.backward(p, TestArrays.gaussian(4, 1, 2), true, true);
        d.backwardFromFeatures(p, TestArrays.gaussian(4, p.features().columns(), 2), true, true);
        assertEquals(a1, p.a1());
        assertEquals(a2, p.a2());
        assertEquals(out, p.output());
    }

    @Test
    void inputGradientWithoutParameterGradientsLeavesGradientsAlone() {
        DcganDiscriminator d = tiny(3, 1, 0, 1, 26);
        DcganDiscriminator.Pass p = d.forward(TestArrays.gaussian(4, d.inputs(), 1));
        INDArray gx = d.backward(p, TestArrays.gaussian(4, 1, 2), false, true);
        assertEquals(0, d.gradients().norm1Number().doubleValue(), 0);
        assertArrayEquals(new long[] {4, 192}, gx.shape());
        assertNull(d.backward(p, TestArrays.gaussian(4, 1, 2), true, false));
        assertTrue(d.gradients().norm1Number().doubleValue() > 0);
    }

    @Test
    void copyIsIndependentAndCopyFromRestores() {
        DcganDiscriminator d = tiny(1, 1, 0, 1, 27);
        DcganDiscriminator c = d.copy();
        assertEquals(d.parameters(), c.parameters());
        d.parameters().addi(1);
        d.copyFrom(c);
        assertEquals(d.parameters(), c.parameters());
        assertThrows(IllegalArgumentException.class, () -> d.copyFrom(tiny(1, 2, 0, 1, 27)));
    }

    @Test
    void refusesBadSettingsAndInputsByName() {
        assertMessage("inputs must be m·channels·imageSize² (m >= 1 images of 1×28×28 per row) plus fewer than "
                + "imageSize² = 784 extra columns, was 2",
                () -> new DcganDiscriminator(2, 1, 1, 28, 8, Init.NORMAL_002, DataType.FLOAT, 1));
        assertMessage("inputs must be m·channels·imageSize² (m >= 1 images of 3×28×28 per row) plus fewer than "
                + "imageSize² = 784 extra columns, was 3136",
                () -> new DcganDiscriminator(4 * 784, 1, 3, 28, 8, Init.NORMAL_002, DataType.FLOAT, 1));
        assertMessage("outputs must be >= 1, was 0",
                () -> new DcganDiscriminator(784, 0, 1, 28, 8, Init.NORMAL_002, DataType.FLOAT, 1));
        assertMessage("init must not be null",
                () -> new DcganDiscriminator(784, 1, 1, 28, 8, null, DataType.FLOAT, 1));
        assertMessage("imageSize must be a multiple of 4 and >= 8 (two stride-2 layers), was 4",
                () -> new DcganDiscriminator(16, 1, 1, 4, 8, Init.NORMAL_002, DataType.FLOAT, 1));
        DcganDiscriminator d = tiny(1, 1, 0, 1, 1);
        assertMessage("x must have shape [batch, 64], was [2, 65]", () -> d.forward(TestArrays.gaussian(2, 65, 1)));
        DcganDiscriminator.Pass p = d.forward(TestArrays.gaussian(2, 64, 1));
        assertMessage("gradFeatures must have shape [2, 16], was [2, 1]",
                () -> d.backwardFromFeatures(p, TestArrays.gaussian(2, 1, 1), true, true));
    }
}
