package org.modecollapselab.metric;

import java.util.ArrayList;
import java.util.List;
import org.modecollapselab.util.Check;

/**
 * Mode coverage over training: the share of samples in each mode at each snapshot. A generator caught in the
 * cat-and-mouse loop shows as one mode's share rising to ~100% while another's falls to ~0, then the reverse.
 *
 * @param steps   the training step of each snapshot
 * @param reports the coverage of each snapshot
 */
public record ModeTimeline(int[] steps, List<CoverageReport> reports) {
    public ModeTimeline {
        checkSteps(steps);
        Check.noNulls("reports", reports);
        sameLength(steps, "reports", reports.size());
        for (int i = 0; i < steps.length; i++) {
            if (i > 0 && !reports.get(i).modeNames().equals(reports.get(0).modeNames())) {
                throw new IllegalArgumentException("reports must all score the same modes, was "
                        + reports.get(i).modeNames() + " at reports[" + i + "] and " + reports.get(0).modeNames()
                        + " at reports[0]");
            }
        }
        steps = steps.clone();
        reports = List.copyOf(reports);
    }

    /** Steps of snapshots: not null, >= 0, increasing. */
    private static void checkSteps(int[] steps) {
        Check.notNull("steps", steps);
        for (int i = 0; i < steps.length; i++) {
            Check.atLeast("steps[" + i + "]", steps[i], 0);
            if (i > 0 && steps[i] <= steps[i - 1]) {
                throw new IllegalArgumentException("steps must increase, was " + steps[i] + " after " + steps[i - 1]
                        + (steps[i] == steps[i - 1] ? " (the same step twice)" : "") + " at steps[" + i + "]");
            }
        }
    }

    private static void sameLength(int[] steps, String name, int n) {
        if (n != steps.length) {
            throw new IllegalArgumentException("steps and " + name + " must have the same length, was " + steps.length
                    + " steps and " + n + " " + name);
        }
    }

    /** Scores each snapshot's samples. */
    public static ModeTimeline of(int[] steps, List<double[][]> samples, ModeSet modes, CoverageThresholds thresholds) {
        checkSteps(steps);
        Check.noNulls("samples", samples);
        Check.notNull("modes", modes);
        Check.notNull("thresholds", thresholds);
        sameLength(steps, "samples", samples.size());
        List<CoverageReport> r = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            Check.points("samples[" + i + "]", samples.get(i), modes.dimension());
            r.add(ModeCoverage.evaluate(samples.get(i), modes, thresholds));
        }
        return new ModeTimeline(steps, r);
    }

    @Override
    public int[] steps() {
        return steps.clone();
    }

    public int size() {
        return steps.length;
    }

    /** Share of samples in mode {@code mode} at each snapshot. */
    public double[] fractionsOf(int mode) {
        Check.index("mode", mode, reports.isEmpty() ? 0 : reports.get(0).modes());
        double[] f = new double[steps.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = reports.get(i).fractions()[mode];
        }
        return f;
    }

    /** Share of samples in no mode at each snapshot. */
    public double[] offModeFractions() {
        double[] f = new double[steps.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = reports.get(i).offModeFraction();
        }
        return f;
    }

    /**
     * The mode holding at least {@code dominance} of the samples at each snapshot, or −1 where no mode does.
     *
     * @param dominance a share in (0.5, 1]
     */
    public int[] dominantModes(double dominance) {
        if (!(dominance > 0.5 && dominance <= 1)) {
            throw new IllegalArgumentException("dominance must be in (0.5, 1], was " + dominance);
        }
        int[] d = new int[steps.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = -1;
            double[] f = reports.get(i).fractions();
            for (int m = 0; m < f.length; m++) {
                if (f[m] >= dominance) {
                    d[i] = m;
                }
            }
        }
        return d;
    }

    /**
     * How often the dominant mode switched: snapshots where one mode held at least {@code dominance} of the
     * samples, and the previous such snapshot had a different dominant mode.
     */
    public int hops(double dominance) {
        int hops = 0;
        int prev = -1;
        for (int m : dominantModes(dominance)) {
            if (m >= 0) {
                if (prev >= 0 && m != prev) {
                    hops++;
                }
                prev = m;
            }
        }
        return hops;
    }

    /** Share of snapshots at which a single mode held at least {@code dominance} of the samples. */
    public double collapsedShare(double dominance) {
        int c = 0;
        for (int m : dominantModes(dominance)) {
            c += m >= 0 ? 1 : 0;
        }
        return c / (double) steps.length;
    }
}
