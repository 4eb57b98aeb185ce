package org.modecollapselab.objective;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.modecollapselab.SeedTrials;
import org.modecollapselab.catalog.Objectives;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.gan.Method;
import org.modecollapselab.remedy.RemedyAssertions;

/**
 * Does the objective alone change mode collapse on the ring, where the plain GAN collapses? Seeds 1–6, 500 steps of
 * the ring collapse preset, only the objective changed (the preset's recipe, not each objective's own). What we
 * measured: WGAN-GP does <em>not</em> raise the modes captured by more than 1; the WGAN with weight clipping reaches
 * nearly every mode, but as a haze (under 20% of its samples within 3σ of a mode). README "The objective, measured" and
 * notebook 07 say so. Measured on this machine, seeds 1–6: the GAN 0.67 ± 0.21 modes, WGAN-GP 0.0 ± 0 (bound: at most 1
 * above), WGAN 8.0 ± 0 at 7.0 ± 0.3 % high quality (bounds: 4 above, under 20 %); the same means with SkylakeX kernels.
 */
class ObjectiveOnTheRingTest {
    private static final int SEEDS = 6;
    private static final int STEPS = 500;

    private static java.util.List<SeedTrials.Runs> ring(String objective) {
        return RemedyAssertions.withPlain(RemedyAssertions.ring(STEPS), Objectives.parse(objective).method(
                Method.plain()), SEEDS);
    }

    @Test
    @Tag("slow")
    void wganGpAloneDoesNotRaiseRingCoverage() {
        var r = ring("wgan-gp");
        SeedTrials.assertMeanAtMost(r.get(0).modes(), 2);
        SeedTrials.assertGainAtMost(r.get(0).modes(), r.get(1).modes(), 1);
    }

    @Test
    @Tag("slow")
    void weightClippedWganCoversTheRingAsAHaze() {
        var r = ring("wgan");
        SeedTrials.assertGainAtLeast(r.get(0).modes(), r.get(1).modes(), 4);
        SeedTrials.assertMeanAtMost(r.get(1).highQuality(), 20);
    }

    /** The Jensen–Shannon f-GAN's gradients are the GAN's, so it trains the same GAN. */
    @Test
    void jensenShannonFGanTrainsExactlyTheGan() {
        GanConfig c = GanConfig.temperatureCollapse().withSeed(4);
        Gan gan = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), c);
        Gan js = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), c.withObjective(Objective.fGan("js")));
        for (int i = 0; i < 30; i++) {
            var a = gan.step();
            var b = js.step();
            assertEquals(a.discriminatorLoss() - Math.log(4), b.discriminatorLoss(), 1e-9);
            assertEquals(a.realScore(), b.realScore(), 1e-9);
        }
        // Two formulas for one gradient agree to ~1e-16 (ObjectiveFamilyTest), not necessarily in every bit on every
        // CPU's exp and log: after 30 FLOAT steps the parameters agree to a tolerance, not bit for bit.
        assertClose(gan.generator().parameters().toDoubleVector(), js.generator().parameters().toDoubleVector());
        assertClose(gan.discriminator().parameters().toDoubleVector(), js.discriminator().parameters().toDoubleVector());
    }

    /** Every element within 1e-5 of the largest magnitude (FLOAT parameters; README, Tests: the rule for numbers). */
    static void assertClose(double[] expected, double[] actual) {
        double scale = java.util.Arrays.stream(expected).map(Math::abs).max().orElse(0);
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5 * scale, "parameter " + i);
        }
    }
}
