package org.modecollapselab.sampler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.modecollapselab.util.Check;

/**
 * A mixture of samplers: each sample comes from component i with probability {@code weights[i]} (AdaGAN's mixture of
 * generators, one GAN per class mixed by class frequency). For {@code n} samples the component counts are drawn
 * once (multinomially, from the seed), each component draws its share with a seed of its own, and the rows are
 * shuffled; a mixture of one component is that component exactly (same samples for the same seed).
 *
 * <p>The components are also its classes ({@link ConditionalSampler}): {@code sample(n, seed, i)} draws from
 * component i alone, so that a mixture of one GAN per class samples each class.
 *
 * @param components the samplers, all of one dimension, at least one
 * @param weights    their mixture weights, each &gt;= 0, summing to 1 (within 10⁻⁶)
 * @param label      the name in tables and charts
 */
public record Mixture(List<Sampler> components, double[] weights, String label) implements ConditionalSampler {
    public Mixture {
        Check.notEmpty("components", components);
        for (int i = 0; i < components.size(); i++) {
            Check.notNull("components[" + i + "]", components.get(i));
        }
        components = List.copyOf(components);
        Check.notNull("weights", weights);
        Check.notBlank("label", label);
        if (weights.length != components.size()) {
            throw new IllegalArgumentException("weights must have the same length as components (one weight per "
                    + "component: " + components.size() + "), was " + weights.length);
        }
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            Check.nonNegative("weights[" + i + "]", weights[i]);
            sum += weights[i];
        }
        if (Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException("weights must sum to 1 (within 1e-6), was " + sum);
        }
        weights = weights.clone();
        int d = components.get(0).dimension();
        for (int i = 1; i < components.size(); i++) {
            if (components.get(i).dimension() != d) {
                throw new IllegalArgumentException("components must all have dimension " + d + ", was "
                        + components.get(i).dimension() + " for components[" + i + "]");
            }
        }
    }

    /** Equal weights. */
    public static Mixture uniform(List<? extends Sampler> components, String label) {
        Check.notEmpty("components", components);
        Check.noNulls("components", new ArrayList<>(components));
        double[] w = new double[components.size()];
        Arrays.fill(w, 1.0 / w.length);
        return new Mixture(List.copyOf(components), w, label);
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    public int size() {
        return components.size();
    }

    /** The first {@code k} components, their weights renormalised (AdaGAN's mixture after k generators). */
    public Mixture prefix(int k, String label) {
        Check.notBlank("label", label);
        if (k < 1 || k > components.size()) {
            throw new IllegalArgumentException("k must be in [1, " + components.size() + "], was " + k);
        }
        double[] w = Arrays.copyOf(weights, k);
        double s = Arrays.stream(w).sum();
        if (!(s > 0)) {
            throw new IllegalArgumentException("the first " + k + " components must have weight > 0, was " + s);
        }
        for (int i = 0; i < k; i++) {
            w[i] /= s;
        }
        return new Mixture(components.subList(0, k), w, label);
    }

    @Override
    public int dimension() {
        return components.get(0).dimension();
    }

    /** How many of {@code n} samples each component draws, for {@code seed}. */
    public int[] counts(int n, long seed) {
        Check.atLeast("n", n, 0);
        int[] counts = new int[components.size()];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            double acc = 0;
            int k = counts.length - 1;
            for (int j = 0; j < counts.length; j++) {
                acc += weights[j];
                if (u < acc) {
                    k = j;
                    break;
                }
            }
            while (weights[k] == 0 && k > 0) {
                k--;    // rounding at the end of the cumulative sum must not pick a component of weight 0
            }
            counts[k]++;
        }
        return counts;
    }

    @Override
    public double[][] sample(int n, long seed) {
        Check.atLeast("n", n, 1);
        if (components.size() == 1) {
            return components.get(0).sample(n, seed);
        }
        int[] counts = counts(n, seed);
        double[][] out = new double[n][];
        int at = 0;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] == 0) {
                continue;
            }
            double[][] s = components.get(k).sample(counts[k], componentSeed(seed, k));
            System.arraycopy(s, 0, out, at, counts[k]);
            at += counts[k];
        }
        SplittableRandom shuffle = new SplittableRandom(seed ^ 0x5A3C_9E1BL);
        for (int i = n - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            double[] t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }

    /** Component {@code label}'s samples alone. */
    @Override
    public double[][] sample(int n, long seed, int label) {
        Check.atLeast("n", n, 1);
        if (label < 0 || label >= components.size()) {
            throw new IllegalArgumentException("label must be in [0, " + components.size()
                    + ") (the mixture's components), was " + label);
        }
        return components.get(label).sample(n, componentSeed(seed, label));
    }

    @Override
    public int classes() {
        return components.size();
    }

    private static long componentSeed(long seed, int k) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + k).nextLong();
    }
}
