package org.modecollapselab.remedy.noise;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.modecollapselab.SeedTrials;
import org.modecollapselab.TestArrays;
import org.modecollapselab.catalog.Remedies;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.remedy.RemedyAssertions;
import org.modecollapselab.step.InputTransform;
import org.modecollapselab.step.LatentCodes;
import org.modecollapselab.step.Setup;
import org.modecollapselab.step.StepContext;
import org.modecollapselab.step.StepHook;
import org.nd4j.linalg.api.ndarray.INDArray;

class NoiseTest {

    @Test
    void sigmaZeroIsThePlainGanExactly() {
        RemedyAssertions.assertSameAsPlainGan(InstanceNoise.annealed(0, 100), 3);
        RemedyAssertions.assertSameAsPlainGan(GeneratorNoise.output(0, 100), 4);
        RemedyAssertions.assertSameAsPlainGan(GeneratorNoise.input(0, 100, 2), 5);
    }

    @Test
    void theScheduleFallsLinearlyToZero() {
        NoiseSchedule s = new NoiseSchedule(0.5, 100);
        assertEquals(0.5, s.at(1), 0);
        assertEquals(0.25, s.at(51), 1e-12);
        assertEquals(0, s.at(101), 0);
        assertEquals(0, s.at(5000), 0);
        assertEquals(0.5, new NoiseSchedule(0.5, 0).at(5000), 0, "annealSteps 0: constant");
        assertEquals("σ=0.5→0 in 100 steps", s.describe());
    }

    private static StepHook start(org.modecollapselab.step.Remedy r) {
        GanConfig c = GanConfig.ringCollapse();
        // The noise hooks never touch the networks; Setup needs real ones (it refuses null).
        org.modecollapselab.nn.Mlp g = new org.modecollapselab.nn.Mlp(org.modecollapselab.nn.MlpSpec.of(2,
                java.util.List.of(3), 2, org.modecollapselab.nn.Activation.LEAKY_RELU,
                org.modecollapselab.nn.Activation.IDENTITY), org.nd4j.linalg.api.buffer.DataType.FLOAT, 1);
        org.modecollapselab.nn.Mlp d = new org.modecollapselab.nn.Mlp(org.modecollapselab.nn.MlpSpec.of(2,
                java.util.List.of(3), 1, org.modecollapselab.nn.Activation.LEAKY_RELU,
                org.modecollapselab.nn.Activation.IDENTITY), org.nd4j.linalg.api.buffer.DataType.FLOAT, 2);
        return r.start(new Setup(c, 2, 0, 2, g, d, 11));
    }

    private static StepContext step(int s) {
        return new StepContext() {
            @Override
            public int step() {
                return s;
            }

            @Override
            public GanConfig config() {
                return GanConfig.ringCollapse();
            }

            @Override
            public org.modecollapselab.nn.Network generator() {
                return null;
            }

            @Override
            public org.modecollapselab.nn.Network discriminator() {
                return null;
            }
        };
    }

    @Test
    void instanceNoiseBlursRealAndGeneratedAlikeAndGradientsPassUnchanged() {
        StepHook h = start(InstanceNoise.annealed(0.5, 100));
        InputTransform t = h.discriminatorInput();
        INDArray x = TestArrays.gaussian(4000, 2, 1);
        h.beforeStep(step(1));
        INDArray real = t.apply(x, null, false).output();
        INDArray fake = t.apply(x, null, true).output();
        assertEquals(0.5, real.sub(x).stdNumber().doubleValue(), 0.02);
        assertEquals(0.5, fake.sub(x).stdNumber().doubleValue(), 0.02);
        h.beforeStep(step(76));
        assertEquals(0.125, t.apply(x, null, false).output().sub(x).stdNumber().doubleValue(), 0.01, "annealed");
        INDArray g = TestArrays.gaussian(4000, 2, 2);
        assertEquals(g, t.apply(x, null, true).backward(g, false, true));
        h.beforeStep(step(101));
        assertSame(x, t.apply(x, null, false).output(), "σ = 0 after annealing: D sees the samples themselves");
    }

