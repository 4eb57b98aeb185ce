package org.modecollapselab.data;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.modecollapselab.metric.CoverageReport;
import org.modecollapselab.metric.CoverageThresholds;
import org.modecollapselab.metric.ModeCoverage;
import org.modecollapselab.metric.Verdict;

class GaussianMixtureTest {

    @Test
    void pacganRingAndGrid() {
        GaussianMixture ring = GaussianMixture.pacganRing();
        assertEquals(8, ring.modes().size());
        assertEquals(2, ring.dimension());
        assertArrayEquals(new double[] {Math.sqrt(0.5), Math.sqrt(0.5)}, ring.modes().get(1).center(), 1e-12);
        assertArrayEquals(new double[] {0, 1}, ring.modes().get(2).center(), 1e-12);
        assertArrayEquals(new double[] {0, 0}, ring.mean(), 1e-12);
        // per coordinate: Σ w (σ² + μ_j²) = 0.01² + mean of cos² = 0.0001 + 0.5
        assertArrayEquals(new double[] {Math.sqrt(0.5001), Math.sqrt(0.5001)}, ring.sd(), 1e-12);
        GaussianMixture grid = GaussianMixture.pacganGrid();
        assertEquals(25, grid.modes().size());
        assertArrayEquals(new double[] {-4, -4}, grid.modes().get(0).center(), 1e-12);
        assertArrayEquals(new double[] {4, 4}, grid.modes().get(24).center(), 1e-12);
        assertEquals(0.04, grid.modes().get(7).weight(), 1e-12);
    }

    @Test
    void realSamplesCoverEveryModeAtHighQuality() {
        for (GaussianMixture m : new GaussianMixture[] {GaussianMixture.pacganRing(), GaussianMixture.pacganGrid()}) {
            CoverageReport r = ModeCoverage.evaluate(m.sample(2500, 4L), m.modes(), CoverageThresholds.veegan());
            assertEquals(Verdict.COVERED, r.verdict(), m.name());
            assertTrue(r.highQualityFraction() > 0.98, m.name() + " " + r.highQualityFraction());   // 3σ in 2-D: 98.9%
            assertTrue(r.kl() < 0.02, m.name() + " " + r.kl());
        }
    }

    @Test
    void badArgumentsAreNamed() {
        assertEquals("count must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> GaussianMixture.ring(0, 1, 0.1)).getMessage());
        assertEquals("radius must be finite and > 0, was -1.0",
                assertThrows(IllegalArgumentException.class, () -> GaussianMixture.ring(8, -1, 0.1)).getMessage());
        assertEquals("sd must be finite and > 0, was 0.0",
                assertThrows(IllegalArgumentException.class, () -> GaussianMixture.grid(3, 1, 0)).getMessage());
    }
}
