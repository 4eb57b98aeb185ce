package org.modecollapselab.remedy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.gan.Method;
import org.modecollapselab.study.Study;
import org.modecollapselab.study.StudyCase;
import org.modecollapselab.step.Remedy;

/** Checks every remedy owes: its neutral setting (λ = 0, pack 1, …) reproduces the plain GAN exactly. */
public final class RemedyAssertions {
    private RemedyAssertions() {
    }

    /**
     * Trains the temperature collapse preset with and without {@code neutral} for 30 steps from {@code seed} and
     * asserts that the remedy calls itself neutral, equal step statistics at every step and equal parameters of both
     * networks at the end.
     */
    public static void assertSameAsPlainGan(Remedy neutral, long seed) {
        assertTrue(neutral.neutral(), neutral.label() + " should call itself neutral");
        GanConfig c = GanConfig.temperatureCollapse().withSeed(seed);
        Gan plain = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), c);
        Gan remedied = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), c, neutral);
        for (int i = 0; i < 30; i++) {
            assertEquals(plain.step(), remedied.step());
        }
        assertEquals(plain.generator().parameters(), remedied.generator().parameters());
        assertEquals(plain.discriminator().parameters(), remedied.discriminator().parameters());
    }

    /** Study runs by case, steps, method and seed, shared by tests (a run is deterministic). */
    private static final java.util.Map<String, Study.Run> RUNS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A study run of {@code method} on {@code c} with {@code seed} and the study's standard protocol, trained once per
     * test JVM (the hopping baseline's plain runs serve several tests).
     */
    public static Study.Run run(StudyCase c, Method method, int seed) {
        String key = c.name() + ":" + c.steps() + ":" + method + ":" + seed;
        return RUNS.computeIfAbsent(key, k -> Study.run(c, method, seed, Study.Protocol.standard()));
    }

    /** The hops ({@code Study.hops}) of {@code method} on {@code c} for seeds 1..{@code seeds}. */
    public static int[] hops(StudyCase c, Method method, int seeds) {
        int[] h = new int[seeds];
        for (int s = 1; s <= seeds; s++) {
            h[s - 1] = run(c, method, s).hops();
        }
        return h;
    }

    /** Mean of the hops (or any counts). */
    public static double mean(int[] v) {
        return java.util.Arrays.stream(v).average().orElse(Double.NaN);
    }

    /**
     * Trains the plain GAN and {@code method} on {@code c} for seeds 1..{@code seeds}, prints both hop counts per seed,
     * and returns {plain hops, method's hops}.
     */
    public static int[][] compareHops(StudyCase c, Method method, int seeds) {
        int[] plain = hops(c, Method.plain(), seeds);
        int[] remedied = hops(c, method, seeds);
        System.out.println(c.name() + " (" + c.steps() + " steps), hops per seed: plain "
                + java.util.Arrays.toString(plain) + " (mean " + mean(plain) + "), " + method.label() + " "
                + java.util.Arrays.toString(remedied) + " (mean " + mean(remedied) + ")");
        return new int[][] {plain, remedied};
    }

    /**
     * Trains the plain GAN and {@code method} on {@code c} for seeds 1..{@code seeds} and asserts that the plain GAN
     * captures at most {@code plainAtMost} modes on average (it collapses) and the method at least {@code minGain}
     * more.
     */
    public static void assertRaisesCoverage(StudyCase c, Method method, int seeds, double plainAtMost,
                                            double minGain) {
        double plain = 0;
        double remedied = 0;
        StringBuilder log = new StringBuilder();
        for (int s = 1; s <= seeds; s++) {
            Study.Run p = run(c, Method.plain(), s);
            Study.Run r = run(c, method, s);
            plain += p.modesCaptured();
            remedied += r.modesCaptured();
            log.append(String.format(" seed %d: plain %d/%d, %s %d/%d (%.0f%% high quality);", s, p.modesCaptured(),
                    p.modes(), method.label(), r.modesCaptured(), r.modes(), r.highQualityPercent()));
        }
        plain /= seeds;
        remedied /= seeds;
        System.out.println(method.label() + " on " + c.name() + ":" + log);
        assertTrue(plain <= plainAtMost, "the plain GAN should collapse on " + c.name() + ", mean modes " + plain
                + ":" + log);
        assertTrue(remedied >= plain + minGain, method.label() + ": mean modes " + remedied + " vs plain " + plain
                + ":" + log);
    }

    /** Plain-GAN temperature runs' modes covered by "steps:seeds", shared by the remedies' tests. */
    private static final java.util.Map<String, Double> PLAIN_TEMPERATURE = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Mean modes covered (of 2) on the temperature collapse preset over seeds 1..{@code seeds}, {@code steps} steps
     * each ({@code SeedStudy}: 3σ, ≥ 5% of 500 samples per mode), for {@code method} and for the plain GAN (cached):
     * {plain, method}. Prints both tables.
     */
    public static double[] temperatureModes(Method method, int seeds, int steps) {
        var data = org.modecollapselab.data.TemperatureData.aliceSpringsAndSouthPole();
        var th = org.modecollapselab.metric.CoverageThresholds.standard();
        double plain = PLAIN_TEMPERATURE.computeIfAbsent(steps + ":" + seeds, k -> {
            var t = org.modecollapselab.study.SeedStudy.run(data, GanConfig.temperatureCollapse(), "plain", seeds,
                    steps, th);
            System.out.println(t.printAll());
            return t.intColumn("modes_covered").mean();
        });
        var t = org.modecollapselab.study.SeedStudy.run(data, GanConfig.temperatureCollapse(), method, method.label(),
                seeds, steps, th);
        System.out.println(t.printAll());
        return new double[] {plain, t.intColumn("modes_covered").mean()};
    }

    /** Plain-GAN ring runs by "steps:seed", shared by the remedies' tests (a run is deterministic). */
    private static final java.util.Map<String, Study.Run> PLAIN_RING = new java.util.concurrent.ConcurrentHashMap<>();

    /** The plain GAN's run on the ring collapse preset for {@code steps} steps from {@code seed} (computed once). */
    public static Study.Run plainRing(int steps, int seed) {
        StudyCase ring = StudyCase.named("ring").withSteps(steps);
        return PLAIN_RING.computeIfAbsent(steps + ":" + seed, k -> Study.run(ring, Method.plain(), seed,
                Study.Protocol.standard()));
    }

    /**
     * Trains the ring collapse preset ({@code StudyCase.named("ring")}) with and without the remedy for seeds
     * 1..{@code seeds}, {@code steps} steps each, and asserts that the plain GAN collapses (mean modes captured
     * &lt;= 2 of 8) and that the remedy raises the mean by at least {@code minGain} modes.
     */
    public static void assertRaisesRingCoverage(Remedy remedy, int seeds, int steps, double minGain) {
        StudyCase ring = StudyCase.named("ring").withSteps(steps);
        double plain = 0;
        double remedied = 0;
        StringBuilder log = new StringBuilder();
        String name = remedy.label();
        for (int s = 1; s <= seeds; s++) {
            Study.Run p = plainRing(steps, s);
            Study.Run r = Study.run(ring, Method.of(remedy), s, Study.Protocol.standard());
            plain += p.modesCaptured();
            remedied += r.modesCaptured();
            log.append(String.format(" seed %d: plain %d/8, %s %d/8 (%.0f%% high quality);", s, p.modesCaptured(),
                    name, r.modesCaptured(), r.highQualityPercent()));
        }
        plain /= seeds;
        remedied /= seeds;
        System.out.println(name + " on the ring:" + log);
        assertTrue(plain <= 2, "the plain GAN should collapse on the ring, mean modes " + plain + ":" + log);
        assertTrue(remedied >= plain + minGain, name + ": mean modes " + remedied + " vs plain " + plain + ":" + log);
    }
}
