package org.modecollapselab.data;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.modecollapselab.metric.ModeSet;
import org.modecollapselab.sampler.Sampler;
import org.modecollapselab.util.Check;

/**
 * Real data for a GAN: draws samples in data units (e.g. °C) and knows its modes, so that generated
 * samples can be scored for mode coverage. Data whose samples carry a class (the mode each was drawn from, a
 * site, a digit) also give their labels ({@link #classes()}, {@link #sampleLabelled}), for conditional GANs and
 * one GAN per class.
 */
public interface DataSource {
    /** Samples (row-major) and the class of each. */
    record Labelled(double[] values, int[] labels) {
        public Labelled {
            Check.notNull("values", values);
            Check.notNull("labels", labels);
        }
    }

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

    /** Number of classes of the samples' labels (0..classes−1), 0 when the samples carry none. */
    default int classes() {
        return 0;
    }

    /**
     * Draws {@code n} samples with their class labels: the values are exactly those {@link #sample(int,
     * RandomGenerator)} draws from the same generator state.
     *
     * @throws IllegalStateException when the data has no labels ({@link #classes()} is 0)
     */
    default Labelled sampleLabelled(int n, RandomGenerator rng) {
        throw new IllegalStateException("data '" + name() + "' has no class labels (classes() is 0)");
    }

    /**
     * Each class's share of the samples (summing to 1), for remedies that draw classes as often as the data has them
     * (a conditional GAN, one GAN per class). Default: equal shares; data whose classes differ in frequency override
     * it.
     *
     * @throws IllegalStateException when the data has no labels ({@link #classes()} is 0)
     */
    default double[] classWeights() {
        int k = classes();
        if (k == 0) {
            throw new IllegalStateException("data '" + name() + "' has no class labels (classes() is 0)");
        }
        double[] w = new double[k];
        Arrays.fill(w, 1.0 / k);
        return w;
    }

    /**
     * The samples of class {@code label} only, as data of their own (one GAN per class trains on it): the same as
     * {@link #ofClasses ofClasses(label)}.
     *
     * @throws IllegalStateException    when the data has no labels
     * @throws IllegalArgumentException when {@code label} is not a class, or the class has no samples (weight 0)
     */
    default DataSource ofClass(int label) {
        if (classes() > 0) {
            Check.index("label", label, classes());
        }
        return ofClasses(label);
    }

    /**
     * The samples of a group of classes only, as data of their own ("grouping the classes": one GAN per group).
     * Default: draws labelled batches and keeps the rows of those classes (rejection), standardised like this data,
     * with this data's modes of those classes (reweighted) when modes and classes correspond one to one; mixtures
     * override it with their components.
     *
     * @throws IllegalStateException    when the data has no labels
     * @throws IllegalArgumentException when {@code labels} is empty, repeats a class, names no class of the data, or
     *                                  a class has no samples (weight 0)
     */
    default DataSource ofClasses(int... labels) {
        return new ClassData(this, ClassData.checkClasses(this, labels));
    }

    /** The data as a {@link Sampler} (for charts and metrics that compare real with generated samples). */
    default Sampler asSampler() {
        DataSource self = this;
        return new Sampler() {
            @Override
            public int dimension() {
                return self.dimension();
            }

            @Override
            public double[][] sample(int n, long seed) {
                Check.atLeast("n", n, 1);
                double[] flat = self.sample(n, new SplittableRandom(seed));
                int d = self.dimension();
                double[][] out = new double[n][d];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(flat, i * d, out[i], 0, d);
                }
                return out;
            }

            @Override
            public String label() {
                return self.name();
            }
        };
    }
}
