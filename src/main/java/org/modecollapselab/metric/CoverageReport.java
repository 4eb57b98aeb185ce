package org.modecollapselab.metric;

import java.util.List;
import org.modecollapselab.util.Check;

/**
 * Mode coverage of a set of generated samples.
 *
 * @param samples             number of samples scored
 * @param modeNames           the modes' names, in order
 * @param counts              high-quality samples whose nearest mode is each mode (for a classifier: samples
 *                            counted for each class, see {@link ClassifierThresholds#confidentOnly()})
 * @param fractions           {@code counts / samples}
 * @param trueWeights         each mode's share of the real data
 * @param covered             whether each mode is covered (see {@link CoverageThresholds#minModeFraction()})
 * @param modesCovered        how many modes are covered
 * @param highQualityFraction share of samples of high quality: within {@code qualitySigmas}·σ of their nearest
 *                            mode ({@link CoverageThresholds}), or classified with at least the threshold's
 *                            confidence ({@link ClassifierThresholds}: "looks like a digit")
 * @param kl                  KL(generated ‖ true) between the mode histogram of the high-quality samples and
 *                            the true weights, in nats ("reverse KL" in VEEGAN and PacGAN); +∞ if no sample is
 *                            of high quality. log 2 ≈ 0.69 for a complete collapse onto one of two equal modes.
 *                            (For a classifier: the histogram of the counted samples.)
 * @param verdict             covered / partial collapse / complete collapse
 * @param thresholds          the thresholds used: by distance ({@link CoverageThresholds}) or by a classifier
 *                            ({@link ClassifierThresholds})
 */
public record CoverageReport(int samples, List<String> modeNames, int[] counts, double[] fractions,
                             double[] trueWeights, boolean[] covered, int modesCovered, double highQualityFraction,
                             double kl, Verdict verdict, ScoringThresholds thresholds) {
    public CoverageReport {
        Check.atLeast("samples", samples, 1);
        Check.noNulls("modeNames", modeNames);
        Check.distinct("modeNames", modeNames, "name", n -> n);
        Check.notNull("counts", counts);
        Check.notNull("fractions", fractions);
        Check.notNull("trueWeights", trueWeights);
        Check.notNull("covered", covered);
        int k = modeNames.size();
        Check.sameLength("modeNames", k, "counts", counts.length);
        Check.sameLength("modeNames", k, "fractions", fractions.length);
        Check.sameLength("modeNames", k, "trueWeights", trueWeights.length);
        Check.sameLength("modeNames", k, "covered", covered.length);
        Check.notNull("verdict", verdict);
        Check.notNull("thresholds", thresholds);
        modeNames = List.copyOf(modeNames);
        counts = counts.clone();
        fractions = fractions.clone();
        trueWeights = trueWeights.clone();
        covered = covered.clone();
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    @Override
    public double[] fractions() {
        return fractions.clone();
    }

    @Override
    public double[] trueWeights() {
        return trueWeights.clone();
    }

    @Override
    public boolean[] covered() {
        return covered.clone();
    }

    /** Share of samples that are not high-quality samples of any mode (between or beyond the modes). */
    public double offModeFraction() {
        return 1 - highQualityFraction;
    }

    public int modes() {
        return modeNames.size();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%s: %d of %d modes covered, %.1f%% high quality, KL %.3f nats%n", verdict.label(),
                modesCovered, modes(), 100 * highQualityFraction, kl));
        for (int i = 0; i < modes(); i++) {
            sb.append(String.format("  %-16s %5.1f%% of samples (true %4.1f%%)%s%n", modeNames.get(i),
                    100 * fractions[i], 100 * trueWeights[i], covered[i] ? "  covered" : "  MISSED"));
        }
        return sb.toString();
    }
}
