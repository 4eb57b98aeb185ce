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
        steps = steps.clone();
        reports = List.copyOf(reports);
        if (steps.length != reports.size()) {
            throw new IllegalArgumentException("steps and reports must have the same length, was " + steps.length
                    + " and " + reports.size());
        }
    }

    /** Scores each snapshot's samples. */
    public static ModeTimeline of(int[] steps, List<double[][]> samples, ModeSet modes, CoverageThresholds th) {
        Check.notNull("samples", samples);
        List<CoverageReport> r = new ArrayList<>();
        for (double[][] s : samples) {
            r.add(ModeCoverage.evaluate(s, modes, th));
        }
        return new ModeTimeline(steps, r);
    }

    /** Scores each snapshot's samples with {@code scorer} (a classifier for images). */
    public static ModeTimeline of(int[] steps, List<double[][]> samples, CoverageScorer scorer) {
        Check.notNull("samples", samples);
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
