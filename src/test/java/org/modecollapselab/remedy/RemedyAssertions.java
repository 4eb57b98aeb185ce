package org.modecollapselab.remedy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.modecollapselab.SeedTrials;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.gan.Method;
import org.modecollapselab.step.Remedy;
import org.modecollapselab.study.Study;
import org.modecollapselab.study.StudyCase;

/**
 * Checks every remedy owes — its neutral setting (λ = 0, pack 1, …) reproduces the plain GAN bit for bit, on the same
 * machine and the same code path — and the statistical checks of what a remedy does, over seeds ({@link SeedTrials}).
 */
public final class RemedyAssertions {
    private RemedyAssertions() {
    }

    /**
     * Trains the temperature collapse preset with and without {@code neutral} for 30 steps from {@code seed} and
     * asserts that the remedy calls itself neutral, equal step statistics at every step and bit-identical parameters
     * of both networks at the end (the same ops on the same machine: no tolerance).
     */
    public static void assertSameAsPlainGan(Remedy neutral, long seed) {
        assertTrue(neutral.neutral(), neutral.label() + " should call itself neutral");
        GanConfig c = GanConfig.temperatureCollapse().withSeed(seed);
        Gan plain = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), c);
        Gan remedied = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), c, neutral);
        for (int i = 0; i < 30; i++) {
            assertEquals(plain.step(), remedied.step());
        }
        assertArrayEquals(plain.generator().parameters().toDoubleVector(),
                remedied.generator().parameters().toDoubleVector(), "G's parameters, bit for bit");
        assertArrayEquals(plain.discriminator().parameters().toDoubleVector(),
                remedied.discriminator().parameters().toDoubleVector(), "D's parameters, bit for bit");
    }

    /** The temperature collapse preset as the studies run it (1,200 steps, standard thresholds). */
    public static StudyCase temperature() {
        return StudyCase.named("temperature");
    }

    /** The ring collapse preset for {@code steps} steps. */
    public static StudyCase ring(int steps) {
        return StudyCase.named("ring").withSteps(steps);
    }

    /** The plain GAN's and {@code method}'s runs on {@code c} for seeds 1..n (+ offset): {plain, method}. */
    public static List<SeedTrials.Runs> withPlain(StudyCase c, Method method, int seeds) {
        return SeedTrials.all(c, seeds, Study.Protocol.standard(), Method.plain(), method);
    }

    /**
     * Asserts that the plain GAN collapses on {@code c} (mean modes captured at most {@code plainAtMost}) and that
     * {@code method} raises the mean by at least {@code minGain}, over seeds 1..n (+ offset).
     */
    public static void assertRaisesModes(StudyCase c, Method method, int seeds, double plainAtMost,
                                         double minGain) {
        List<SeedTrials.Runs> r = withPlain(c, method, seeds);
        SeedTrials.assertMeanAtMost(r.get(0).modes(), plainAtMost);
        SeedTrials.assertGainAtLeast(r.get(0).modes(), r.get(1).modes(), minGain);
    }

    /** The same for one remedy on one GAN. */
    public static void assertRaisesModes(StudyCase c, Remedy remedy, int seeds, double plainAtMost, double minGain) {
        assertRaisesModes(c, Method.of(remedy), seeds, plainAtMost, minGain);
    }

    /**
     * Asserts that {@code method} does not help on {@code c}: its mean modes captured exceed the plain GAN's by at
     * most {@code maxGain}, over seeds 1..n (+ offset).
     */
    public static void assertDoesNotRaiseModes(StudyCase c, Method method, int seeds, double maxGain) {
        List<SeedTrials.Runs> r = withPlain(c, method, seeds);
        SeedTrials.assertGainAtMost(r.get(0).modes(), r.get(1).modes(), maxGain);
    }

    /** The hops of the plain GAN and of {@code method} on {@code c}, seeds 1..n (+ offset): {plain, method}. */
    public static SeedTrials.Measure[] compareHops(StudyCase c, Method method, int seeds) {
        List<SeedTrials.Runs> r = withPlain(c, method, seeds);
        return new SeedTrials.Measure[] {r.get(0).hops(), r.get(1).hops()};
    }
}
