package org.modecollapselab.metric;

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
    public static CoverageReport evaluate(org.modecollapselab.sampler.Sampler sampler, int n, long seed, ModeSet modes,
                                          CoverageThresholds thresholds) {
        Check.notNull("sampler", sampler);
        Check.atLeast("n", n, 1);
        return evaluate(sampler.sample(n, seed), modes, thresholds);
    }

    /**
     * Scores {@code samples} ([n][dimension], data units) against {@code modes}.
     *
     * @throws IllegalArgumentException when there are no samples or their dimension differs from the modes'
     */
    public static CoverageReport evaluate(double[][] samples, ModeSet modes, CoverageThresholds thresholds) {
        Check.notNull("samples", samples);
        Check.notNull("modes", modes);
        Check.notNull("thresholds", thresholds);
        if (samples.length == 0) {
            throw new IllegalArgumentException("samples must not be empty, was 0 samples");
        }
        int k = modes.size();
        int[] counts = new int[k];
        int hq = 0;
        for (int i = 0; i < samples.length; i++) {
            double[] x = samples[i];
            if (x.length != modes.dimension()) {
                throw new IllegalArgumentException("samples[" + i + "] must have " + modes.dimension()
                        + " coordinates, was " + x.length);
            }
            int m = modes.nearest(x);
            if (modes.get(m).distance(x) <= thresholds.qualitySigmas() * modes.get(m).sd()) {
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
        Check.notNull("values", values);
        double[][] s = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            s[i] = new double[] {values[i]};
        }
        return evaluate(s, modes, thresholds);
    }
}
