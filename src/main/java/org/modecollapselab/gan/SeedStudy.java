package org.modecollapselab.gan;

import java.util.List;
import java.util.function.Supplier;
import org.modecollapselab.data.DataSource;
import org.modecollapselab.metric.CoverageReport;
import org.modecollapselab.metric.CoverageThresholds;
import org.modecollapselab.metric.ModeTimeline;
import org.modecollapselab.metric.Verdict;
import org.modecollapselab.util.Check;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Is it luck? Trains one configuration with seeds {@code 1..seeds} and tabulates each run's mode coverage, so
 * that a claim about collapse (or a remedy) rests on several seeds rather than one.
 */
public final class SeedStudy {
    /** A mode holding at least this share of samples at a snapshot counts as dominant (for hops). */
    public static final double DOMINANCE = 0.8;

    private SeedStudy() {
    }

    /**
     * @return one row per seed: seed, settings, verdict, modes_covered, one share column per mode, off_mode,
     *         kl, hops (switches of the dominant mode over 40 snapshots), collapsed (verdict is not "covered" or
     *         the generator hopped)
     */
    public static Table run(DataSource data, GanConfig config, String label, int seeds, int steps,
                            CoverageThresholds thresholds) {
        return run(data, config, List::of, label, seeds, steps, thresholds);
    }

    /**
     * The same with remedies: {@code hooks} makes a fresh set of hooks for each run (hooks may keep state).
     *
     * @see #run(DataSource, GanConfig, String, int, int, CoverageThresholds)
     */
    public static Table run(DataSource data, GanConfig config, Supplier<List<StepHook>> hooks, String label, int seeds,
                            int steps, CoverageThresholds thresholds) {
        Check.notNull("hooks", hooks);
        Check.atLeast("seeds", seeds, 1);
        Check.atLeast("steps", steps, 1);
        IntColumn seed = IntColumn.create("seed");
        StringColumn settings = StringColumn.create("settings");
        StringColumn verdict = StringColumn.create("verdict");
        IntColumn covered = IntColumn.create("modes_covered");
        DoubleColumn[] shares = new DoubleColumn[data.modes().size()];
        for (int m = 0; m < shares.length; m++) {
            shares[m] = DoubleColumn.create("share " + data.modes().get(m).name());
        }
        DoubleColumn off = DoubleColumn.create("off_mode");
        DoubleColumn kl = DoubleColumn.create("kl");
        IntColumn hops = IntColumn.create("hops");
        StringColumn collapsed = StringColumn.create("collapsed");
        for (int s = 1; s <= seeds; s++) {
            Gan gan = Gan.create(data, config.withSeed(s), hooks.get().toArray(StepHook[]::new));
            TrainingResult r = gan.train(steps, TrainingOptions.forSteps(steps)
                    .withSnapshotEvery(Math.max(1, steps / 40)).withSnapshotSize(500));
            CoverageReport c = r.finalCoverage(data.modes(), thresholds);
            ModeTimeline t = r.timeline(data.modes(), thresholds);
            seed.append(s);
            settings.append(label);
            verdict.append(c.verdict().label());
            covered.append(c.modesCovered());
            for (int m = 0; m < shares.length; m++) {
                shares[m].append(round3(c.fractions()[m]));
            }
            off.append(round3(c.offModeFraction()));
            kl.append(round3(c.kl()));   // +∞ when no sample is of high quality
            hops.append(t.hops(DOMINANCE));
            collapsed.append(c.verdict() != Verdict.COVERED || t.hops(DOMINANCE) > 0 ? "yes" : "no");
        }
        Table table = Table.create(label + ", " + steps + " steps", seed, settings, verdict, covered);
        table.addColumns(shares);
        table.addColumns(off, kl, hops, collapsed);
        return table;
    }

    /** Rounds to 3 decimals for display; infinities stay infinite. */
    static double round3(double x) {
        return Double.isFinite(x) ? Math.round(x * 1000) / 1000.0 : x;
    }

    /** How many rows of a study table are collapsed. */
    public static int collapsedCount(Table study) {
        return study.stringColumn("collapsed").isEqualTo("yes").size();
    }
}
