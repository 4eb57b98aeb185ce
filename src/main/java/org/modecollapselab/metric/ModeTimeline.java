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

    /** Scores each snapshot's samples with {@code scorer} (a classifier for images). */
    public static ModeTimeline of(int[] steps, List<double[][]> samples, CoverageScorer scorer) {
        Check.notNull("steps", steps);
        Check.noNulls("samples", samples);
        if (samples.size() != steps.length) {
            throw new IllegalArgumentException("steps and samples must have the same length (one sample set per "
                    + "step), was " + steps.length + " steps and " + samples.size() + " sample sets");
        }
        Check.notNull("scorer", scorer);
        List<CoverageReport> r = new ArrayList<>();
        for (double[][] s : samples) {
            r.add(scorer.score(s));
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
     * samples, and the previous such snapshot had a different dominant mode: every switch counts, one-snapshot
     * blips included ({@link #hopList} is the definition the studies use).
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

    /**
     * One hop of the dominant mode.
     *
     * @param snapshot index of the first snapshot at which the new mode held the majority
     * @param step     the training step of that snapshot
     * @param from     the mode that held it before
     * @param to       the mode that holds it now
     */
    public record Hop(int snapshot, int step, int from, int to) {
    }

    /**
     * Hops of the dominant mode, defined so that noise near a threshold does not count: a mode is <em>settled</em>
     * where it holds more than {@code majority} of the samples for at least {@code persistence} consecutive
     * snapshots; a hop is a settled mode followed (after any number of snapshots without a settled mode) by a
     * different settled mode. A blip — a mode holding the majority for fewer than {@code persistence} snapshots —
     * is no hop and does not end the settled mode before it (A A B A A is no hop with persistence 2).
     *
     * @param majority    the share of the samples a mode must exceed, in [0.5, 1) (0.5: a strict majority)
     * @param persistence consecutive snapshots the new mode must hold it, &gt;= 1 (1 counts every switch)
     */
    public List<Hop> hopList(double majority, int persistence) {
        if (!(majority >= 0.5 && majority < 1)) {
            throw new IllegalArgumentException("majority must be in [0.5, 1), was " + majority);
        }
        Check.atLeast("persistence", persistence, 1);
        int[] d = new int[steps.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = -1;
            double[] f = reports.get(i).fractions();
            for (int m = 0; m < f.length; m++) {
                if (f[m] > majority) {
                    d[i] = m;
                }
            }
        }
        List<Hop> hops = new ArrayList<>();
        int settled = -1;
        int i = 0;
        while (i < d.length) {
            int j = i;
            while (j < d.length && d[j] == d[i]) {
                j++;
            }
            if (d[i] >= 0 && j - i >= persistence) {
                if (settled >= 0 && d[i] != settled) {
                    hops.add(new Hop(i, steps[i], settled, d[i]));
                }
                settled = d[i];
            }
            i = j;
        }
        return hops;
    }

    /** The number of hops of {@link #hopList(double, int)}. */
    public int hops(double majority, int persistence) {
        return hopList(majority, persistence).size();
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
