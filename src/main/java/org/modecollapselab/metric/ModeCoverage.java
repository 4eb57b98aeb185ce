package org.modecollapselab.metric;

import org.modecollapselab.sampler.Sampler;
import org.modecollapselab.util.Check;

/**
 * Mode coverage against known modes, as used by VEEGAN (Srivastava et al., 2017) and PacGAN (Lin et al.,
 * 2018): each sample is assigned to its nearest mode and counts as high quality when it lies within
 * {@code qualitySigmas}·σ of that mode's centre. A pure function of its arguments.
 */
public final class ModeCoverage {
    private ModeCoverage() {
    }

    /**
     * Mode coverage of {@code n} samples drawn from {@code sampler} with {@code seed} (a GAN, a mixture, the data).
     */
    public static CoverageReport evaluate(Sampler sampler, int n, long seed, ModeSet modes,
                                          CoverageThresholds thresholds) {
        Check.notNull("sampler", sampler);
        Check.atLeast("n", n, 1);
        Check.notNull("modes", modes);
        Check.notNull("thresholds", thresholds);
        double[][] samples = sampler.sample(n, seed);
        try {
            Check.points("samples", samples, modes.dimension());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("sampler '" + sampler.label() + "' must draw finite samples of the "
                    + "modes' dimension, but: " + e.getMessage(), e);
        }
        return evaluate(samples, modes, thresholds);
    }

    /**
     * Scores {@code samples} ([n][dimension], data units) against {@code modes}.
     *
     * @throws IllegalArgumentException when there are no samples, a sample is not finite (a NaN sample is no
     *                                  sample of any mode, nor "off-mode": it is refused) or their dimension
     *                                  differs from the modes'
     */
    public static CoverageReport evaluate(double[][] samples, ModeSet modes, CoverageThresholds thresholds) {
        Check.notNull("modes", modes);
        Check.notNull("thresholds", thresholds);
        Check.points("samples", samples, modes.dimension());
        int k = modes.size();
        int[] counts = new int[k];
        int hq = 0;
        for (int i = 0; i < samples.length; i++) {
            double[] x = samples[i];
            int m = modes.nearestUnchecked(x);
            if (modes.get(m).distanceUnchecked(x) <= thresholds.qualitySigmas() * modes.get(m).sd()) {
                counts[m]++;
                hq++;
            }
        }
        int n = samples.length;
        int min = thresholds.minCount(n);
        double[] fractions = new double[k];
        double[] weights = new double[k];
        boolean[] covered = new boolean[k];
        int nCovered = 0;
        double kl = hq == 0 ? Double.POSITIVE_INFINITY : 0;
        for (int i = 0; i < k; i++) {
            fractions[i] = counts[i] / (double) n;
            weights[i] = modes.get(i).weight();
            covered[i] = counts[i] >= min;
            nCovered += covered[i] ? 1 : 0;
            if (hq > 0 && counts[i] > 0) {
                double p = counts[i] / (double) hq;
                kl += p * Math.log(p / weights[i]);
            }
        }
        return new CoverageReport(n, modes.names(), counts, fractions, weights, covered, nCovered, hq / (double) n,
                kl, Verdict.of(nCovered, k), thresholds);
    }

    /** Scores 1-D samples. */
    public static CoverageReport evaluate(double[] values, ModeSet modes, CoverageThresholds thresholds) {
        Check.data("values", values);
        double[][] s = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            s[i] = new double[] {values[i]};
        }
        return evaluate(s, modes, thresholds);
    }
}
