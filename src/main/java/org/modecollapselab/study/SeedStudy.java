package org.modecollapselab.study;

import java.util.List;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.DataSource;
import org.modecollapselab.gan.Method;
import org.modecollapselab.metric.CoverageReport;
import org.modecollapselab.metric.CoverageThresholds;
import org.modecollapselab.metric.Verdict;
import org.modecollapselab.step.Remedy;
import org.modecollapselab.util.Check;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Is it luck? Trains one configuration with seeds {@code 1..seeds} through the study engine ({@link Study}) and
 * tabulates each run's mode coverage, so that a claim about collapse (or a remedy) rests on several seeds rather
 * than one. Each run is scored on 500 fresh samples, and its hops are counted over 400 snapshots.
 *
 * <p>The seeds run in parallel, one thread per core ({@link Study#defaultThreads()}), with the same numbers as one
 * after another. {@code SeedStudy.withThreads(1)} runs them one at a time, and
 * {@code SeedStudy.withProgress(StudyProgress.live(live()))} shows a live progress line (runs done, ETA):
 * <pre>{@code
 * Table t = SeedStudy.withThreads(2).withProgress(StudyProgress.live(live()))
 *         .run(data, GanConfig.temperatureCollapse(), "collapse preset", 6, 1200, CoverageThresholds.standard());
 * }</pre>
 */
public final class SeedStudy {
    /** How a seed study scores a run: 500 fresh samples, 400 snapshots of 200 for the hops ({@link Study#hops}). */
    public static final Study.Protocol PROTOCOL = new Study.Protocol(500, 400, 200);

    private SeedStudy() {
    }

    /**
     * How a seed study runs: threads and progress (immutable; {@code run} methods as {@link SeedStudy}'s).
     *
     * @param threads  runs at a time, &gt;= 1
     * @param progress the progress listener ({@link StudyProgress#NONE} for none)
     */
    public record Runner(int threads, StudyProgress progress) {
        public Runner {
            Check.atLeast("threads", threads, 1);
            Check.notNull("progress", progress);
        }

        public Runner withThreads(int v) {
            return new Runner(v, progress);
        }

        public Runner withProgress(StudyProgress v) {
            return new Runner(threads, v);
        }

        /** The plain GAN (see {@link SeedStudy#run(DataSource, GanConfig, String, int, int, CoverageThresholds)}). */
        public Table run(DataSource data, GanConfig config, String label, int seeds, int steps,
                         CoverageThresholds thresholds) {
            return run(data, config, Method.plain(), label, seeds, steps, thresholds);
        }

        /** Remedies on one GAN. */
        public Table run(DataSource data, GanConfig config, List<? extends Remedy> remedies, String label, int seeds,
                         int steps, CoverageThresholds thresholds) {
            return run(data, config, Method.of(Check.notNull("remedies", remedies)), label, seeds, steps, thresholds);
        }

        /** Any method. */
        public Table run(DataSource data, GanConfig config, Method method, String label, int seeds, int steps,
                         CoverageThresholds thresholds) {
            return SeedStudy.table(data, config, method, label, seeds, steps, thresholds, this);
        }

        /** A study case (its data, configuration, steps and scorer: a classifier for MNIST), scored as
         * {@code protocol} says; the case's name labels the runs. */
        public Table run(StudyCase c, Method method, int seeds, Study.Protocol protocol) {
            return SeedStudy.table(c, method, seeds, protocol, this);
        }
    }

    /** One thread per core, no progress line: what the static {@code run} methods use. */
    public static Runner runner() {
        return new Runner(Study.defaultThreads(), StudyProgress.NONE);
    }

    /** A seed study on {@code threads} threads (1: one seed after another). */
    public static Runner withThreads(int threads) {
        return runner().withThreads(threads);
    }

    /** A seed study with a progress line, e.g. {@code StudyProgress.live(live())} in a notebook. */
    public static Runner withProgress(StudyProgress progress) {
        return runner().withProgress(progress);
    }

    /**
     * The plain GAN.
     *
     * @return one row per seed: seed, settings, verdict, modes_covered, one share column per mode, off_mode,
     *         kl, hops (of the dominant mode over 400 snapshots, {@link Study#hops}), collapsed (the final verdict is not
     *         "covered"; a generator that covers the modes can still have its majority move between them, which the
     *         hops column shows)
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
        return runner().run(data, config, method, label, seeds, steps, thresholds);
    }

    /**
     * The same for a study case (its data, configuration, steps and scorer — a classifier for MNIST); the case's
     * name labels the runs.
     *
     * @see #run(DataSource, GanConfig, String, int, int, CoverageThresholds)
     */
    public static Table run(StudyCase c, Method method, int seeds) {
        return run(c, method, seeds, PROTOCOL);
    }

    /**
     * The same, scored as {@code protocol} says (images: fewer, smaller snapshots keep the classifier's work and the
     * heap small).
     */
    public static Table run(StudyCase c, Method method, int seeds, Study.Protocol protocol) {
        return runner().run(c, method, seeds, protocol);
    }

    private static Table table(DataSource data, GanConfig config, Method method, String label, int seeds, int steps,
                               CoverageThresholds thresholds, Runner runner) {
        Check.notNull("data", data);
        Check.notNull("config", config);
        Check.notNull("method", method);
        Check.notBlank("label", label);
        Check.atLeast("seeds", seeds, 1);
        Check.atLeast("steps", steps, 1);
        Check.notNull("thresholds", thresholds);
        return table(new StudyCase(label, data, config, steps, thresholds), method, seeds, PROTOCOL, runner);
    }

    private static Table table(StudyCase c, Method method, int seeds, Study.Protocol protocol, Runner runner) {
        Check.notNull("c", c);
        Check.notNull("method", method);
        Check.atLeast("seeds", seeds, 1);
        Check.notNull("protocol", protocol);
        String label = c.name();
        List<Study.Run> runs = Study.runs(Study.tasks(List.of(c), List.of(method), seeds), runner.threads(),
                protocol, runner.progress());
        IntColumn seed = IntColumn.create("seed");
        StringColumn settings = StringColumn.create("settings");
        StringColumn verdict = StringColumn.create("verdict");
        IntColumn covered = IntColumn.create("modes_covered");
        List<String> names = c.scorer().modeNames();
        DoubleColumn[] shares = new DoubleColumn[names.size()];
        for (int m = 0; m < shares.length; m++) {
            shares[m] = DoubleColumn.create("share " + names.get(m));
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
            collapsed.append(cov.verdict() != Verdict.COVERED ? "yes" : "no");
        }
        Table table = Table.create(label + ", " + c.steps() + " steps", seed, settings, verdict, covered);
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
