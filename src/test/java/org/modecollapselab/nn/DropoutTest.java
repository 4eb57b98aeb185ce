package org.modecollapselab.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.modecollapselab.TestArrays;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.gan.Gan;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Dropout in an MLP's hidden layers: training passes only, inverted scaling, gradients through the masks. */
class DropoutTest {
    private static final MlpSpec SPEC = new MlpSpec(3, List.of(40, 30), 2, Activation.LEAKY_RELU, Activation.IDENTITY,
            Init.PYTORCH_DEFAULT, false, 1, 0.3);

    @Test
    void trainingPassesDropAboutPOfTheHiddenUnitsAndScaleTheRest() {
        Mlp net = new Mlp(SPEC, DataType.DOUBLE, 5);
        Mlp.Pass pass = net.forward(TestArrays.gaussian(200, 3, 1));
        for (int layer = 0; layer < 2; layer++) {
            INDArray mask = pass.masks()[layer];
            double dropped = mask.eq(0).castTo(DataType.DOUBLE).meanNumber().doubleValue();
            assertEquals(0.3, dropped, 0.02, "layer " + layer);
            assertEquals(1 / 0.7, mask.maxNumber().doubleValue(), 1e-12);
            assertEquals(pass.outputs()[layer].mul(mask), pass.inputs()[layer + 1], "next layer sees output ⊙ mask");
        }
        assertNull(pass.masks()[2], "no dropout on the output layer");
        assertNotEquals(pass.masks()[0], net.forward(TestArrays.gaussian(200, 3, 1)).masks()[0], "a fresh mask per pass");
    }

    @Test
    void inferenceHasNoDropoutAndMatchesTheSameWeightsWithout() {
        Mlp net = new Mlp(SPEC, DataType.DOUBLE, 5);
        Mlp plain = new Mlp(new MlpSpec(3, List.of(40, 30), 2, Activation.LEAKY_RELU, Activation.IDENTITY,
                Init.PYTORCH_DEFAULT), DataType.DOUBLE, 5);
        assertEquals(plain.parameters(), net.parameters(), "dropout does not change the weights drawn");
        INDArray x = TestArrays.gaussian(7, 3, 2);
        assertEquals(plain.output(x), net.output(x));
        assertEquals(net.output(x), net.output(x));
    }

    @Test
    void zeroDropoutKeepsNoMasksAndTheNumbersOfAPlainMlp() {
        Mlp net = new Mlp(new MlpSpec(3, List.of(5), 1, Activation.RELU, Activation.IDENTITY, Init.PYTORCH_DEFAULT,
                false, 1, 0), DataType.DOUBLE, 5);
        Mlp.Pass pass = net.forward(TestArrays.gaussian(4, 3, 3));
        assertNull(pass.masks()[0]);
        assertEquals(new MlpSpec(3, List.of(5), 1, Activation.RELU, Activation.IDENTITY, Init.PYTORCH_DEFAULT),
                net.spec());
    }

    /** With the masks of one training pass held fixed, backward is the exact gradient (finite differences). */
    @Test
    void gradientsThroughTheMasksMatchFiniteDifferences() {
        Mlp net = new Mlp(SPEC, DataType.DOUBLE, 7);
        INDArray x = TestArrays.gaussian(5, 3, 4);
        INDArray c = TestArrays.gaussian(5, 2, 5);
        // A network built from the same seed draws the same first mask: the loss at perturbed parameters is
        // evaluated with the masks of the pass being differentiated.
        Mlp.Pass pass = net.forward(x);
        net.zeroGradients();
        INDArray gx = net.backward(pass, c, true, true);
        INDArray gp = net.gradients().dup();
        double h = 1e-6;
        INDArray p = net.parameters();
        for (int i = 0; i < p.length(); i += 7) {
            double v = p.getDouble(i);
            p.putScalar(i, v + h);
            double up = lossWithFirstMask(p, x, c);
            p.putScalar(i, v - h);
            double down = lossWithFirstMask(p, x, c);
            p.putScalar(i, v);
            assertEquals((up - down) / (2 * h), gp.getDouble(i), 1e-6, "parameter " + i);
        }
        for (int r = 0; r < x.rows(); r++) {
            for (int j = 0; j < x.columns(); j++) {
                double v = x.getDouble(r, j);
                x.putScalar(r, j, v + h);
                double up = lossWithFirstMask(p, x, c);
                x.putScalar(r, j, v - h);
                double down = lossWithFirstMask(p, x, c);
                x.putScalar(r, j, v);
                assertEquals((up - down) / (2 * h), gx.getDouble(r, j), 1e-6, "x[" + r + "," + j + "]");
            }
        }
    }

    private static double lossWithFirstMask(INDArray params, INDArray x, INDArray c) {
        Mlp fresh = new Mlp(SPEC, DataType.DOUBLE, 7);
        fresh.parameters().assign(params);
        return fresh.forward(x).output().mul(c).sumNumber().doubleValue();
    }

    @Test
    void exactCurvatureProductsRefuseDropout() {
        Mlp net = new Mlp(SPEC, DataType.DOUBLE, 7);
        assertFalse(net.piecewiseLinear());
        Mlp.Pass pass = net.forward(TestArrays.gaussian(3, 3, 1));
        assertThrows(IllegalStateException.class, () -> net.curvatureProducts(pass, TestArrays.gaussian(3, 2, 2),
                TestArrays.gaussian(3, 2, 3), TestArrays.gaussian(1, net.parameterCount(), 4)));
    }

    @Test
    void badDropoutIsNamed() {
        assertEquals("dropout must be in [0.0, 1.0), was 1.0", assertThrows(IllegalArgumentException.class,
                () -> new MlpSpec(3, List.of(5), 1, Activation.RELU, Activation.IDENTITY, Init.PYTORCH_DEFAULT, false,
                        1, 1.0)).getMessage());
        assertEquals("discriminatorDropout must be in [0.0, 1.0), was -0.1", assertThrows(IllegalArgumentException.class,
                () -> GanConfig.ringCollapse().withDiscriminatorDropout(-0.1)).getMessage());
        assertEquals("discriminatorDropout must be in [0.0, 1.0), was NaN", assertThrows(IllegalArgumentException.class,
                () -> GanConfig.ringCollapse().withDiscriminatorDropout(Double.NaN)).getMessage());
    }

    @Test
    void aGanWithDropoutInDTrainsAndItsVerdictHasNoDropout() {
        GanConfig c = GanConfig.temperatureCollapse().withDiscriminatorDropout(0.3).withSeed(3);
        Gan gan = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), c);
        assertTrue(gan.discriminator().describe().endsWith("dropout 0.3"), gan.discriminator().describe());
        Gan plain = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), GanConfig.temperatureCollapse().withSeed(3));
        assertNotEquals(plain.step(), gan.step(), "D's training passes drop units");
        gan.train(20);
        double[] grid = gan.probeGrid(9);
        assertArrayEquals(gan.discriminatorProbability(grid), gan.discriminatorProbability(grid), 0);
    }
}
