package org.modecollapselab.study;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.modecollapselab.plot.Charts;
import org.modecollapselab.util.AtomicFiles;
import org.modecollapselab.util.Check;
import org.modecollapselab.util.Csv;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * What a study's runs say: one row per run ({@link #table}), the mean ± standard error per data set and method
 * with each method's speed relative to the baseline ({@link #summary}), Markdown, CSV files and charts.
 */
public final class StudyReport {
    private StudyReport() {
    }

    /** The columns of a study's runs (runs.csv) that the summary needs. */
    static final List<String> RUN_COLUMNS = List.of("dataset", "remedy", "baseline", "seed", "steps",
            "modes_captured", "modes", "high_quality_pct", "reverse_kl", "steps_per_s", "diverged");

    /** The summary's metrics with a mean and a standard error. */
    static final List<String> METRICS = List.of("modes", "high_quality_pct", "reverse_kl", "hops");

    /** A summary made by {@link #summary(Table)}. */
    static Table checkSummary(Table summary) {
        return Check.columns("summary", summary, "a study summary", "dataset", "remedy", "runs", "diverged",
                "modes_total", "modes_mean", "modes_se", "high_quality_pct_mean", "high_quality_pct_se",
                "reverse_kl_mean", "reverse_kl_se", "hops_mean", "hops_se", "steps_per_s", "speed_vs_plain");
    }

    /** One row per run: dataset, remedy, baseline, seed, steps, modes_captured, modes, high_quality_pct,
     * reverse_kl, steps_per_s, diverged, hops. */
    public static Table table(List<Study.Run> runs) {
        Check.notEmpty("runs", runs);
        Check.noNulls("runs", runs);
        StringColumn dataset = StringColumn.create("dataset");
        StringColumn remedy = StringColumn.create("remedy");
        StringColumn baseline = StringColumn.create("baseline");
        IntColumn seed = IntColumn.create("seed");
        IntColumn steps = IntColumn.create("steps");
        IntColumn captured = IntColumn.create("modes_captured");
        IntColumn modes = IntColumn.create("modes");
        DoubleColumn hq = DoubleColumn.create("high_quality_pct");
        DoubleColumn kl = DoubleColumn.create("reverse_kl");
        DoubleColumn sps = DoubleColumn.create("steps_per_s");
        StringColumn diverged = StringColumn.create("diverged");
        IntColumn hops = IntColumn.create("hops");
        for (Study.Run r : runs) {
            dataset.append(r.dataset());
            remedy.append(r.method());
            baseline.append(r.baseline() ? "yes" : "no");
            seed.append(r.seed());
            steps.append(r.steps());
            captured.append(r.modesCaptured());
            modes.append(r.modes());
            hq.append(r.highQualityPercent());
            kl.append(r.reverseKl());
            sps.append(r.stepsPerSecond());
            diverged.append(r.diverged() ? "yes" : "no");
            hops.append(r.hops());
        }
        return Table.create("runs", dataset, remedy, baseline, seed, steps, captured, modes, hq, kl, sps, diverged,
                hops);
    }

    /**
     * The runs of a table of runs ({@link #table}, {@link #readRuns}), without coverage reports; a table without
     * the {@code hops} column (older files) gives 0 hops.
     */
    public static List<Study.Run> runs(Table table) {
        Check.columns("table", table, "a runs table (StudyReport.table or runs.csv)", "dataset", "remedy",
                "baseline", "seed", "steps", "modes_captured", "modes", "high_quality_pct", "reverse_kl",
                "steps_per_s", "diverged");
        boolean hasHops = table.columnNames().contains("hops");
        List<Study.Run> runs = new ArrayList<>();
        for (int i = 0; i < table.rowCount(); i++) {
            runs.add(new Study.Run(table.stringColumn("dataset").get(i), table.stringColumn("remedy").get(i),
                    table.stringColumn("baseline").get(i).equals("yes"), table.intColumn("seed").getInt(i),
                    table.intColumn("steps").getInt(i), table.intColumn("modes_captured").getInt(i),
                    table.intColumn("modes").getInt(i), table.doubleColumn("high_quality_pct").getDouble(i),
                    table.doubleColumn("reverse_kl").getDouble(i), table.doubleColumn("steps_per_s").getDouble(i),
                    table.stringColumn("diverged").get(i).equals("yes"), hasHops ? table.intColumn("hops").getInt(i)
                    : 0, null));
        }
        return runs;
    }

