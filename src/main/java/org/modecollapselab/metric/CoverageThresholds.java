package org.modecollapselab.metric;

import org.modecollapselab.util.Check;

/**
 * The explicit thresholds of the mode-coverage metric.
 *
 * @param qualitySigmas   a sample is high quality if it lies within this many standard deviations of its
 *                        nearest mode's centre (3 in VEEGAN and PacGAN)
 * @param minModeFraction a mode is covered if at least this fraction of all samples are high-quality samples
 *                        of it, and at least one; 0 means "at least one sample", as in VEEGAN and PacGAN
 */
public record CoverageThresholds(double qualitySigmas, double minModeFraction) implements ScoringThresholds {
    public CoverageThresholds {
        Check.positive("qualitySigmas", qualitySigmas);
        Check.inRange("minModeFraction", minModeFraction, 0, 1);
    }

    /**
     * 3σ, and 5% of samples per mode: a generator that strays a handful of samples into a mode does not
     * count as covering it. Used for the 1-D temperature data, where a mode holds half the data.
     */
    public static CoverageThresholds standard() {
        return new CoverageThresholds(3, 0.05);
    }

    /** The definition of VEEGAN and PacGAN: 3σ, one high-quality sample captures a mode. */
    public static CoverageThresholds veegan() {
        return new CoverageThresholds(3, 0);
    }

    /**
     * No quality bar: every sample counts for its nearest mode, so that shares say where the generator's mass is
     * (the hop count of a study: a generator sitting between two ring modes still "holds" the nearer one).
     * Not for judging quality — every sample is "high quality" here.
     */
    public static CoverageThresholds nearestMode() {
        return new CoverageThresholds(Double.MAX_VALUE, 0);
    }

    /** Smallest count of high-quality samples that covers a mode among {@code n} samples. */
    public int minCount(int n) {
        Check.atLeast("n", n, 1);
        return Math.max(1, (int) Math.ceil(minModeFraction * n - 1e-9));
    }
}
