package org.modecollapselab.metric;

import java.util.List;
import org.modecollapselab.sampler.Sampler;
import org.modecollapselab.util.Check;

/**
 * How a study, a seed study or a timeline scores samples: by distance to known Gaussian modes
 * ({@link #nearestMode}, for the 1-D and 2-D data) or by a classifier (MNIST digits, Stacked MNIST's 1,000 modes:
 * {@code classifier.DigitScorer}). Either way the result is a {@link CoverageReport}.
 */
public interface CoverageScorer {
    /** Scores samples [n][dimension] in data units. */
    CoverageReport score(double[][] samples);

    /**
     * Scores {@code n} samples drawn from {@code sampler} with {@code seed}. Scorers of large samples (images) may
     * draw them in chunks, from seeds derived from {@code seed}; the same arguments give the same report.
     */
    default CoverageReport score(Sampler sampler, int n, long seed) {
        Check.notNull("sampler", sampler);
        Check.atLeast("n", n, 1);
        return score(sampler.sample(n, seed));
    }

    /** The modes' (classes') names, in the order of a report's counts. */
    List<String> modeNames();

    /** The number of modes. */
    default int modes() {
        return modeNames().size();
    }

    /** A one-line description, e.g. "nearest of 8 modes, 3σ, ≥ 1 sample". */
    String describe();

    /**
     * The scorer a study counts hops with: where the generator's mass is, not whether it is good. By distance: every
     * sample counts for its nearest mode ({@link CoverageThresholds#nearestMode()}); a classifier: itself.
     */
    default CoverageScorer forHops() {
        return this;
    }

    /** Scoring by distance to {@code modes} ({@link ModeCoverage#evaluate(double[][], ModeSet, CoverageThresholds)}). */
    static CoverageScorer nearestMode(ModeSet modes, CoverageThresholds thresholds) {
        Check.notNull("modes", modes);
        Check.notNull("thresholds", thresholds);
        return new CoverageScorer() {
            @Override
            public CoverageReport score(double[][] samples) {
                return ModeCoverage.evaluate(samples, modes, thresholds);
            }

            @Override
            public List<String> modeNames() {
                return modes.names();
            }

            @Override
            public CoverageScorer forHops() {
                return nearestMode(modes, CoverageThresholds.nearestMode());
            }

            @Override
            public String describe() {
                return "nearest of " + modes.size() + " modes, " + thresholds.qualitySigmas() + "σ, ≥ "
                        + (thresholds.minModeFraction() == 0 ? "1 sample" : 100 * thresholds.minModeFraction()
                        + "% of samples") + " per mode";
            }
        };
    }
}
