package org.modecollapselab.study;

import java.util.List;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.DataSource;
import org.modecollapselab.gan.Method;
import org.modecollapselab.metric.CoverageReport;
import org.modecollapselab.metric.CoverageThresholds;
import org.modecollapselab.metric.Verdict;
import org.modecollapselab.remedy.Remedy;
import org.modecollapselab.util.Check;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Is it luck? Trains one configuration with seeds {@code 1..seeds} through the study engine ({@link Study}) and
 * tabulates each run's mode coverage, so that a claim about collapse (or a remedy) rests on several seeds rather
 * than one. Each run is scored on 500 fresh samples, and its hops are counted over 40 snapshots.
 */
public final class SeedStudy {
    /** How a seed study scores a run: 500 fresh samples, 40 snapshots of 500 for the hops. */
    public static final Study.Protocol PROTOCOL = new Study.Protocol(500, 40, 500);

    private SeedStudy() {
    }

    /**
     * The plain GAN.
     *
     * @return one row per seed: seed, settings, verdict, modes_covered, one share column per mode, off_mode,
     *         kl, hops (switches of the dominant mode over 40 snapshots), collapsed (verdict is not "covered" or
     *         the generator hopped)
     */
    public static Table run(DataSource data, GanConfig config, String label, int seeds, int steps,
                            CoverageThresholds thresholds) {
        return run(data, config, Method.plain(), label, seeds, steps, thresholds);
    }

    /** The same with remedies on one GAN (each run creates their state afresh). */
    public static Table run(DataSource data, GanConfig config, List<? extends Remedy> remedies, String label,
                            int seeds, int steps, CoverageThresholds thresholds) {
        return run(data, config, Method.of(Check.notNull("remedies", remedies)), label, seeds, steps, thresholds);
    }

    /**
     * The same for any method (one GAN with remedies, a mixture, …).
     *
     * @see #run(DataSource, GanConfig, String, int, int, CoverageThresholds)
     */
    public static Table run(DataSource data, GanConfig config, Method method, String label, int seeds, int steps,
                            CoverageThresholds thresholds) {
        Check.notNull("data", data);
        Check.notNull("config", config);
        Check.notNull("method", method);
        Check.notBlank("label", label);
        Check.atLeast("seeds", seeds, 1);
        Check.atLeast("steps", steps, 1);
        Check.notNull("thresholds", thresholds);
        StudyCase c = new StudyCase(label, data, config, steps, thresholds);
        List<Study.Run> runs = Study.runs(List.of(c), List.of(method), seeds, 1, PROTOCOL, null);
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
        for (Study.Run r : runs) {
            seed.append(r.seed());
            settings.append(label);
            hops.append(r.hops());
            if (r.diverged()) {
                verdict.append("diverged");
                covered.append(0);
                for (DoubleColumn s : shares) {
                    s.append(Double.NaN);
                }
                off.append(Double.NaN);
                kl.append(Double.NaN);
                collapsed.append("yes");
                continue;
            }
            CoverageReport cov = r.coverage();
            verdict.append(cov.verdict().label());
            covered.append(cov.modesCovered());
            for (int m = 0; m < shares.length; m++) {
                shares[m].append(round3(cov.fractions()[m]));
            }
            off.append(round3(cov.offModeFraction()));
            kl.append(round3(cov.kl()));   // +∞ when no sample is of high quality
            collapsed.append(cov.verdict() != Verdict.COVERED || r.hops() > 0 ? "yes" : "no");
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
        Check.columns("study", study, "a seed study's table", "collapsed");
        return study.stringColumn("collapsed").isEqualTo("yes").size();
    }
}
