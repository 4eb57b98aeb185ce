package org.modecollapselab.nn.conv;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modecollapselab.NetworkGradients;
import org.modecollapselab.TestArrays;
import org.modecollapselab.nn.Activation;
import org.modecollapselab.nn.Init;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class DcganGeneratorTest {
    /** Finite differences in DOUBLE agree with the backward passes to this relative tolerance. */
    static final double TOLERANCE = 1e-6;

    static DcganGenerator tiny(int channels, Activation output, long seed) {
        return new DcganGenerator(3, channels, 8, 2, output, Init.PYTORCH_DEFAULT, DataType.DOUBLE, seed);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void gradientsMatchFiniteDifferences(int channels) {
        DcganGenerator g = tiny(channels, Activation.TANH, 11);
        INDArray z = TestArrays.gaussian(4, 3, 1);
        double worst = NetworkGradients.check(g, z, TestArrays.gaussian(4, g.outputs(), 2), false, 1, 1, TOLERANCE,
                "c=" + channels);
        System.out.printf("DCGAN G 8×8×%d, %d parameters: largest |analytic − finite difference| %.2e%n", channels,
                g.parameterCount(), worst);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void featureGradientsMatchFiniteDifferences(int channels) {
        DcganGenerator g = tiny(channels, Activation.IDENTITY, 12);
        INDArray z = TestArrays.gaussian(3, 3, 3);
        int features = (int) g.forward(z).features().columns();
        NetworkGradients.check(g, z, TestArrays.gaussian(3, features, 4), true, 1, 1, TOLERANCE, "features c=" + channels);
    }

    @Test
    void fullSizeGradientsMatchFiniteDifferencesOnASample() {
        // 28×28×3, w = 2: every 7th parameter and input (from a seeded start).
        DcganGenerator g = new DcganGenerator(5, 3, 28, 2, Activation.TANH, Init.NORMAL_002, DataType.DOUBLE, 13);
        INDArray z = TestArrays.gaussian(3, 5, 5);
        NetworkGradients.check(g, z, TestArrays.gaussian(3, g.outputs(), 6), false, 7, 7, TOLERANCE, "28×28×3");
    }

    @Test
    void shapesAndParameterCounts() {
        DcganGenerator g = new DcganGenerator(100, 1, 28, 64, Activation.TANH, Init.NORMAL_002, DataType.FLOAT, 1);
        assertEquals(784, g.outputs());
        assertEquals(100 * 128 * 49 + 2 * 128 + 128 * 64 * 16 + 2 * 64 + 64 * 16 + 1, g.parameterCount());
        assertEquals(759_681, g.parameterCount());
        assertEquals(DcganGenerator.parameterCount(100, 3, 28, 8), new DcganGenerator(100, 3, 28, 8, Activation.TANH,
                Init.NORMAL_002, DataType.FLOAT, 1).parameterCount());
        DcganGenerator.Pass p = g.forward(TestArrays.gaussian(5, 100, 1).castTo(DataType.FLOAT));
        assertArrayEquals(new long[] {5, 784}, p.output().shape());
        assertArrayEquals(new long[] {5, 64 * 14 * 14}, p.features().shape());
        assertTrue(p.output().amaxNumber().doubleValue() <= 1, "tanh output");
        assertEquals("DCGAN generator 100 → 128×7×7 → 64×14×14 → 1×28×28 (4×4 transposed convs, stride 2; "
                + "batch norm, ReLU; TANH output)", g.describe());
    }

    @Test
    void sameSeedSameWeightsAndInitialisationAsConfigured() {
        DcganGenerator a = new DcganGenerator(10, 1, 8, 4, Activation.TANH, Init.NORMAL_002, DataType.DOUBLE, 5);
        DcganGenerator b = new DcganGenerator(10, 1, 8, 4, Activation.TANH, Init.NORMAL_002, DataType.DOUBLE, 5);
        assertEquals(a.parameters(), b.parameters());
        assertNotEquals(a.parameters(), new DcganGenerator(10, 1, 8, 4, Activation.TANH, Init.NORMAL_002,
                DataType.DOUBLE, 6).parameters());
        // N(0, 0.02²) projection weights: sample sd near 0.02 (10·8·4 = 320 of them).
        double sd = a.parameters().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 320)).stdNumber()
                .doubleValue();
        assertEquals(0.02, sd, 0.003);
        // Batch norm starts at γ = 1, β = 0.
        assertEquals(1.0, a.parameters().getDouble(320), 0);
        assertEquals(0.0, a.parameters().getDouble(320 + 8), 0);
    }

    @Test
    void copyIsIndependentAndCopyFromRestores() {
        DcganGenerator g = tiny(1, Activation.TANH, 3);
        DcganGenerator c = g.copy();
        assertEquals(g.parameters(), c.parameters());
        g.parameters().addi(1);
        assertNotEquals(g.parameters(), c.parameters());
        g.copyFrom(c);
        assertEquals(g.parameters(), c.parameters());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.copyFrom(tiny(3,
                Activation.TANH, 3)));
        assertTrue(e.getMessage().startsWith("other must be a DCGAN generator 3 → 4×2×2"), e.getMessage());
    }

    @Test
    void backwardLeavesThePassUnchanged() {
        DcganGenerator g = tiny(1, Activation.TANH, 4);
        DcganGenerator.Pass p = g.forward(TestArrays.gaussian(4, 3, 1));
        INDArray a1 = p.a1().dup();
        INDArray a2 = p.a2().dup();
        INDArray out = p.output().dup();
        g.backward(p, TestArrays.gaussian(4, 64, 2), true, true);
        assertEquals(a1, p.a1());
        assertEquals(a2, p.a2());
        assertEquals(out, p.output());
    }

    @Test
    void refusesBadSettingsAndInputsByName() {
        assertMessage("imageSize must be a multiple of 4 and >= 8 (two stride-2 layers), was 30",
                () -> new DcganGenerator(3, 1, 30, 2, Activation.TANH, Init.NORMAL_002, DataType.FLOAT, 1));
        assertMessage("channels must be >= 1, was 0",
                () -> new DcganGenerator(3, 0, 28, 2, Activation.TANH, Init.NORMAL_002, DataType.FLOAT, 1));
        assertMessage("width must be >= 1, was 0",
                () -> new DcganGenerator(3, 1, 28, 0, Activation.TANH, Init.NORMAL_002, DataType.FLOAT, 1));
        assertMessage("dataType must be FLOAT or DOUBLE, was HALF",
                () -> new DcganGenerator(3, 1, 28, 2, Activation.TANH, Init.NORMAL_002, DataType.HALF, 1));
        assertMessage("output must not be null",
                () -> new DcganGenerator(3, 1, 28, 2, null, Init.NORMAL_002, DataType.FLOAT, 1));
        DcganGenerator g = tiny(1, Activation.TANH, 1);
        assertMessage("z must have shape [batch, 3], was [4, 2]", () -> g.forward(TestArrays.gaussian(4, 2, 1)));
        assertMessage("z must have >= 2 rows for batch normalisation, was 1",
                () -> g.forward(TestArrays.gaussian(1, 3, 1)));
        assertMessage("x must have data type DOUBLE, was FLOAT",
                () -> g.forward(TestArrays.gaussian(4, 3, 1).castTo(DataType.FLOAT)));
        assertMessage("z must not be null", () -> g.forward(null));
        DcganGenerator.Pass p = g.forward(TestArrays.gaussian(4, 3, 1));
        assertMessage("gradOutput must have shape [4, 64], was [4, 63]",
                () -> g.backward(p, TestArrays.gaussian(4, 63, 1), true, true));
        assertMessage("pass must come from a DCGAN generator's forward(), was null",
                () -> g.backward(null, TestArrays.gaussian(4, 64, 1), true, true));
    }

    static void assertMessage(String expected, org.junit.jupiter.api.function.Executable e) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, e).getMessage());
    }
}
