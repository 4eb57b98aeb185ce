package org.modecollapselab.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.gan.GanConfig;
import org.modecollapselab.gan.StepHook;
import org.modecollapselab.gan.TrainingDivergedException;
import org.modecollapselab.gan.TrainingOptions;
import org.modecollapselab.metric.CoverageReport;
import org.modecollapselab.metric.ModeCoverage;
import org.modecollapselab.plot.Charts;
import org.modecollapselab.util.Check;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {plain GAN, each remedy} × {data sets} × seeds: each run trains from scratch and is scored on 2,500 samples
 * (VEEGAN's and PacGAN's protocol). {@link #runs} gives one row per run, {@link #summary} the mean ± standard
 * error per data set and remedy, with each remedy's training speed relative to the plain GAN's.
 *
 * <p>Command line ({@code environment/study} calls it): {@code RemedyStudy [--remedies a,b,…] [--datasets x,y,…]
 * [--seeds N] [--steps S] [--threads T] [--out DIR] [--preset remedies|pacgan-table1|cost]}; {@code cost} prints each
 * remedy's training speed relative to the plain GAN ({@link #cost}) instead of training runs to the end.
 */
public final class RemedyStudy {
    /** Samples scored per run (VEEGAN and PacGAN). */
    public static final int EVALUATION_SAMPLES = 2500;

    private RemedyStudy() {
    }

    /** One run's result. A diverged run has {@code diverged} set, NaN metrics and 0 modes. */
    public record Run(String dataset, String remedy, int seed, int steps, int modesCaptured, int modes,
                      double highQualityPercent, double reverseKl, double stepsPerSecond, boolean diverged) {
    }

    /** A fresh GAN for a case, a remedy (its configuration adjustment and fresh hooks) and a seed. */
    static Gan newGan(StudyCase c, Remedy r, int seed) {
        GanConfig config = r.adjust().apply(c.config()).withSeed(seed);
        return Gan.create(c.data(), config, r.hooks().get().toArray(StepHook[]::new));
    }

    /** Trains and scores one run. */
    public static Run run(StudyCase c, Remedy r, int seed) {
        Gan gan = newGan(c, r, seed);
        int modes = c.data().modes().size();
        // Speed is timed after the first tenth of the steps, so that JIT compilation and the step's workspace
        // learning do not count against whichever run comes first.
        int warm = Math.max(1, c.steps() / 10);
        long t0 = 0;
        int rest = 0;
        try {
            if (c.steps() > warm) {
                gan.train(warm, TrainingOptions.forSteps(warm).withSnapshotEvery(warm).withSnapshotSize(2));
            }
            t0 = System.nanoTime();
            rest = c.steps() - gan.stepsDone();
            gan.train(rest, TrainingOptions.forSteps(rest).withSnapshotEvery(rest).withSnapshotSize(2));
        } catch (TrainingDivergedException e) {
            return new Run(c.name(), r.name(), seed, c.steps(), 0, modes, Double.NaN, Double.NaN, Double.NaN, true);
        }
        double sps = rest / ((System.nanoTime() - t0) / 1e9);
        CoverageReport cov = ModeCoverage.evaluate(gan.sample(EVALUATION_SAMPLES, 1_000_003L * seed + 17),
                c.data().modes(), c.thresholds());
        return new Run(c.name(), r.name(), seed, c.steps(), cov.modesCovered(), modes,
                100 * cov.highQualityFraction(), cov.kl(), sps, false);
    }

    /**
     * Every case × remedy × seed 1..seeds, on {@code threads} threads (results do not depend on it; timings do:
     * runs share the cores).
     */
    public static Table runs(List<StudyCase> cases, List<Remedy> remedies, int seeds, int threads,
                             Consumer<String> progress) {
        Check.notEmpty("cases", cases);
        Check.notEmpty("remedies", remedies);
        Check.atLeast("seeds", seeds, 1);
        Check.atLeast("threads", threads, 1);
        List<Run> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Run>> futures = new ArrayList<>();
            for (StudyCase c : cases) {
                for (Remedy r : remedies) {
                    for (int s = 1; s <= seeds; s++) {
                        int seed = s;
                        futures.add(pool.submit(() -> run(c, r, seed)));
                    }
                }
            }
            int done = 0;
            for (Future<Run> f : futures) {
                Run run = f.get();
                results.add(run);
                done++;
                if (progress != null) {
                    progress.accept(String.format(Locale.ROOT, "[%d/%d] %s, %s, seed %d: %s", done, futures.size(),
                            run.dataset(), run.remedy(), run.seed(), run.diverged() ? "diverged" : String.format(
                                    Locale.ROOT, "%d/%d modes, %.1f%% high quality, reverse KL %.3f, %.0f steps/s",
                                    run.modesCaptured(), run.modes(), run.highQualityPercent(), run.reverseKl(),
                                    run.stepsPerSecond())));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("study interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a study run failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return toTable(results);
    }

    /** Reads a runs.csv written by this class, with its column types (infinite reverse KL included). */
    public static Table readRuns(Path csv) throws IOException {
        tech.tablesaw.api.ColumnType S = tech.tablesaw.api.ColumnType.STRING;
        tech.tablesaw.api.ColumnType I = tech.tablesaw.api.ColumnType.INTEGER;
        tech.tablesaw.api.ColumnType D = tech.tablesaw.api.ColumnType.DOUBLE;
        return Table.read().usingOptions(tech.tablesaw.io.csv.CsvReadOptions.builder(csv.toFile())
                .columnTypes(new tech.tablesaw.api.ColumnType[] {S, S, I, I, I, I, D, D, D, S}));
    }

    static Table toTable(List<Run> runs) {
        StringColumn dataset = StringColumn.create("dataset");
        StringColumn remedy = StringColumn.create("remedy");
        IntColumn seed = IntColumn.create("seed");
        IntColumn steps = IntColumn.create("steps");
        IntColumn captured = IntColumn.create("modes_captured");
        IntColumn modes = IntColumn.create("modes");
        DoubleColumn hq = DoubleColumn.create("high_quality_pct");
        DoubleColumn kl = DoubleColumn.create("reverse_kl");
        DoubleColumn sps = DoubleColumn.create("steps_per_s");
        StringColumn diverged = StringColumn.create("diverged");
        for (Run r : runs) {
            dataset.append(r.dataset());
            remedy.append(r.remedy());
            seed.append(r.seed());
            steps.append(r.steps());
            captured.append(r.modesCaptured());
            modes.append(r.modes());
            hq.append(r.highQualityPercent());
            kl.append(r.reverseKl());
            sps.append(r.stepsPerSecond());
            diverged.append(r.diverged() ? "yes" : "no");
        }
        return Table.create("runs", dataset, remedy, seed, steps, captured, modes, hq, kl, sps, diverged);
    }

    /**
     * Mean and standard error (sd/√n) per data set and remedy, in the order they first appear:
     * modes captured, high-quality %, reverse KL (infinite when a run had no high-quality sample), steps/s and
     * speed relative to the plain GAN on the same data set (the remedy named "plain", or "GAN" in the PacGAN preset;
     * NaN without one).
     */
    public static Table summary(Table runs) {
        StringColumn dataset = StringColumn.create("dataset");
        StringColumn remedy = StringColumn.create("remedy");
        IntColumn n = IntColumn.create("runs");
        IntColumn div = IntColumn.create("diverged");
        IntColumn total = IntColumn.create("modes_total");
        DoubleColumn[] cols = new DoubleColumn[8];
        String[] names = {"modes_mean", "modes_se", "high_quality_pct_mean", "high_quality_pct_se", "reverse_kl_mean",
            "reverse_kl_se", "steps_per_s", "speed_vs_plain"};
        for (int i = 0; i < cols.length; i++) {
            cols[i] = DoubleColumn.create(names[i]);
        }
        List<String[]> groups = new ArrayList<>();
        for (int i = 0; i < runs.rowCount(); i++) {
            String[] g = {runs.stringColumn("dataset").get(i), runs.stringColumn("remedy").get(i)};
            if (groups.stream().noneMatch(x -> Arrays.equals(x, g))) {
                groups.add(g);
            }
        }
        for (String[] g : groups) {
            Table t = rows(runs, g[0], g[1]);
            Table ok = t.where(t.stringColumn("diverged").isEqualTo("no"));
            dataset.append(g[0]);
            remedy.append(g[1]);
            n.append(t.rowCount());
            div.append(t.rowCount() - ok.rowCount());
            total.append(t.intColumn("modes").get(0));
            double[] m = meanSe(t.intColumn("modes_captured").asDoubleArray());
            double[] h = meanSe(ok.doubleColumn("high_quality_pct").asDoubleArray());
            double[] k = meanSe(ok.doubleColumn("reverse_kl").asDoubleArray());
            double sps = meanSe(ok.doubleColumn("steps_per_s").asDoubleArray())[0];
            Table plain = rows(runs, g[0], "plain");
            if (plain.rowCount() == 0) {
                plain = rows(runs, g[0], "GAN");   // the baseline's name in the PacGAN Table 1 preset
            }
            double plainSps = plain.rowCount() == 0 ? Double.NaN
                    : meanSe(plain.doubleColumn("steps_per_s").asDoubleArray())[0];
            cols[0].append(m[0]);
            cols[1].append(m[1]);
            cols[2].append(h[0]);
            cols[3].append(h[1]);
            cols[4].append(k[0]);
            cols[5].append(k[1]);
            cols[6].append(sps);
            cols[7].append(sps / plainSps);
        }
        Table out = Table.create("summary", dataset, remedy, n, div, total);
        out.addColumns(cols);
        return out;
    }

    private static Table rows(Table runs, String dataset, String remedy) {
        return runs.where(runs.stringColumn("dataset").isEqualTo(dataset)
                .and(runs.stringColumn("remedy").isEqualTo(remedy)));
    }

    /** {mean, standard error}; NaN for no values, SE 0 for one value; infinite values give an infinite mean. */
    static double[] meanSe(double[] v) {
        double[] x = Arrays.stream(v).filter(d -> !Double.isNaN(d)).toArray();
        if (x.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double mean = Arrays.stream(x).average().orElse(Double.NaN);
        if (x.length == 1 || !Double.isFinite(mean)) {
            return new double[] {mean, x.length == 1 ? 0 : Double.NaN};
        }
        double ss = 0;
        for (double d : x) {
            ss += (d - mean) * (d - mean);
        }
        return new double[] {mean, Math.sqrt(ss / (x.length - 1)) / Math.sqrt(x.length)};
    }

    /** The summary as a Markdown table: "mean ± se" cells. */
    public static String markdown(Table summary) {
        StringBuilder sb = new StringBuilder(
                "| data set | remedy | runs | modes captured | high-quality % | reverse KL | steps/s | speed vs plain |\n"
                        + "|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < summary.rowCount(); i++) {
            double speed = summary.doubleColumn("speed_vs_plain").getDouble(i);
            sb.append(String.format(Locale.ROOT, "| %s | %s | %d%s | %s | %s | %s | %.0f | %s |%n",
                    summary.stringColumn("dataset").get(i), summary.stringColumn("remedy").get(i),
                    summary.intColumn("runs").get(i),
                    summary.intColumn("diverged").get(i) > 0 ? " (" + summary.intColumn("diverged").get(i)
                            + " diverged)" : "",
                    pm(summary, "modes", i, 1) + " / " + summary.intColumn("modes_total").get(i), pm(summary, "high_quality_pct", i, 1),
                    pm(summary, "reverse_kl", i, 2), summary.doubleColumn("steps_per_s").getDouble(i),
                    Double.isNaN(speed) ? "—" : String.format(Locale.ROOT, "%.2f", speed)));
        }
        return sb.toString();
    }

    static String pm(Table t, String metric, int row, int decimals) {
        double m = t.doubleColumn(metric + "_mean").getDouble(row);
        double se = t.doubleColumn(metric + "_se").getDouble(row);
        if (Double.isInfinite(m)) {
            return "∞ (a run with no high-quality sample)";
        }
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f + " ± " + f, m, se);
    }

    /** Writes {@code text} to {@code file} through a temporary file and an atomic rename. */
    static void writeAtomically(Path file, String text) throws IOException {
        org.modecollapselab.util.AtomicFiles.writeString(file, text);
    }

    public static void main(String[] args) throws Exception {
        List<String> remedies = Remedy.DEFAULTS;
        List<String> datasets = StudyCase.DEFAULTS;
        int seeds = 5;
        Integer steps = null;
        int threads = 1;
        Path out = Path.of("study-results");
        String preset = "remedies";
        Path summarise = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                System.out.println("options: --remedies a,b,… (" + String.join(",", Remedy.DEFAULTS) + ") --datasets "
                        + "x,y,… (" + String.join(",", StudyCase.DEFAULTS) + ",pacgan-ring,pacgan-grid) --seeds N "
                        + "--steps S --threads T --out DIR --preset remedies|pacgan-table1|cost --summarise RUNS_CSV (summary and "
                        + "charts of finished runs, no training)");
                return;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--remedies" -> remedies = List.of(v.split(","));
                case "--datasets" -> datasets = List.of(v.split(","));
                case "--seeds" -> seeds = Integer.parseInt(v);
                case "--steps" -> steps = Integer.parseInt(v);
                case "--threads" -> threads = Integer.parseInt(v);
                case "--out" -> out = Path.of(v);
                case "--preset" -> preset = v;
                case "--summarise" -> summarise = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + a + " (try --help)");
            }
        }
        Files.createDirectories(out);
        if (summarise != null) {
            // Re-summarise finished runs (e.g. to redraw the charts) without training again.
            Table runs = readRuns(summarise);
            Table summary = summary(runs);
            write(out, runs, summary, preset.equals("pacgan-table1") ? "PacGAN Table 1" : "Remedies × data sets");
            if (preset.equals("pacgan-table1")) {
                String md = PacGanTable1.sideBySide(summary, runs.intColumn("steps").getInt(0),
                        runs.intColumn("seed").countUnique());
                writeAtomically(out.resolve("table1.md"), md);
                System.out.println(md);
            }
            return;
        }
        if (preset.equals("pacgan-table1")) {
            PacGanTable1.main(out, seeds, steps, threads);
            return;
        }
        if (preset.equals("cost")) {
            List<StudyCase> cases = datasets.stream().map(StudyCase::named).toList();
            System.out.println(cost(cases, remedies.stream().map(Remedy::parse).toList(), steps == null ? 400 : steps));
            return;
        }
        if (!preset.equals("remedies")) {
            throw new IllegalArgumentException("preset must be remedies, pacgan-table1 or cost, was '" + preset + "'");
        }
        List<StudyCase> cases = new ArrayList<>();
        for (String d : datasets) {
            StudyCase c = StudyCase.named(d);
            cases.add(steps == null ? c : c.withSteps(steps));
        }
        List<Remedy> rs = remedies.stream().map(Remedy::parse).toList();
        Table runs = runs(cases, rs, seeds, threads, System.err::println);
        Table summary = summary(runs);
        write(out, runs, summary, "Remedies × data sets");
    }

    /**
     * The cost of each remedy: steps/s of its training step relative to the plain GAN's on the same data set and
     * preset (seed 1; 100 warm-up steps, then {@code steps} timed steps, three rounds with the remedies alternated;
     * the median round). A benchmark, not a test: it prints a Markdown table.
     */
    public static String cost(List<StudyCase> cases, List<Remedy> remedies, int steps) {
        Check.atLeast("steps", steps, 1);
        StringBuilder sb = new StringBuilder("| data set | remedy | steps/s (median of 3) | relative to plain |\n|---|---|---|---|\n");
        for (StudyCase c : cases) {
            double[][] sps = new double[remedies.size()][3];
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < remedies.size(); i++) {
                    Remedy r = remedies.get(i);
                    Gan gan = newGan(c, r, 1);
                    for (int k = 0; k < 100; k++) {
                        gan.step();
                    }
                    long t0 = System.nanoTime();
                    for (int k = 0; k < steps; k++) {
                        gan.step();
                    }
                    sps[i][round] = steps / ((System.nanoTime() - t0) / 1e9);
                }
            }
            double plain = Double.NaN;
            for (int i = 0; i < remedies.size(); i++) {
                if (remedies.get(i).name().equals("plain")) {
                    plain = median(sps[i]);
                }
            }
            for (int i = 0; i < remedies.size(); i++) {
                sb.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.2f |%n", c.name(), remedies.get(i).name(),
                        median(sps[i]), median(sps[i]) / plain));
            }
        }
        return sb.toString();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** Writes runs.csv, summary.csv, summary.md and the charts (modes captured, high-quality %) as PNG and SVG. */
    static void write(Path out, Table runs, Table summary, String title) throws IOException {
        writeAtomically(out.resolve("runs.csv"), csv(runs));
        writeAtomically(out.resolve("summary.csv"), csv(summary));
        String md = markdown(summary);
        writeAtomically(out.resolve("summary.md"), md);
        Charts.save(Charts.remedyStudy(summary, "modes", title + ": modes captured"), out.resolve("modes"));
        Charts.save(Charts.remedyStudy(summary, "high_quality_pct", title + ": high-quality samples (%)"),
                out.resolve("high-quality"));
        System.out.println(md);
        System.out.println("wrote " + out.toAbsolutePath() + "/{runs.csv,summary.csv,summary.md,modes.png,modes.svg,"
                + "high-quality.png,high-quality.svg}");
    }

    static String csv(Table t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.write().csv(w);
        return w.toString();
    }
}
