package org.modecollapselab.data;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.modecollapselab.metric.ModeSet;

/** Class weights, data restricted to classes, and finite weighted samples. */
class ClassDataTest {

    @Test
    void mixturesRestrictToTheirComponents() {
        GaussianMixture ring = GaussianMixture.teachingRing();
        assertArrayEquals(new double[] {0.125, 0.125, 0.125, 0.125, 0.125, 0.125, 0.125, 0.125}, ring.classWeights(),
                1e-15);
        GaussianMixture three = ring.ofClass(3);
        assertEquals(1, three.modes().size());
        assertArrayEquals(ring.modes().get(3).center(), three.mean(), 1e-12);
        assertEquals(0.1, three.sd()[0], 1e-12);
        GaussianMixture pair = ring.ofClasses(0, 4);
        assertEquals(2, pair.modes().size());
        assertEquals(0.5, pair.modes().get(1).weight(), 1e-12);
        GaussianMixture1D t = TemperatureData.aliceSpringsAndSouthPole(0.8);
        assertArrayEquals(new double[] {0.2, 0.8}, t.classWeights(), 1e-12);
        assertEquals(TemperatureData.HOT_MEAN, t.ofClass(1).mean()[0], 1e-12);
    }

    /** Labelled data that does not override ofClasses: the default draws by rejection. */
    record Labelled3(GaussianMixture1D inner) implements DataSource {
        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public double[] sample(int n, RandomGenerator rng) {
            return inner.sample(n, rng);
        }

        @Override
        public Labelled sampleLabelled(int n, RandomGenerator rng) {
            return inner.sampleLabelled(n, rng);
        }

        @Override
        public int classes() {
            return inner.classes();
        }

        @Override
        public ModeSet modes() {
            return inner.modes();
        }

        @Override
        public String name() {
            return "three";
        }

        @Override
        public double[] mean() {
            return inner.mean();
        }

        @Override
        public double[] sd() {
            return inner.sd();
        }
    }

    @Test
    void theDefaultRestrictionKeepsTheRowsOfItsClasses() {
        var inner = GaussianMixture1D.of("three", new GaussianMixture1D.Component("a", -10, 1, 0.5),
                new GaussianMixture1D.Component("b", 0, 1, 0.25), new GaussianMixture1D.Component("c", 10, 1, 0.25));
        DataSource d = new Labelled3(inner);
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, d.classWeights(), 1e-15);   // the default
        DataSource bc = d.ofClasses(1, 2);
        DataSource.Labelled l = bc.sampleLabelled(500, new SplittableRandom(1));
        for (int i = 0; i < 500; i++) {
            assertTrue(l.labels()[i] == 1 || l.labels()[i] == 2);
            assertEquals(l.labels()[i] == 1 ? 0 : 10, l.values()[i], 5);
        }
        assertEquals(2, bc.modes().size());
        assertArrayEquals(d.mean(), bc.mean(), 0);
        assertEquals("three, classes [1, 2]", bc.name());
    }

    @Test
    void badClassesAreRefusedByName() {
        GaussianMixture ring = GaussianMixture.teachingRing();
        assertEquals("label must be in [0, 8), was 8",
                assertThrows(IllegalArgumentException.class, () -> ring.ofClass(8)).getMessage());
        assertEquals("labels must not repeat a class (a class twice), was [1, 1]",
                assertThrows(IllegalArgumentException.class, () -> ring.ofClasses(1, 1)).getMessage());
        assertEquals("labels must name at least one class, was []",
                assertThrows(IllegalArgumentException.class, () -> ring.ofClasses()).getMessage());
    }

    @Test
    void aWeightedSampleDrawsItsPointsByWeight() {
        GaussianMixture ring = GaussianMixture.teachingRing();
        WeightedSample s = WeightedSample.draw(ring, 1000, 7);
        assertEquals(1000, s.size());
        assertArrayEquals(ring.mean(), s.mean(), 0);
        double[] w = s.weights();
        double[][] pts = s.points();
        // all the weight on the first point: every draw is that point
        double[] one = new double[1000];
        one[0] = 1;
        double[] drawn = s.withWeights(one).sample(50, new SplittableRandom(2));
        for (int i = 0; i < 50; i++) {
            assertEquals(pts[0][0], drawn[2 * i]);
            assertEquals(pts[0][1], drawn[2 * i + 1]);
        }
        assertEquals(1, java.util.Arrays.stream(s.classWeights()).sum(), 1e-9);
        assertEquals(0.001, w[0], 1e-15);
        assertEquals("weights must have one entry per point (1000), was 2", assertThrows(
                IllegalArgumentException.class, () -> s.withWeights(new double[] {1, 1})).getMessage());
        assertEquals("sum of weights must be finite and > 0, was 0.0", assertThrows(IllegalArgumentException.class,
                () -> s.withWeights(new double[1000])).getMessage());
    }
}
