package org.modecollapselab.step;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.modecollapselab.data.GaussianMixture;

/** The one map between data units and the networks' standardised units. */
class StandardiserTest {
    private final Standardiser s = new Standardiser(new double[] {1, -2}, new double[] {2, 0.5});

    @Test
    void standardisesEachCoordinateAndMapsBack() {
        double[][] points = {{3, -2}, {1, -1.5}};
        double[] std = s.standardise(points);
        assertArrayEquals(new double[] {(3 - 1) / 2.0, (-2 + 2) / 0.5, 0, (-1.5 + 2) / 0.5}, std);
        assertArrayEquals(std, s.standardiseInPlace(new double[] {3, -2, 1, -1.5}));
        double[][] back = s.toDataUnits(std);
        assertArrayEquals(points[0], back[0]);
        assertArrayEquals(points[1], back[1]);
        // A gradient with respect to standardised coordinates, per data unit: ÷ sd.
        double[][] g = s.gradientToDataUnits(new double[] {1, 1});
        assertArrayEquals(new double[] {0.5, 2}, g[0]);
    }

    @Test
    void takesTheDataSourcesMeanAndSd() {
        GaussianMixture ring = GaussianMixture.teachingRing();
        Standardiser r = Standardiser.of(ring);
        assertEquals(2, r.dimension());
        double[] x = {0.5, -0.25};
        double[] expected = {(0.5 - ring.mean()[0]) / ring.sd()[0], (-0.25 - ring.mean()[1]) / ring.sd()[1]};
        assertArrayEquals(expected, r.standardiseInPlace(x.clone()));
    }

    @Test
    void refusesBadInputByName() {
        assertEquals("sd[1] must be finite and > 0, was 0.0", assertThrows(IllegalArgumentException.class,
                () -> new Standardiser(new double[] {0, 0}, new double[] {1, 0})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Standardiser(new double[] {0}, new double[] {1, 1}));
        assertEquals("points[1] must have 2 coordinates, was 1", assertThrows(IllegalArgumentException.class,
                () -> s.standardise(new double[][] {{1, 2}, {3}})).getMessage());
        assertEquals("flat must hold whole rows of 2 values, was 3 values", assertThrows(
                IllegalArgumentException.class, () -> s.toDataUnits(new double[3])).getMessage());
    }
}
