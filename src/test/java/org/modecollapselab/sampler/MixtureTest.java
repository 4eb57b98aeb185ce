package org.modecollapselab.sampler;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class MixtureTest {
    /** A sampler that always draws the same point. */
    record Constant(double v) implements Sampler {
        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public double[][] sample(int n, long seed) {
            double[][] out = new double[n][];
            for (int i = 0; i < n; i++) {
                out[i] = new double[] {v};
            }
            return out;
        }

        @Override
        public String label() {
            return "at " + v;
        }
    }

    @Test
    void componentsAreDrawnByWeight() {
        Mixture m = new Mixture(List.of(new Constant(0), new Constant(1), new Constant(2)),
                new double[] {0.2, 0.0, 0.8}, "m");
        double[][] s = m.sample(10000, 3);
        long zeros = java.util.Arrays.stream(s).filter(x -> x[0] == 0).count();
        long ones = java.util.Arrays.stream(s).filter(x -> x[0] == 1).count();
        assertEquals(0.2, zeros / 10000.0, 0.02);
        assertEquals(0, ones);
        assertArrayEquals(m.counts(10000, 3), m.counts(10000, 3));
        assertArrayEquals(s, m.sample(10000, 3));
        assertEquals(2.0, m.sample(5, 1, 2)[4][0]);
        assertArrayEquals(new double[] {1, 0}, m.prefix(2, "first two").weights(), 1e-12);
        assertEquals(3, m.classes());
    }

    @Test
    void oneComponentIsThatComponentExactly() {
        Sampler s = new Constant(4);
        assertArrayEquals(s.sample(7, 2), new Mixture(List.of(s), new double[] {1}, "one").sample(7, 2));
    }

    @Test
    void badMixturesAreRefusedByName() {
        Sampler a = new Constant(0);
        assertEquals("components must not be empty, was []", assertThrows(IllegalArgumentException.class,
                () -> new Mixture(List.of(), new double[0], "m")).getMessage());
        assertEquals("weights must have the same length as components (one weight per component: 1), was 2", assertThrows(
                IllegalArgumentException.class, () -> new Mixture(List.of(a), new double[] {0.5, 0.5}, "m"))
                .getMessage());
        assertEquals("weights[0] must be finite and >= 0, was -0.5", assertThrows(IllegalArgumentException.class,
                () -> new Mixture(List.of(a, a), new double[] {-0.5, 1.5}, "m")).getMessage());
        assertEquals("weights must sum to 1 (within 1e-6), was 0.5", assertThrows(IllegalArgumentException.class,
                () -> new Mixture(List.of(a, a), new double[] {0.25, 0.25}, "m")).getMessage());
        Mixture m = Mixture.uniform(List.of(a, a), "m");
        assertEquals("label must be in [0, 2) (the mixture's components), was 2",
                assertThrows(IllegalArgumentException.class, () -> m.sample(3, 1, 2)).getMessage());
        assertEquals("k must be in [1, 2], was 3",
                assertThrows(IllegalArgumentException.class, () -> m.prefix(3, "x")).getMessage());
    }
}
