package org.modecollapselab.data;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.modecollapselab.data.GaussianMixture1D.Component;

class GaussianMixture1DTest {

    @Test
    void sampleMomentsMatchTheMixture() {
        GaussianMixture1D m = GaussianMixture1D.of("m", new Component("a", -2, 0.5, 0.25), new Component("b", 4, 1, 0.75));
        double[] x = m.sample(200_000, new SplittableRandom(1));
        double mean = java.util.Arrays.stream(x).average().orElseThrow();
        double var = java.util.Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / x.length;
        // E = 0.25*-2 + 0.75*4 = 2.5; Var = Σ w (σ² + μ²) − E² = 0.25*4.25 + 0.75*17 − 6.25 = 7.5625
        assertEquals(2.5, m.mean()[0], 1e-12);
        assertEquals(Math.sqrt(7.5625), m.sd()[0], 1e-12);
        assertEquals(2.5, mean, 0.03);
        assertEquals(7.5625, var, 0.08);
        long inA = java.util.Arrays.stream(x).filter(v -> v < 1).count();
        assertEquals(0.25, inA / (double) x.length, 0.005);
    }

    @Test
    void sameSeedSameSamples() {
        GaussianMixture1D m = TemperatureData.aliceSpringsAndSouthPole();
        assertArrayEquals(m.sample(100, 7L), m.sample(100, 7L));
        assertFalse(java.util.Arrays.equals(m.sample(100, 7L), m.sample(100, 8L)));
    }

    @Test
    void weightsMustSumToOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GaussianMixture1D.of("m",
                new Component("a", 0, 1, 0.5), new Component("b", 3, 1, 0.4)));
        assertTrue(e.getMessage().contains("weights must sum to 1"), e.getMessage());
        assertTrue(e.getMessage().contains("0.9"), e.getMessage());
    }

    @Test
    void badComponentsAreNamed() {
        assertEquals("sd must be finite and > 0, was -1.0",
                assertThrows(IllegalArgumentException.class, () -> new Component("a", 0, -1, 1)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Component("a", 0, 1, 0))
                .getMessage().contains("weight of component 'a' must be in (0, 1], was 0.0"));
    }

    @Test
    void temperatureDataKnowsItsModes() {
        GaussianMixture1D t = TemperatureData.aliceSpringsAndSouthPole(0.3);
        assertEquals(2, t.modes().size());
        assertEquals(TemperatureData.COLD, t.modes().get(0).name());
        assertEquals(0.7, t.modes().get(0).weight(), 1e-12);
        assertEquals(TemperatureData.HOT_MEAN, t.modes().get(1).center()[0]);
        assertEquals(1, t.modes().nearest(new double[] {30}));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TemperatureData.aliceSpringsAndSouthPole(1.0))
                .getMessage().contains("hotWeight must be in (0, 1), was 1.0"));
    }

    @Test
    void withWeightsReweights() {
        GaussianMixture1D t = TemperatureData.aliceSpringsAndSouthPole().withWeights(0.9, 0.1);
        assertEquals(0.9, t.components().get(0).weight());
        assertThrows(IllegalArgumentException.class, () -> t.withWeights(1.0));
    }
}
