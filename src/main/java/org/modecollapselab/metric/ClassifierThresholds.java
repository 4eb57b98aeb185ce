package org.modecollapselab.metric;

import org.modecollapselab.util.Check;

/**
 * The explicit thresholds of coverage scored by a classifier (digits, Stacked MNIST's digit triples).
 *
 * @param confidence      a sample is confident — it "looks like" a digit — when the classifier's largest class
 *                        probability is at least this (for a digit triple: each of its three digits'); the
 *                        confident share is the report's high-quality share; in [0, 1]
 * @param minModeFraction a class is covered if at least this fraction of all samples are counted for it, and at
 *                        least one; 0 means one sample, as the Stacked MNIST papers count modes; in [0, 1]
 * @param confidentOnly   whether only confident samples are counted for their class (and enter the histogram and
 *                        the KL): a blurred blob the classifier barely calls an 8 then does not cover 8. False
 *                        counts every sample for its most probable class, as the Stacked MNIST papers do
 */
public record ClassifierThresholds(double confidence, double minModeFraction, boolean confidentOnly)
        implements ScoringThresholds {
    public ClassifierThresholds {
        Check.inRange("confidence", confidence, 0, 1);
        Check.inRange("minModeFraction", minModeFraction, 0, 1);
    }

    /**
     * MNIST digits: a sample counts when the classifier gives its digit at least 90% probability, and a digit is
     * covered when at least 2% of all samples count for it (a fifth of its 10% share of the data).
     */
    public static ClassifierThresholds digits() {
        return new ClassifierThresholds(0.9, 0.02, true);
    }

    /**
     * Stacked MNIST as the papers score it (Unrolled GAN, VEEGAN, PacGAN): every sample counts for the mode of its
     * three most probable digits, and a mode is covered by one sample; the confident share (each digit at least 90%)
     * is reported beside it.
     */
    public static ClassifierThresholds stackedMnist() {
        return new ClassifierThresholds(0.9, 0, false);
    }

    public ClassifierThresholds withConfidence(double v) {
        return new ClassifierThresholds(v, minModeFraction, confidentOnly);
    }

    public ClassifierThresholds withMinModeFraction(double v) {
        return new ClassifierThresholds(confidence, v, confidentOnly);
    }
}
