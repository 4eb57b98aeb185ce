package org.modecollapselab.gan;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modecollapselab.NetworkGradients;
import org.modecollapselab.TestArrays;
import org.modecollapselab.config.Dcgan;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.BlobImages;
import org.modecollapselab.nn.Init;
import org.modecollapselab.nn.conv.DcganDiscriminator;
import org.modecollapselab.nn.conv.DcganGenerator;
import org.modecollapselab.step.Remedy;
import org.modecollapselab.remedy.featurematching.FeatureMatching;
import org.modecollapselab.remedy.minibatch.MinibatchDiscrimination;
import org.modecollapselab.remedy.packing.Packing;
import org.modecollapselab.remedy.unrolled.Unrolling;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.modecollapselab.step.StepStats;

/**
 * The one training step with the DCGAN networks (small preset, 28×28) on a synthetic image data set: it trains,
 * reproducibly, and the remedies that work through {@code Network} work with it.
 */
class DcganTrainingTest {

    static GanConfig config(int channels, long seed) {
        return Dcgan.small(channels).ganConfig().withBatchSize(8).withLatentDim(16).withSeed(seed);
    }

    @ParameterizedTest(name = "{0} channel(s)")
    @ValueSource(ints = {1, 3})
    void trainsWithFiniteLossesAndSameSeedSameNumbers(int channels) {
        BlobImages data = new BlobImages(4, channels, 28, 0.05);
        Gan a = Gan.create(data, config(channels, 3));
        Gan b = Gan.create(data, config(channels, 3));
        Gan other = Gan.create(data, config(channels, 4));
        assertInstanceOf(DcganGenerator.class, a.generator());
        assertInstanceOf(DcganDiscriminator.class, a.discriminator());
        INDArray g0 = a.generator().parameters().dup();
        INDArray d0 = a.discriminator().parameters().dup();
        for (int i = 0; i < 3; i++) {
            StepStats s = a.step();
            assertTrue(s.isFinite(), s.toString());
            assertEquals(s, b.step(), "step " + (i + 1));
            assertNotEquals(s, other.step(), "another seed, other numbers");
        }
        assertEquals(a.generator().parameters(), b.generator().parameters());
        assertEquals(a.discriminator().parameters(), b.discriminator().parameters());
        assertNotEquals(g0, a.generator().parameters(), "G trained");
        assertNotEquals(d0, a.discriminator().parameters(), "D trained");
        // Samples in data units: tanh in [−1, 1] standardised with mean 0.5 and sd 0.5 gives pixels in [0, 1].
        double[][] x = a.sample(6, 9);
        assertEquals(6, x.length);
        assertEquals(channels * 784, x[0].length);
        for (double[] row : x) {
            for (double v : row) {
                assertTrue(v >= 0 && v <= 1, "pixel " + v);
            }
        }
    }

    /** Every remedy's neutral setting is the plain DCGAN exactly, step by step. */
    @Test
    void neutralRemediesAreThePlainDcgan() {
        BlobImages data = new BlobImages(3, 1, 28, 0.05);
        for (Remedy neutral : List.of(new Packing(1), new FeatureMatching(0), new MinibatchDiscrimination(0, 5),
                Unrolling.firstOrder(0))) {
            Gan plain = Gan.create(data, config(1, 5));
            Gan remedied = Gan.create(data, config(1, 5), neutral);
            for (int i = 0; i < 2; i++) {
                assertEquals(plain.step(), remedied.step(), neutral.label());
            }
            assertEquals(plain.generator().parameters(), remedied.generator().parameters(), neutral.label());
            assertEquals(plain.discriminator().parameters(), remedied.discriminator().parameters(), neutral.label());
        }
    }

