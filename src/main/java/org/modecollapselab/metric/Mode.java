package org.modecollapselab.metric;

import java.util.Arrays;
import org.modecollapselab.util.Check;

/**
 * One mode (peak) of a distribution with known modes: its centre, its spread and its share of the data.
 *
 * @param name   a label for tables and charts, e.g. "Alice Springs"
 * @param center the mode's centre, one coordinate per data dimension
 * @param sd     the mode's standard deviation (isotropic), used by the "high quality" test
 * @param weight the mode's share of the real data, in (0, 1]
 */
public record Mode(String name, double[] center, double sd, double weight) {
    public Mode {
        Check.notBlank("name", name);
        Check.notNull("center", center);
        if (center.length == 0) {
            throw new IllegalArgumentException("center must have at least 1 coordinate, was []");
        }
        for (int i = 0; i < center.length; i++) {
            Check.finite("center[" + i + "]", center[i]);
        }
        center = center.clone();
        Check.positive("sd", sd);
        if (!(weight > 0 && weight <= 1)) {
            throw new IllegalArgumentException("weight must be in (0, 1], was " + weight);
        }
    }

    /** A 1-D mode. */
    public static Mode of(String name, double center, double sd, double weight) {
        return new Mode(name, new double[] {center}, sd, weight);
    }

    @Override
    public double[] center() {
        return center.clone();
    }

    public int dimension() {
        return center.length;
    }

    /** Euclidean distance from {@code x} to this mode's centre. */
    public double distance(double[] x) {
        Check.notNull("x", x);
        if (x.length != center.length) {
            throw new IllegalArgumentException("x must have " + center.length + " coordinate"
                    + (center.length == 1 ? "" : "s") + " (the mode's dimension), was " + x.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("x[" + i + "] must be finite, was " + x[i]);
            }
        }
        return distanceUnchecked(x);
    }

    /** {@link #distance} for a point already checked (the metrics check every sample once). */
    double distanceUnchecked(double[] x) {
        double s = 0;
        for (int i = 0; i < center.length; i++) {
            double d = x[i] - center[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mode m && name.equals(m.name) && Arrays.equals(center, m.center)
                && sd == m.sd && weight == m.weight;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(center);
    }

    @Override
    public String toString() {
        return "Mode[" + name + " at " + Arrays.toString(center) + ", sd " + sd + ", weight " + weight + "]";
    }
}