    @Test
    void outputNoiseBlursOnlyGeneratedSamples() {
        StepHook h = start(GeneratorNoise.output(0.3, 0));
        InputTransform t = h.discriminatorInput();
        INDArray x = TestArrays.gaussian(4000, 2, 1);
        h.beforeStep(step(1));
        assertSame(x, t.apply(x, null, false).output(), "real samples untouched");
        assertEquals(0.3, t.apply(x, null, true).output().sub(x).stdNumber().doubleValue(), 0.02);
    }

    /** Through the step: D's first verdict on the real batch changes with instance noise, not with output noise. */
    @Test
    void theStepTellsTransformsWhichBatchIsGenerated() {
        GanConfig c = GanConfig.temperatureCollapse().withSeed(5);
        var data = TemperatureData.aliceSpringsAndSouthPole();
        var plain = Gan.create(data, c).step();
        var out = Gan.create(data, c, GeneratorNoise.output(0.5, 0)).step();
        var both = Gan.create(data, c, InstanceNoise.annealed(0.5, 0)).step();
        assertEquals(plain.realScore(), out.realScore(), 0, "noise on G's output leaves real samples alone");
        assertNotEquals(plain.fakeScore(), out.fakeScore());
        assertNotEquals(plain.realScore(), both.realScore(), "instance noise blurs real samples too");
    }

    @Test
    void inputNoiseAddsColumnsToGsInput() {
        GeneratorNoise r = GeneratorNoise.input(0.8, 0, 3);
        assertEquals(3, r.generatorInputExtra());
        assertEquals(0, GeneratorNoise.input(0, 0, 3).generatorInputExtra());
        StepHook h = start(r);
        LatentCodes codes = h.latentCodes(2000, new java.util.SplittableRandom(1), null);
        assertEquals(3, codes.width());
        double ss = 0;
        for (double v : codes.values()) {
            ss += v * v;
        }
        assertEquals(0.8, Math.sqrt(ss / codes.values().length), 0.02);
        Gan gan = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), GanConfig.temperatureCollapse(), r);
        assertEquals(1 + 3, gan.generator().inputs());
        gan.train(3);
    }

    @Test
    void badSettingsAreNamed() {
        assertEquals("sigma must be finite and >= 0, was -0.1",
                assertThrows(IllegalArgumentException.class, () -> InstanceNoise.annealed(-0.1, 10)).getMessage());
        assertEquals("annealSteps must be >= 0, was -1",
                assertThrows(IllegalArgumentException.class, () -> GeneratorNoise.output(0.1, -1)).getMessage());
        assertEquals("columns must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> GeneratorNoise.input(0.1, 10, 0)).getMessage());
        assertEquals("sigma must be finite and >= 0, was Infinity", assertThrows(IllegalArgumentException.class,
                () -> InstanceNoise.annealed(Double.POSITIVE_INFINITY, 10)).getMessage());
    }


    /**
     * The temperature collapse preset, 1,200 steps, the catalog's settings (σ annealed to 0 over 1,000 steps): a
     * marginal effect, tested as one — instance noise covers both modes in some seeds and not in others (seeds 1–16:
     * in at least 3 and not in all 16); noise on G's output or input does not help (seeds 1–12: mean modes at most 0.5
     * above the plain GAN's). Measured: instance noise with both modes in 8 of seeds 1–12 on this machine (1.67 ± 0.14
     * modes), 5 of seeds 101–112 (1.33 ± 0.19), 4 of seeds 1–8 with SkylakeX kernels — a rate near one half, so a
     * "raises the mean by 0.25" bound failed one draw in seven and is not a test; output noise 1.08 ± 0.08, input noise
     * 1.0 ± 0, plain 1.0 ± 0 (seeds 1–12).
     */
    @Test
    @Tag("slow")
    void onTheTemperaturesInstanceNoiseHelpsInSomeSeedsAndNoiseOnGDoesNot() {
        var t = RemedyAssertions.temperature();
        SeedTrials.Measure both = SeedTrials.of(t, Remedies.parse("instance-noise"), 16)
                .fraction("seeds with both modes covered", r -> r.modesCaptured() == 2);
        SeedTrials.assertMeanAtLeast(both, 3.0 / 16);
        SeedTrials.assertMeanAtMost(both, 15.0 / 16);
        RemedyAssertions.assertDoesNotRaiseModes(t, Remedies.parse("g-output-noise"), 12, 0.5);
        RemedyAssertions.assertDoesNotRaiseModes(t, Remedies.parse("g-input-noise"), 12, 0.5);
    }
}