    /**
     * Packing, feature matching, minibatch discrimination and first-order unrolling train the DCGAN: finite losses,
     * and G's update differs from the plain GAN's from the first step (D's input, G's objective or its look-ahead
     * changed).
     */
    @Test
    void remediesWorkWithTheConvolutionalNetworks() {
        BlobImages data = new BlobImages(3, 3, 28, 0.05);
        Gan plain = Gan.create(data, config(3, 6));
        plain.step();
        for (Remedy r : List.of(new Packing(2), new FeatureMatching(1), MinibatchDiscrimination.of(4),
                Unrolling.firstOrder(2))) {
            Gan g = Gan.create(data, config(3, 6), r);
            for (int i = 0; i < 2; i++) {
                StepStats s = g.step();
                assertTrue(s.isFinite(), r.label() + ": " + s);
                if (i == 0) {
                    assertNotEquals(plain.generator().parameters(), g.generator().parameters(), r.label());
                }
            }
        }
        DcganDiscriminator packed = (DcganDiscriminator) Gan.create(data, config(3, 6), new Packing(4))
                .discriminator();
        assertEquals(4, packed.imagesPerRow(), "packs of 4 images as 4·3 channels");
        assertEquals(4 * 3 * 784, packed.inputs());
        DcganDiscriminator withKernels = (DcganDiscriminator) Gan.create(data, config(3, 6), new Packing(2),
                MinibatchDiscrimination.of(4)).discriminator();
        assertEquals(2, withKernels.imagesPerRow());
        assertEquals(4, withKernels.extraInputs(), "minibatch features go to D's linear layer");
    }

    @Test
    void exactUnrollingIsRefusedByNameBeforeAnythingIsBuilt() {
        BlobImages data = new BlobImages(3, 1, 28, 0.05);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gan.check(data, config(1, 1), List.of(Unrolling.exact(3))));
        assertEquals("discriminatorArchitecture must give exact second-order products for exact unrolling, was "
                + "DCGAN 1×28×28, width 8 (use Mode.FIRST_ORDER)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Gan.create(data, config(1, 1), Unrolling.exact(3)));
        // k = 0 is the plain GAN and needs nothing.
        assertDoesNotThrow(() -> Gan.create(data, config(1, 1), Unrolling.exact(0)));
    }

    @Test
    void architectureRefusesDataOfAnotherShapeByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gan.create(new BlobImages(3, 1, 12, 0.05), config(1, 1)));
        assertEquals("outputs (the data's dimension) must be channels·imageSize² = 784 for DCGAN 1×28×28, width 8, "
                + "was 144", e.getMessage());
        assertEquals("imageSize must be a multiple of 4 and >= 8 (two stride-2 layers), was 10",
                assertThrows(IllegalArgumentException.class, () -> Dcgan.small(1).withImageSize(10)).getMessage());
        assertEquals("channels must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> Dcgan.mnist(0)).getMessage());
    }

    /** Feature matching's input gradient through the convolutional D, against finite differences. */
    @Test
    void featureMatchingGradientThroughTheConvolutionalDiscriminator() {
        DcganDiscriminator d = new DcganDiscriminator(2 * 64, 1, 2, 8, 2, Init.PYTORCH_DEFAULT, DataType.DOUBLE, 7);
        INDArray x = TestArrays.gaussian(3, d.inputs(), 1);
        INDArray realMean = TestArrays.gaussian(1, d.forward(x).features().columns(), 2);
        INDArray g = FeatureMatching.lossAndInputGradient(d, d.forward(x), realMean)[1];
        double h = NetworkGradients.H;
        for (int r = 0; r < x.rows(); r++) {
            for (int j = 0; j < x.columns(); j += 7) {
                double v = x.getDouble(r, j);
                x.putScalar(r, j, v + h);
                double up = FeatureMatching.lossAndInputGradient(d, d.forward(x), realMean)[0].getDouble(0);
                x.putScalar(r, j, v - h);
                double down = FeatureMatching.lossAndInputGradient(d, d.forward(x), realMean)[0].getDouble(0);
                x.putScalar(r, j, v);
                assertEquals((up - down) / (2 * h), g.getDouble(r, j), 1e-7, "x[" + r + "," + j + "]");
            }
        }
    }
}