    /** One row per failed run: dataset, remedy, seed, steps, error. */
    public static Table failures(List<Study.Failure> failures) {
        Check.noNulls("failures", failures);
        StringColumn dataset = StringColumn.create("dataset");
        StringColumn remedy = StringColumn.create("remedy");
        IntColumn seed = IntColumn.create("seed");
        IntColumn steps = IntColumn.create("steps");
        StringColumn error = StringColumn.create("error");
        for (Study.Failure f : failures) {
            dataset.append(f.key().dataset());
            remedy.append(f.key().method());
            seed.append(f.key().seed());
            steps.append(f.key().steps());
            error.append(f.error());
        }
        return Table.create("failures", dataset, remedy, seed, steps, error);
    }

    /**
     * Reads a runs.csv written by {@link #write}, with its column types: whole numbers for seed, steps, modes and
     * hops, numbers for the metrics (an empty cell is a diverged run's missing value, {@code Infinity} an infinite
     * reverse KL), text for the rest — taken as written (a data set named {@code NA} is a data set).
     *
     * @throws IllegalArgumentException naming the file when it is missing, not a CSV, lacks a column of runs.csv, or
     *                                  has malformed rows (every one listed with its line number and content)
     */
    public static Table readRuns(Path csv) throws IOException {
        Csv.Table t = Csv.read("csv", csv);
        for (String required : RUN_COLUMNS) {
            if (t.column(required) < 0) {
                throw new IllegalArgumentException("csv must have a column '" + required + "' (a runs.csv of "
                        + "environment/study), was " + csv + " with columns " + t.header());
            }
        }
        Check.distinct("csv's header", t.header(), "column name", h -> h);
        if (t.rows().isEmpty()) {
            throw new IllegalArgumentException("csv must have at least 1 run below its header, was " + csv
                    + ": a header but no runs");
        }
        List<String> names = t.header();
        List<Column<?>> columns = new ArrayList<>();
        for (String name : names) {
            columns.add(switch (name) {
                case "seed", "steps", "modes_captured", "modes", "hops" -> IntColumn.create(name);
                case "high_quality_pct", "reverse_kl", "steps_per_s" -> DoubleColumn.create(name);
                default -> StringColumn.create(name);
            });
        }
        List<String> problems = new ArrayList<>();
        for (Csv.Row row : t.rows()) {
            List<String> wrong = new ArrayList<>();
            for (int c = 0; c < names.size(); c++) {
                String v = row.fields().get(c).trim();
                if (columns.get(c) instanceof IntColumn) {
                    Double x = Csv.number(v);
                    if (x == null || x != Math.rint(x) || Math.abs(x) > Integer.MAX_VALUE) {
                        wrong.add("'" + names.get(c) + "' is '" + v + "', not a whole number");
                    }
                } else if (columns.get(c) instanceof DoubleColumn) {
                    if (!v.isEmpty() && Csv.number(v) == null && !List.of("Infinity", "-Infinity", "NaN").contains(v)) {
                        wrong.add("'" + names.get(c) + "' is '" + v + "', not a number");
                    }
                } else if (List.of("dataset", "remedy").contains(names.get(c)) && v.isEmpty()) {
                    wrong.add("'" + names.get(c) + "' is empty");
                } else if (List.of("baseline", "diverged").contains(names.get(c)) && !List.of("yes", "no").contains(v)) {
                    wrong.add("'" + names.get(c) + "' is '" + v + "', not yes or no");
                }
            }
            if (!wrong.isEmpty()) {
                problems.add("line " + row.line() + ": " + String.join(", ", wrong) + ": " + Csv.quote(row.text()));
                continue;
            }
            for (int c = 0; c < names.size(); c++) {
                String v = row.fields().get(c).trim();
                if (columns.get(c) instanceof IntColumn ic) {
                    ic.append((int) Double.parseDouble(v));
                } else if (columns.get(c) instanceof DoubleColumn dc) {
                    dc.append(v.isEmpty() ? Double.NaN : Double.parseDouble(v));
                } else {
                    ((StringColumn) columns.get(c)).append(v);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw Csv.malformed("csv", csv, "every row must hold a run as environment/study writes it", problems);
        }
        return Table.create(csv.getFileName().toString(), columns.toArray(Column<?>[]::new));
    }

    /** The summary of runs (see {@link #summary(Table)}). */
    public static Table summary(List<Study.Run> runs) {
        return summary(table(runs));
    }

    /**
     * Mean and standard error (sd/√n) per data set and method, in the order they first appear: modes captured,
     * high-quality %, reverse KL (infinite when a run had no high-quality sample), hops, steps/s and speed relative
     * to the baseline on the same data set (the method marked {@code baseline}; NaN without one).
     */
    public static Table summary(Table runs) {
        Check.columns("runs", runs, "a study's runs", RUN_COLUMNS.toArray(String[]::new));
        if (runs.rowCount() == 0) {
            throw new IllegalArgumentException("runs must have at least 1 row, was '" + runs.name() + "' with 0 rows");
        }
        StringColumn dataset = StringColumn.create("dataset");
        StringColumn remedy = StringColumn.create("remedy");
        IntColumn n = IntColumn.create("runs");
        IntColumn div = IntColumn.create("diverged");
        IntColumn total = IntColumn.create("modes_total");
        String[] names = {"modes_mean", "modes_se", "high_quality_pct_mean", "high_quality_pct_se", "reverse_kl_mean",
            "reverse_kl_se", "hops_mean", "hops_se", "steps_per_s", "speed_vs_plain"};
        DoubleColumn[] cols = new DoubleColumn[names.length];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = DoubleColumn.create(names[i]);
        }
        boolean hasHops = runs.columnNames().contains("hops");
        List<String[]> groups = new ArrayList<>();
        for (int i = 0; i < runs.rowCount(); i++) {
            String[] g = {runs.stringColumn("dataset").get(i), runs.stringColumn("remedy").get(i)};
            if (groups.stream().noneMatch(x -> Arrays.equals(x, g))) {
                groups.add(g);
            }
        }
        for (String[] g : groups) {
            Table t = runs.where(runs.stringColumn("dataset").isEqualTo(g[0])
                    .and(runs.stringColumn("remedy").isEqualTo(g[1])));
            Table ok = t.where(t.stringColumn("diverged").isEqualTo("no"));
            dataset.append(g[0]);
            remedy.append(g[1]);
            n.append(t.rowCount());
            div.append(t.rowCount() - ok.rowCount());
            total.append(t.intColumn("modes").get(0));
            double[] m = meanSe(t.intColumn("modes_captured").asDoubleArray());
            double[] h = meanSe(ok.doubleColumn("high_quality_pct").asDoubleArray());
            double[] k = meanSe(ok.doubleColumn("reverse_kl").asDoubleArray());
            double[] hops = hasHops ? meanSe(ok.intColumn("hops").asDoubleArray()) : new double[] {Double.NaN, Double.NaN};
            double sps = meanSe(ok.doubleColumn("steps_per_s").asDoubleArray())[0];
            Table base = runs.where(runs.stringColumn("dataset").isEqualTo(g[0])
                    .and(runs.stringColumn("baseline").isEqualTo("yes")));
            double baseSps = base.rowCount() == 0 ? Double.NaN
                    : meanSe(base.where(base.stringColumn("remedy").isEqualTo(base.stringColumn("remedy").get(0)))
                    .doubleColumn("steps_per_s").asDoubleArray())[0];
            double[] v = {m[0], m[1], h[0], h[1], k[0], k[1], hops[0], hops[1], sps, sps / baseSps};
            for (int i = 0; i < v.length; i++) {
                cols[i].append(v[i]);
            }
        }
        Table out = Table.create("summary", dataset, remedy, n, div, total);
        out.addColumns(cols);
        return out;
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
        checkSummary(summary);
        StringBuilder sb = new StringBuilder(
                "| data set | remedy | runs | modes captured | high-quality % | reverse KL | hops | steps/s | speed vs plain |\n"
                        + "|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < summary.rowCount(); i++) {
            double speed = summary.doubleColumn("speed_vs_plain").getDouble(i);
            sb.append(String.format(Locale.ROOT, "| %s | %s | %d%s | %s | %s | %s | %s | %.0f | %s |%n",
                    summary.stringColumn("dataset").get(i), summary.stringColumn("remedy").get(i),
                    summary.intColumn("runs").get(i),
                    summary.intColumn("diverged").get(i) > 0 ? " (" + summary.intColumn("diverged").get(i)
                            + " diverged)" : "",
                    pm(summary, "modes", i, 1) + " / " + summary.intColumn("modes_total").get(i),
                    pm(summary, "high_quality_pct", i, 1), pm(summary, "reverse_kl", i, 2), pm(summary, "hops", i, 1),
                    summary.doubleColumn("steps_per_s").getDouble(i),
                    Double.isNaN(speed) ? "—" : String.format(Locale.ROOT, "%.2f", speed)));
        }
        return sb.toString();
    }

    /**
     * "mean ± se" of a summary metric; "∞ (…)" for an infinite mean, "—" for none. Reads only the metric's
     * {@code _mean} and {@code _se} columns, so a sweep's table ({@link Sweep}) works as well as a study summary.
     */
    public static String pm(Table summary, String metric, int row, int decimals) {
        Check.notNull("summary", summary);
        Check.oneOf("metric", metric, METRICS);
        // Only the columns it reads: a study summary's, or a knob sweep's (Sweep.describe).
        Check.columns("summary", summary, "a study summary or a sweep", metric + "_mean", metric + "_se");
        Check.index("row", row, summary.rowCount());
        Check.atLeast("decimals", decimals, 0);
        double m = summary.doubleColumn(metric + "_mean").getDouble(row);
        double se = summary.doubleColumn(metric + "_se").getDouble(row);
        if (Double.isInfinite(m)) {
            return "∞ (a run with no high-quality sample)";
        }
        if (Double.isNaN(m)) {
            return "—";
        }
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f + " ± " + f, m, se);
    }

