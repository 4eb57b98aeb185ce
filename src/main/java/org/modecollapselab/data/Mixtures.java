package org.modecollapselab.data;

import java.util.random.RandomGenerator;

/**
 * The arithmetic both Gaussian mixtures share ({@link GaussianMixture} in any dimension, {@link GaussianMixture1D}):
 * drawing samples (a component by cumulative weight, then its Gaussian) and the mixture's mean and standard
 * deviation per coordinate. Components are given as arrays: weights (summing to 1), centres [k][d] and isotropic
 * standard deviations.
 */
final class Mixtures {
    private Mixtures() {
    }

    /** {@code n} samples, row-major [n·d], each component's index written to {@code labels} when it is not null. */
    static double[] draw(double[] weights, double[][] centres, double[] sds, int n, RandomGenerator rng,
                         int[] labels) {
        int d = centres[0].length;
        double[] out = new double[n * d];
        for (int i = 0; i < n; i++) {
            int k = pick(weights, rng.nextDouble());
            if (labels != null) {
                labels[i] = k;
            }
            double[] c = centres[k];
            for (int j = 0; j < d; j++) {
                out[i * d + j] = c[j] + sds[k] * rng.nextGaussian();
            }
        }
        return out;
    }

    /** The component a uniform draw {@code u} in [0, 1) selects, by cumulative weight. */
    static int pick(double[] weights, double u) {
        double acc = 0;
        for (int i = 0; i < weights.length; i++) {
            acc += weights[i];
            if (u < acc) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Each coordinate's mean: Σ w_k c_k. */
    static double[] mean(double[] weights, double[][] centres) {
        double[] mean = new double[centres[0].length];
        for (int k = 0; k < weights.length; k++) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += weights[k] * centres[k][j];
            }
        }
        return mean;
    }

    /** Each coordinate's standard deviation: √Σ w_k (σ_k² + (c_k − mean)²). */
    static double[] sd(double[] weights, double[][] centres, double[] sds) {
        double[] mean = mean(weights, centres);
        double[] var = new double[mean.length];
        for (int k = 0; k < weights.length; k++) {
            for (int j = 0; j < var.length; j++) {
                double d = centres[k][j] - mean[j];
                var[j] += weights[k] * (sds[k] * sds[k] + d * d);
            }
        }
        for (int j = 0; j < var.length; j++) {
            var[j] = Math.sqrt(var[j]);
        }
        return var;
    }
}
