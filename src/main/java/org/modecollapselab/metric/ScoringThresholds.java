package org.modecollapselab.metric;

/**
 * The explicit thresholds a {@link CoverageReport} was scored with: by distance to known modes
 * ({@link CoverageThresholds}) or by a classifier's verdict ({@link ClassifierThresholds}).
 */
public interface ScoringThresholds {
    /**
     * A mode is covered if at least this fraction of all samples count for it, and at least one; 0 means "at least
     * one sample", as in VEEGAN and PacGAN.
     */
    double minModeFraction();

    /** Smallest count of samples that covers a mode among {@code n} samples. */
    default int minCount(int n) {
        return Math.max(1, (int) Math.ceil(minModeFraction() * n - 1e-9));
    }
}