    /**
     * Writes runs.csv, summary.csv, summary.md and the charts (modes captured, high-quality %, and hops when the runs
     * have them) as PNG and SVG.
     */
    public static void write(Path out, Table runs, Table summary, String title) throws IOException {
        Check.folderTarget("out", out);
        Check.columns("runs", runs, "a study's runs", RUN_COLUMNS.toArray(String[]::new));
        checkSummary(summary);
        Check.notNull("title", title);
        AtomicFiles.writeString(out.resolve("runs.csv"), csv(runs));
        AtomicFiles.writeString(out.resolve("summary.csv"), csv(summary));
        String md = markdown(summary);
        AtomicFiles.writeString(out.resolve("summary.md"), md);
        Charts.save(Charts.remedyStudy(summary, "modes", title + ": modes captured"), out.resolve("modes"));
        Charts.save(Charts.remedyStudy(summary, "high_quality_pct", title + ": high-quality samples (%)"),
                out.resolve("high-quality"));
        boolean hops = summary.doubleColumn("hops_mean").asList().stream().anyMatch(h -> h != null && !h.isNaN());
        if (hops) {
            Charts.save(Charts.remedyStudy(summary, "hops", title + ": hops of the dominant mode"), out.resolve("hops"));
        }
        System.out.println(md);
        System.out.println("wrote " + out.toAbsolutePath() + "/{runs.csv,summary.csv,summary.md,modes.png,modes.svg,"
                + "high-quality.png,high-quality.svg" + (hops ? ",hops.png,hops.svg}" : "}"));
    }

    static String csv(Table t) {
        StringWriter w = new StringWriter();
        t.write().csv(w);
        return w.toString();
    }
}
