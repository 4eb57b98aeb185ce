package org.modecollapselab.metric;

import java.util.Arrays;
import java.util.List;
import org.modecollapselab.util.Check;

/**
 * The known modes of a data set, against which generated samples are scored. Weights must sum to 1.
 */
public record ModeSet(List<Mode> modes) {
    /** Tolerance for the weights summing to 1. */
    public static final double WEIGHT_TOLERANCE = 1e-6;

    public ModeSet {
        Check.notEmpty("modes", modes);
        Check.noNulls("modes", modes);
        Check.distinct("modes", modes, "name", Mode::name);
        // A mode at the centre of an earlier one could never be covered: every sample near it is scored as the
        // earlier one's.
        Check.distinct("modes", modes, "centre", Mode::center);
        modes = List.copyOf(modes);
        int dim = modes.get(0).dimension();
        double sum = 0;
        for (Mode m : modes) {
            if (m.dimension() != dim) {
                throw new IllegalArgumentException("modes must all have the same dimension, was " + dim
                        + " for '" + modes.get(0).name() + "' and " + m.dimension() + " for '" + m.name() + "'");
            }
            sum += m.weight();
        }
        if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
            throw new IllegalArgumentException("mode weights must sum to 1 (within " + WEIGHT_TOLERANCE
                    + "), was " + sum);
        }
    }

    public static ModeSet of(Mode... modes) {
        return new ModeSet(Arrays.asList(Check.noNulls("modes", modes)));
    }

    public int size() {
        return modes.size();
    }

    public Mode get(int i) {
        return modes.get(Check.index("i", i, modes.size()));
    }

    public int dimension() {
        return modes.get(0).dimension();
    }

    public List<String> names() {
        return modes.stream().map(Mode::name).toList();
    }

    /** Index of the mode whose centre is nearest to {@code x}. */
    public int nearest(double[] x) {
        modes.get(0).distance(x);   // checks x: not null, the modes' dimension, finite
        return nearestUnchecked(x);
    }

    /** {@link #nearest} for a point already checked. */
    int nearestUnchecked(double[] x) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < modes.size(); i++) {
            double d = modes.get(i).distanceUnchecked(x);
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }
}
