package org.modecollapselab.metric;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModeCoverageTest {
    static final ModeSet TWO = ModeSet.of(Mode.of("cold", -10, 1, 0.5), Mode.of("hot", 10, 1, 0.5));

    @Test
    void handComputedCase() {
        // 10 samples: 6 near hot (one at 3.5σ: not high quality), 2 near cold, 2 in the gap.
        double[] x = {10, 10.5, 9, 11, 12.9, 13.5, -10, -11, 0, 1};
        CoverageReport r = ModeCoverage.evaluate(x, TWO, new CoverageThresholds(3, 0.15));
        assertArrayEquals(new int[] {2, 5}, r.counts());
        assertArrayEquals(new double[] {0.2, 0.5}, r.fractions(), 1e-12);
        assertEquals(0.7, r.highQualityFraction(), 1e-12);
        assertEquals(0.3, r.offModeFraction(), 1e-12);
        assertEquals(2, r.modesCovered());
        assertEquals(Verdict.COVERED, r.verdict());
        double p1 = 2 / 7.0;
        double p2 = 5 / 7.0;
        assertEquals(p1 * Math.log(p1 / 0.5) + p2 * Math.log(p2 / 0.5), r.kl(), 1e-12);
        // A stricter threshold: the cold mode's 20% is below 25% → one mode → complete collapse.
        CoverageReport strict = ModeCoverage.evaluate(x, TWO, new CoverageThresholds(3, 0.25));
        assertArrayEquals(new boolean[] {false, true}, strict.covered());
        assertEquals(Verdict.COMPLETE_COLLAPSE, strict.verdict());
    }

    @Test
    void completeCollapseOnOneOfTwoEqualModesHasKlLogTwo() {
        CoverageReport r = ModeCoverage.evaluate(new double[] {10, 10.2, 9.9}, TWO, CoverageThresholds.standard());
        assertEquals(Math.log(2), r.kl(), 1e-12);
        assertEquals(Verdict.COMPLETE_COLLAPSE, r.verdict());
        CoverageReport none = ModeCoverage.evaluate(new double[] {0, 1}, TWO, CoverageThresholds.standard());
        assertEquals(Double.POSITIVE_INFINITY, none.kl());
        assertEquals(0, none.modesCovered());
    }

    @Test
    void partialCollapseAndVeeganThreshold() {
        ModeSet three = new ModeSet(List.of(Mode.of("a", 0, 1, 0.4), Mode.of("b", 10, 1, 0.3), Mode.of("c", 20, 1, 0.3)));
        double[] x = new double[100];
        for (int i = 0; i < 100; i++) {
            x[i] = i < 60 ? 0 : (i < 99 ? 10 : 20);
        }
        assertEquals(Verdict.PARTIAL_COLLAPSE, ModeCoverage.evaluate(x, three, CoverageThresholds.standard()).verdict());
        assertEquals(Verdict.COVERED, ModeCoverage.evaluate(x, three, CoverageThresholds.veegan()).verdict());
    }

    @Test
    void twoDimensionalDistances() {
        ModeSet ring = ModeSet.of(new Mode("e", new double[] {1, 0}, 0.1, 0.5), new Mode("n", new double[] {0, 1}, 0.1, 0.5));
        CoverageReport r = ModeCoverage.evaluate(new double[][] {{1.2, 0.2}, {0.29, 0}}, ring, CoverageThresholds.veegan());
        assertArrayEquals(new int[] {1, 0}, r.counts());   // distance 0.283 ≤ 0.3; (0.29, 0) is 0.71 from both
    }

    @Test
    void badInputIsNamed() {
        assertEquals("mode weights must sum to 1 (within 1.0E-6), was 0.8", assertThrows(IllegalArgumentException.class,
                () -> ModeSet.of(Mode.of("a", 0, 1, 0.4), Mode.of("b", 1, 1, 0.4))).getMessage());
        assertEquals("samples must not be empty, was []", assertThrows(IllegalArgumentException.class,
                () -> ModeCoverage.evaluate(new double[0][], TWO, CoverageThresholds.standard())).getMessage());
        assertEquals("minModeFraction must be in [0.0, 1.0], was 1.5",
                assertThrows(IllegalArgumentException.class, () -> new CoverageThresholds(3, 1.5)).getMessage());
        assertEquals("samples[0] must have 1 coordinate, was 2", assertThrows(IllegalArgumentException.class,
                () -> ModeCoverage.evaluate(new double[][] {{1, 2}}, TWO, CoverageThresholds.standard())).getMessage());
    }
}
