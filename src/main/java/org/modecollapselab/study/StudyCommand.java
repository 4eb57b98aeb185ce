package org.modecollapselab.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.modecollapselab.bench.StepTimer;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.gan.Method;
import org.modecollapselab.remedy.catalog.Remedies;
import org.modecollapselab.util.AtomicFiles;
import org.modecollapselab.util.Check;
import tech.tablesaw.api.Table;

/**
 * The {@code environment/study} command: {@code StudyCommand [--remedies a,b,…] [--datasets x,y,…] [--seeds N]
 * [--steps S] [--threads T] [--out DIR] [--preset remedies|pacgan-table1|cost] [--summarise RUNS_CSV]}. Every
 * argument is checked before any training.
 */
public final class StudyCommand {
    private StudyCommand() {
    }

    public static void main(String[] args) throws Exception {
        Check.noNulls("args", args);
        List<String> remedies = Remedies.DEFAULTS;
        List<String> datasets = StudyCase.DEFAULTS;
        int seeds = 5;
        Integer steps = null;
        int threads = 1;
        Path out = Path.of("study-results");
        String preset = "remedies";
        Path summarise = null;
        java.util.Set<String> given = new java.util.HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                System.out.println("options: --remedies a,b,… (" + String.join(", ", Remedies.names()) + "; default "
                        + String.join(",", Remedies.DEFAULTS) + ") --datasets x,y,… (" + String.join(",",
                        StudyCase.DEFAULTS) + ",pacgan-ring,pacgan-grid) --seeds N --steps S --threads T --out DIR "
                        + "--preset remedies|pacgan-table1|cost --summarise RUNS_CSV (summary and charts of finished "
                        + "runs, no training)");
                return;
            }
            if (!OPTIONS.contains(a)) {
                throw new IllegalArgumentException("args must be options from " + OPTIONS + " (try --help), was '"
                        + a + "'");
            }
            if (!given.add(a)) {
                throw new IllegalArgumentException("args must give each option once, was " + a + " twice");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " must be followed by a value, was the last argument");
            }
            String v = args[++i];
            switch (a) {
                case "--remedies" -> remedies = list(a, v);
                case "--datasets" -> datasets = list(a, v);
                case "--seeds" -> seeds = integer(a, v);
                case "--steps" -> steps = integer(a, v);
                case "--threads" -> threads = integer(a, v);
                case "--out" -> out = Path.of(v);
                case "--preset" -> preset = v;
                default -> summarise = Path.of(v);
            }
        }
        // Every argument is checked before any work starts: a study that fails on its last data set after hours of
        // training, or a typo found after the first seed, is what this avoids.
        Check.oneOf("--preset", preset, List.of("remedies", "pacgan-table1", "cost"));
        Check.folderTarget("--out", out);
        if (summarise != null) {
            Check.readableFile("--summarise", summarise);
            // Re-summarise finished runs (e.g. to redraw the charts) without training again.
            Table runs = StudyReport.readRuns(summarise);
            Table summary = StudyReport.summary(runs);
            Files.createDirectories(out);
            StudyReport.write(out, runs, summary, preset.equals("pacgan-table1") ? "PacGAN Table 1"
                    : "Remedies × data sets");
            if (preset.equals("pacgan-table1")) {
                String md = PacGanTable1.sideBySide(summary, runs.intColumn("steps").getInt(0),
                        runs.intColumn("seed").countUnique());
                AtomicFiles.writeString(out.resolve("table1.md"), md);
                System.out.println(md);
            }
            return;
        }
        Check.atLeast("--seeds", seeds, 1);
        Check.atLeast("--threads", threads, 1);
        if (steps != null) {
            Check.atLeast("--steps", steps, 1);
        }
        if (preset.equals("pacgan-table1")) {
            for (String o : List.of("--remedies", "--datasets")) {
                if (given.contains(o)) {
                    throw new IllegalArgumentException(o + " must not be given with --preset pacgan-table1 (it "
                            + "trains GAN and PacGAN2–4 on pacgan-ring and pacgan-grid), was given");
                }
            }
            Files.createDirectories(out);
            PacGanTable1.run(out, seeds, steps, threads);
            return;
        }
        List<StudyCase> cases = new ArrayList<>();
        for (String d : datasets) {
            StudyCase c = StudyCase.named(d);
            cases.add(steps == null ? c : c.withSteps(steps));
        }
        List<Method> methods = remedies.stream().map(Remedies::parse).toList();
        Study.checkAll(cases, methods);
        if (preset.equals("cost")) {
            System.out.println(cost(datasets.stream().map(StudyCase::named).toList(), methods,
                    steps == null ? 400 : steps));
            return;
        }
        Files.createDirectories(out);
        List<Study.Run> runs = Study.runs(cases, methods, seeds, threads, Study.Protocol.standard(),
                System.err::println);
        Table table = StudyReport.table(runs);
        StudyReport.write(out, table, StudyReport.summary(table), "Remedies × data sets");
    }

    private static final List<String> OPTIONS = List.of("--remedies", "--datasets", "--seeds", "--steps", "--threads",
            "--out", "--preset", "--summarise");

    /** A comma-separated list of names: none empty. */
    private static List<String> list(String option, String value) {
        List<String> items = List.of(value.split(",", -1));
        for (String item : items) {
            if (item.isBlank()) {
                throw new IllegalArgumentException(option + " must be names separated by commas, without empty ones, "
                        + "was '" + value + "'");
            }
        }
        return items;
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, was '" + value + "'");
        }
    }

    /**
     * The cost of each method: steps/s of its training step relative to the baseline's on the same data set and
     * preset (seed 1; 100 warm-up steps, then {@code steps} timed steps, three rounds with the methods alternated;
     * the median round; {@link StepTimer}). A benchmark, not a test: it prints a Markdown table.
     */
    public static String cost(List<StudyCase> cases, List<Method> methods, int steps) {
        Study.checkAll(cases, methods);
        Check.atLeast("steps", steps, 1);
        for (Method m : methods) {
            if (!(m instanceof Method.OneGan)) {
                throw new IllegalArgumentException("cost times one GAN's step; method '" + m.label()
                        + "' trains several GANs");
            }
        }
        StringBuilder sb = new StringBuilder("| data set | remedy | steps/s (median of 3) | relative to plain |\n"
                + "|---|---|---|---|\n");
        for (StudyCase c : cases) {
            List<Supplier<Gan>> gans = methods.stream().<Supplier<Gan>>map(m -> () -> Gan.create(c.data(),
                    c.config().withSeed(1), ((Method.OneGan) m).remedies())).toList();
            double[] sps = StepTimer.medians(gans, 100, steps, 3);
            double base = Double.NaN;
            for (int i = 0; i < methods.size(); i++) {
                if (methods.get(i).neutral() && Double.isNaN(base)) {
                    base = sps[i];
                }
            }
            for (int i = 0; i < methods.size(); i++) {
                sb.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.2f |%n", c.name(), methods.get(i).label(),
                        sps[i], sps[i] / base));
            }
        }
        return sb.toString();
    }
}
