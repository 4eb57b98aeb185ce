package org.modecollapselab.step;

import org.modecollapselab.data.DataSource;
import org.modecollapselab.util.Check;

/**
 * The one map between data units and the standardised units the networks see: {@code (x − mean) / sd} per
 * coordinate, and back {@code x·sd + mean}. Every batch, sample and probe of a GAN goes through it, so the
 * arithmetic is written once (and gives the same numbers everywhere).
 */
public final class Standardiser {
    private final double[] mean;
    private final double[] sd;

    /**
     * @param mean each coordinate's mean, finite
     * @param sd   each coordinate's standard deviation, &gt; 0, as many as {@code mean}
     */
    public Standardiser(double[] mean, double[] sd) {
        Check.data("mean", mean);
        Check.data("sd", sd);
        Check.sameLength("mean", mean.length, "sd", sd.length);
        for (int i = 0; i < sd.length; i++) {
            Check.positive("sd[" + i + "]", sd[i]);
        }
        this.mean = mean.clone();
        this.sd = sd.clone();
    }

    /** The data's mean and standard deviation ({@link DataSource#mean()}, {@link DataSource#sd()}). */
    public static Standardiser of(DataSource data) {
        Check.notNull("data", data);
        return new Standardiser(data.mean(), data.sd());
    }

    /** Coordinates per sample. */
    public int dimension() {
        return mean.length;
    }

    /** Standardises {@code flat} in place (row-major rows of {@link #dimension()} values) and returns it. */
    public double[] standardiseInPlace(double[] flat) {
        Check.notNull("flat", flat);
        requireWholeRows("flat", flat.length);
        int dim = mean.length;
        for (int i = 0; i < flat.length; i++) {
            int j = i % dim;
            flat[i] = (flat[i] - mean[j]) / sd[j];
        }
        return flat;
    }

    /** Points in data units (rows of {@link #dimension()} coordinates), standardised into one row-major array. */
    public double[] standardise(double[][] points) {
        Check.notNull("points", points);
        int dim = mean.length;
        double[] out = new double[points.length * dim];
        for (int i = 0; i < points.length; i++) {
            if (points[i] == null || points[i].length != dim) {
                throw new IllegalArgumentException("points[" + i + "] must have " + dim + " coordinates, was "
                        + (points[i] == null ? "null" : points[i].length));
            }
            for (int j = 0; j < dim; j++) {
                out[i * dim + j] = (points[i][j] - mean[j]) / sd[j];
            }
        }
        return out;
    }

    /** Standardised values (row-major) back in data units, one row per sample. */
    public double[][] toDataUnits(double[] flat) {
        Check.notNull("flat", flat);
        requireWholeRows("flat", flat.length);
        int dim = mean.length;
        double[][] out = new double[flat.length / dim][dim];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < dim; j++) {
                out[i][j] = flat[i * dim + j] * sd[j] + mean[j];
            }
        }
        return out;
    }

    /**
     * A gradient with respect to standardised coordinates (row-major) as one with respect to data units:
     * ∂/∂x_data = ∂/∂x_standardised ÷ sd.
     */
    public double[][] gradientToDataUnits(double[] flat) {
        Check.notNull("flat", flat);
        requireWholeRows("flat", flat.length);
        int dim = mean.length;
        double[][] out = new double[flat.length / dim][dim];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < dim; j++) {
                out[i][j] = flat[i * dim + j] / sd[j];
            }
        }
        return out;
    }

    private void requireWholeRows(String name, int length) {
        if (length % mean.length != 0) {
            throw new IllegalArgumentException(name + " must hold whole rows of " + mean.length + " values, was "
                    + length + " values");
        }
    }
}
