package org.modecollapselab.data;

import java.util.random.RandomGenerator;
import org.modecollapselab.metric.ModeSet;

/**
 * Real data for a GAN: draws samples in data units (e.g. °C) and knows its modes, so that generated
 * samples can be scored for mode coverage.
 */
public interface DataSource {
    /** Number of coordinates per sample. */
    int dimension();

    /** Draws {@code n} samples, row-major: {@code n * dimension()} values. */
    double[] sample(int n, RandomGenerator rng);

    /** The modes generated samples are scored against. */
    ModeSet modes();

    /** A short name for tables and charts. */
    String name();

    /** Per-coordinate mean used to standardise the data before training. */
    double[] mean();

    /** Per-coordinate standard deviation used to standardise the data before training. */
    double[] sd();
}
