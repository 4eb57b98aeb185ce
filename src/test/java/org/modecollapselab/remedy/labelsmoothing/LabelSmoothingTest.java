package org.modecollapselab.remedy.labelsmoothing;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.modecollapselab.TestArrays;
import org.modecollapselab.catalog.Remedies;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.nn.Activation;
import org.modecollapselab.nn.Init;
import org.modecollapselab.nn.Mlp;
import org.modecollapselab.nn.MlpSpec;
import org.modecollapselab.objective.Losses;
import org.modecollapselab.objective.Objective;
import org.modecollapselab.remedy.RemedyAssertions;
import org.modecollapselab.util.NdArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class LabelSmoothingTest {

    @Test
    void targetOneIsThePlainGanExactly() {
        RemedyAssertions.assertSameAsPlainGan(new LabelSmoothing(1), 6);
    }

    /** Objective (target 1) plus the hook's term = binary cross-entropy with target t: loss and D's gradient. */
    @Test
    void theObjectivePlusTheTermIsTheSmoothedLoss() {
        Mlp d = new Mlp(new MlpSpec(2, List.of(7), 1, Activation.LEAKY_RELU, Activation.IDENTITY,
                Init.PYTORCH_DEFAULT), DataType.DOUBLE, 4);
        int nr = 5;
        INDArray x = TestArrays.gaussian(nr + 6, 2, 9);
        Mlp.Pass pass = d.forward(x);
        double[] logits = NdArrays.values(pass.output());
        double[] real = java.util.Arrays.copyOfRange(logits, 0, nr);
        double[] fake = java.util.Arrays.copyOfRange(logits, nr, logits.length);
        double t = 0.9;
        // The step's way: the objective at target 1, then the hook's term.
        double[] gr = new double[nr];
        double[] gf = new double[fake.length];
        double loss = Losses.discriminator(real, fake, 1.0, gr, gf);
        d.zeroGradients();
        d.backward(pass, column(gr, gf), true, false);
        loss += LabelSmoothing.addTerm(d, pass, nr, 1 - t);
        INDArray ours = d.gradients().dup();
        // The smoothed loss directly.
        double smoothed = Losses.discriminator(real, fake, t, gr, gf);
        d.zeroGradients();
        d.backward(pass, column(gr, gf), true, false);
        assertEquals(smoothed, loss, 1e-12);
        assertTrue(ours.equalsWithEps(d.gradients(), 1e-12), "D's gradient is the smoothed loss's");
    }

    private static INDArray column(double[] a, double[] b) {
        double[] v = new double[a.length + b.length];
        System.arraycopy(a, 0, v, 0, a.length);
        System.arraycopy(b, 0, v, a.length, b.length);
        return NdArrays.of(v, v.length, 1, DataType.DOUBLE);
    }

    @Test
    void smoothingChangesDsUpdateOnly() {
        GanConfig c = GanConfig.temperatureCollapse().withSeed(3);
        Gan plain = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), c);
        Gan smooth = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), c, LabelSmoothing.oneSided());
        var sp = plain.step();
        var ss = smooth.step();
        assertNotEquals(sp.discriminatorLoss(), ss.discriminatorLoss());
        assertEquals(sp.realScore(), ss.realScore(), 0, "the same first D pass");
        assertNotEquals(plain.discriminator().parameters(), smooth.discriminator().parameters());
    }

    @Test
    void badSettingsAndOtherObjectivesAreNamed() {
        for (double t : new double[] {0, 1.1, -0.5, Double.NaN}) {
            assertEquals("realTarget must be in (0, 1], was " + t,
                    assertThrows(IllegalArgumentException.class, () -> new LabelSmoothing(t)).getMessage());
        }
        Objective critic = new Objective() {
            @Override
            public String label() {
                return "a critic";
            }

            @Override
            public double discriminatorLoss(double[] real, double[] fake, double[] gradReal, double[] gradFake) {
                return 0;
            }

            @Override
            public double generatorLoss(double[] fake, double[] gradient) {
                return 0;
            }

            @Override
            public double score(double output) {
                return output;
            }
        };
        assertEquals("objective must be the GAN objective (binary cross-entropy on D's logits) for one-sided label "
                + "smoothing, was a critic", assertThrows(IllegalArgumentException.class, () -> Gan.create(
                TemperatureData.aliceSpringsAndSouthPole(), GanConfig.temperatureCollapse().withObjective(critic),
                LabelSmoothing.oneSided())).getMessage());
        Gan.create(TemperatureData.aliceSpringsAndSouthPole(), GanConfig.temperatureCollapse().withObjective(critic),
                new LabelSmoothing(1));   // the neutral setting fits any objective
    }


    /**
     * What we measured: one-sided label smoothing (target 0.9) does not undo the temperature collapse preset's
     * collapse. Seeds 1–12 (1,200 steps): mean modes covered of 2 no more than 0.5 above the plain GAN's. Measured on
     * this machine: plain 1.0 ± 0, label smoothing 1.08 ± 0.08 (SkylakeX kernels, seeds 1–8: 0.88 ± 0.13, one seed with
     * no mode covered); the bound is three standard errors above.
     */
    @Test
    @Tag("slow")
    void labelSmoothingDoesNotUndoTheTemperatureCollapse() {
        RemedyAssertions.assertDoesNotRaiseModes(RemedyAssertions.temperature(), Remedies.parse("label-smoothing"), 12,
                0.5);
    }
}
