package org.modecollapselab.metric;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Digit and Stacked MNIST coverage on hand-computed cases. */
public class DigitCoverageTest {
    static final double[] UNIFORM10 = uniform(10);

    public static double[] uniform(int k) {
        double[] u = new double[k];
        Arrays.fill(u, 1.0 / k);
        return u;
    }

    /** A probability row with {@code p} on digit {@code d} and the rest spread evenly. */
    public static double[] row(int d, double p) {
        double[] r = new double[10];
        Arrays.fill(r, (1 - p) / 9);
        r[d] = p;
        return r;
    }

    @Test
    void aGeneratorOfOnesAndSevensCoversTwoDigits() {
        // 6 confident 1s, 3 confident 7s, one unsure 3.
        double[][] p = new double[10][];
        for (int i = 0; i < 6; i++) {
            p[i] = row(1, 0.99);
        }
        for (int i = 6; i < 9; i++) {
            p[i] = row(7, 0.95);
        }
        p[9] = row(3, 0.5);
        CoverageReport r = DigitCoverage.digits(p, UNIFORM10, ClassifierThresholds.digits());
        assertEquals(2, r.modesCovered());
        assertArrayEquals(new int[] {0, 6, 0, 0, 0, 0, 0, 3, 0, 0}, r.counts());
        assertEquals(0.9, r.highQualityFraction(), 1e-12);
        assertEquals(0.6, r.fractions()[1], 1e-12);
        // KL of (2/3, 1/3) against uniform over 10: 2/3 ln(20/3) + 1/3 ln(10/3).
        assertEquals(2.0 / 3 * Math.log(20.0 / 3) + 1.0 / 3 * Math.log(10.0 / 3), r.kl(), 1e-12);
        assertEquals(Verdict.PARTIAL_COLLAPSE, r.verdict());
        assertEquals(0.1, r.offModeFraction(), 1e-12);
    }

    @Test
    void countingEverySampleIncludesTheUnsureOnes() {
        double[][] p = {row(1, 0.99), row(3, 0.5)};
        ClassifierThresholds all = new ClassifierThresholds(0.9, 0, false);
        CoverageReport r = DigitCoverage.digits(p, UNIFORM10, all);
        assertEquals(2, r.modesCovered());
        assertEquals(0.5, r.highQualityFraction(), 1e-12);
        assertEquals(Math.log(5), r.kl(), 1e-12);
    }

    @Test
    void theCoverageThresholdIsAShareOfAllSamples() {
        // 100 samples: 97 confident 0s and 3 confident 5s; at 2% the 5s cover their digit, at 5% they do not.
        double[][] p = new double[100][];
        for (int i = 0; i < 100; i++) {
            p[i] = row(i < 97 ? 0 : 5, 0.97);
        }
        assertEquals(2, DigitCoverage.digits(p, UNIFORM10, ClassifierThresholds.digits()).modesCovered());
        assertEquals(1, DigitCoverage.digits(p, UNIFORM10, ClassifierThresholds.digits().withMinModeFraction(0.05))
                .modesCovered());
        assertEquals(Verdict.COMPLETE_COLLAPSE, DigitCoverage.digits(p, UNIFORM10, ClassifierThresholds.digits()
                .withMinModeFraction(0.05)).verdict());
    }

    @Test
    void noConfidentSampleGivesInfiniteKl() {
        CoverageReport r = DigitCoverage.digits(new double[][] {row(2, 0.3)}, UNIFORM10, ClassifierThresholds.digits());
        assertEquals(0, r.modesCovered());
        assertEquals(Double.POSITIVE_INFINITY, r.kl());
        assertEquals(0, r.highQualityFraction());
    }

    @Test
    void aPerfectGeneratorMatchesTheDataAndKlIsZero() {
        double[] shares = {0.2, 0.05, 0.05, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1};
        double[][] p = new double[20][];
        int i = 0;
        for (int d = 0; d < 10; d++) {
            for (int k = 0; k < Math.round(shares[d] * 20); k++) {
                p[i++] = row(d, 1.0);
            }
        }
        CoverageReport r = DigitCoverage.digits(p, shares, ClassifierThresholds.digits());
        assertEquals(10, r.modesCovered());
        assertEquals(0, r.kl(), 1e-12);
        assertEquals(Verdict.COVERED, r.verdict());
    }

    @Test
    void stackedMnistModesAreDigitTriplesWithTheWeakestDigitsConfidence() {
        double[][] c0 = {row(1, 0.99), row(9, 0.99)};
        double[][] c1 = {row(2, 0.99), row(0, 0.6)};
        double[][] c2 = {row(3, 0.99), row(9, 0.99)};
        DigitCoverage.Predictions p = DigitCoverage.classifyStacked(new double[][][] {c0, c1, c2});
        assertArrayEquals(new int[] {123, 909}, p.predicted());
        assertEquals(0.6, p.confidence()[1], 1e-12);
        CoverageReport r = DigitCoverage.stacked(new double[][][] {c0, c1, c2}, uniform(1000),
                ClassifierThresholds.stackedMnist());
        assertEquals(2, r.modesCovered());
        assertEquals("123", r.modeNames().get(123));
        assertEquals(0.5, r.highQualityFraction(), 1e-12);
        // Two equally used modes out of 1,000 equally likely ones: KL = ln 500.
        assertEquals(Math.log(500), r.kl(), 1e-12);
    }

    @Test
    void predictionsConcatenateInOrder() {
        var a = new DigitCoverage.Predictions(new int[] {1}, new double[] {0.5});
        var b = new DigitCoverage.Predictions(new int[] {2, 3}, new double[] {0.6, 0.7});
        var c = a.concat(b);
        assertArrayEquals(new int[] {1, 2, 3}, c.predicted());
        assertArrayEquals(new double[] {0.5, 0.6, 0.7}, c.confidence());
    }

    @Test
    void refusesBadInputByName() {
        ClassifierThresholds th = ClassifierThresholds.digits();
        assertEquals("probabilities must not be empty, was 0 rows", assertThrows(IllegalArgumentException.class,
                () -> DigitCoverage.digits(new double[0][], UNIFORM10, th)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DigitCoverage.digits(new double[][] {{1, 0}},
                UNIFORM10, th)).getMessage().contains("must hold 10 class probabilities, was 2 values"));
        double[] nan = row(1, 0.9);
        nan[3] = Double.NaN;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DigitCoverage.digits(new double[][] {nan},
                UNIFORM10, th)).getMessage().contains("probabilities[0][3] must be a probability in [0, 1], was NaN"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DigitCoverage.digits(new double[][] {row(1, 1)},
                uniform(9), th)).getMessage().contains("digitShares must hold 10 shares, was 9"));
        double[] bad = UNIFORM10.clone();
        bad[0] = 0.5;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DigitCoverage.digits(new double[][] {row(1, 1)},
                bad, th)).getMessage().contains("shares must sum to 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ClassifierThresholds(1.5, 0, true))
                .getMessage().contains("confidence must be in [0.0, 1.0], was 1.5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ClassifierThresholds(0.9, Double.NaN, true))
                .getMessage().contains("minModeFraction"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DigitCoverage.classifyStacked(
                new double[][][] {{row(1, 1)}, {row(1, 1)}})).getMessage().contains("3 distinct channels, was 2"));
    }
}
