package org.modecollapselab.remedy;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
