package org.modecollapselab.remedy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.modecollapselab.study.Remedy;
import org.modecollapselab.study.RemedyStudy;
import org.modecollapselab.study.StudyCase;

import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.gan.GanConfig;
import org.modecollapselab.gan.StepHook;

/** Checks every remedy owes: its neutral setting (λ = 0, pack 1, …) reproduces the plain GAN exactly. */
public final class RemedyAssertions {
    private RemedyAssertions() {
    }

    /**
     * Trains the temperature collapse preset with and without {@code neutralHook} for 30 steps from {@code seed}
     * and asserts equal step statistics at every step and equal parameters of both networks at the end.
     */
    public static void assertSameAsPlainGan(StepHook neutralHook, long seed) {
        GanConfig c = GanConfig.temperatureCollapse().withSeed(seed);
        Gan plain = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), c);
        Gan hooked = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), c, neutralHook);
        for (int i = 0; i < 30; i++) {
            assertEquals(plain.step(), hooked.step());
        }
        assertEquals(plain.generator().parameters(), hooked.generator().parameters());
        assertEquals(plain.discriminator().parameters(), hooked.discriminator().parameters());
    }

    /** Plain-GAN ring runs by "steps:seed", shared by the remedies' tests (a run is deterministic). */
    private static final java.util.Map<String, RemedyStudy.Run> PLAIN_RING = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Trains the ring collapse preset ({@code StudyCase.named("ring")}) with and without the remedy for seeds
     * 1..{@code seeds}, {@code steps} steps each, and asserts that the plain GAN collapses (mean modes captured
     * &lt;= 2 of 8) and that the remedy raises the mean by at least {@code minGain} modes.
     */
    public static void assertRaisesRingCoverage(String name, Supplier<List<org.modecollapselab.gan.StepHook>> hooks,
                                                int seeds, int steps, double minGain) {
        StudyCase ring = StudyCase.named("ring").withSteps(steps);
        double plain = 0;
        double remedied = 0;
        StringBuilder log = new StringBuilder();
        for (int s = 1; s <= seeds; s++) {
            RemedyStudy.Run p = PLAIN_RING.computeIfAbsent(steps + ":" + s,
                    k -> RemedyStudy.run(ring, Remedy.parse("plain"), Integer.parseInt(k.split(":")[1])));
            RemedyStudy.Run r = RemedyStudy.run(ring, new Remedy(name, hooks), s);
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
