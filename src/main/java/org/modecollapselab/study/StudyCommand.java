package org.modecollapselab.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.modecollapselab.bench.StepTimer;
import org.modecollapselab.catalog.ObjectiveSetting;
import org.modecollapselab.catalog.Objectives;
import org.modecollapselab.catalog.Remedies;
import org.modecollapselab.gan.Method;
import org.modecollapselab.util.AtomicFiles;
import org.modecollapselab.util.Check;
import tech.tablesaw.api.Table;

/**
 * The {@code environment/study} command: {@code StudyCommand [--remedies a,b,…] [--objectives o,p,…]
 * [--datasets x,y,…] [--seeds N] [--steps S] [--threads T] [--samples N] [--out DIR] [--resume]
 * [--preset remedies|pacgan-table1|cost] [--summarise RUNS_CSV]}. {@code --objectives} crosses every objective
 * ({@link Objectives}; {@code all} for the whole catalog) with every remedy; without it every method trains with
 * the data set's own objective and keeps its label. Every argument is checked before any training.
 *
 * <p>Runs execute on a {@link StudyEngine}: {@code T} threads here (default one per core), or Apache Spark (the
 * {@code spark/} module's command passes its engine to {@link #run(String[], StudyEngine)}). Each finished run is
 * added to {@code runs.csv} at once, atomically, so a study that is killed loses no finished run, and
 * {@code --resume} runs only the runs missing from it. A run that fails is reported with its settings (and in
 * {@code failures.csv}); the others still finish, and the command exits with status 1.
 */
public final class StudyCommand {
    private StudyCommand() {
    }

    public static void main(String[] args) throws Exception {
        int status = run(args, null);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** The options, one line each (also the Spark command's). */
    public static String usage() {
        return "options:\n"
                + "  --remedies a,b,…   " + String.join(", ", Remedies.names()) + " (default " + String.join(",",
                Remedies.DEFAULTS) + ")\n"
                + "  --objectives o,p,… " + String.join(", ", Objectives.names()) + "; all: " + String.join(",",
                Objectives.ALL) + " (crossed with the remedies; --remedies defaults to plain then)\n"
                + "  --datasets x,y,…   " + String.join(",", StudyCase.DEFAULTS) + ",pacgan-ring,pacgan-grid,mnist,stacked-mnist (default "
                + String.join(",", StudyCase.DEFAULTS) + ")\n"
                + "  --seeds N          seeds 1..N (default 5)\n"
                + "  --steps S          training steps of every run (default: each data set's)\n"
                + "  --threads T        runs at a time (default: one per core, " + Study.defaultThreads() + " here)\n"
                + "  --samples N        samples scored per run (default 2,500; Stacked MNIST 26,000)\n"
                + "  --out DIR          where runs.csv, summary.csv, summary.md and charts go (default study-results)\n"
                + "  --resume           keep the runs already in DIR/runs.csv and run only the missing ones\n"
                + "  --preset P         remedies (default) | pacgan-table1 (PacGAN's Table 1) | cost (speed of each "
                + "remedy)\n"
                + "  --clock wall|cpu   cost: wall-clock time (default) or the step thread's CPU time (shared machines)\n"
                + "  --summarise CSV    summary and charts of finished runs (a runs.csv), no training";
    }

    /**
     * Runs the command.
     *
     * @param engine where the runs execute (Spark); null for the thread engine of {@code --threads}
     * @return the exit status: 0, or 1 when a run failed
     */
    public static int run(String[] args, StudyEngine engine) throws IOException {
        Check.noNulls("args", args);
        List<String> remedies = Remedies.DEFAULTS;
        List<String> objectives = null;
        boolean remediesGiven = false;
        List<String> datasets = StudyCase.DEFAULTS;
        int seeds = 5;
        Integer steps = null;
        Integer threads = null;
        Path out = Path.of("study-results");
        String preset = "remedies";
        Path summarise = null;
        boolean resume = false;
        Integer samples = null;
        StepTimer.Clock clock = StepTimer.Clock.WALL;
        Set<String> given = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String a = Check.notNull("args[" + i + "]", args[i]);
            if (a.equals("-h") || a.equals("--help")) {
                System.out.println(usage());
                return 0;
            }
            if (a.equals("--resume")) {
                resume = true;
                continue;
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
                case "--remedies" -> {
                    remedies = list(a, v);
                    remediesGiven = true;
                }
                case "--objectives" -> objectives = v.equals("all") ? Objectives.ALL : list(a, v);
                case "--datasets" -> datasets = list(a, v);
                case "--seeds" -> seeds = integer(a, v);
                case "--steps" -> steps = integer(a, v);
                case "--threads" -> threads = integer(a, v);
                case "--out" -> out = Path.of(v);
                case "--preset" -> preset = v;
                case "--summarise" -> summarise = Path.of(v);
                case "--samples" -> samples = integer(a, v);
                case "--clock" -> clock = switch (v) {
                    case "wall" -> StepTimer.Clock.WALL;
                    case "cpu" -> StepTimer.Clock.THREAD_CPU;
                    default -> throw new IllegalArgumentException("--clock must be wall or cpu, was '" + v + "'");
                };
                default -> throw new IllegalArgumentException("unknown option " + a + " (try --help)");
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
                    : objectives != null ? "Objectives × data sets" : "Remedies × data sets");
            if (preset.equals("pacgan-table1")) {
                String md = PacGanTable1.sideBySide(summary, runs.intColumn("steps").getInt(0),
                        runs.intColumn("seed").countUnique());
                AtomicFiles.writeString(out.resolve("table1.md"), md);
                System.out.println(md);
            }
            return 0;
        }
        Check.atLeast("--seeds", seeds, 1);
        if (threads != null) {
            Check.atLeast("--threads", threads, 1);
        }
        if (steps != null) {
            Check.atLeast("--steps", steps, 1);
        }
        if (samples != null) {
            Check.atLeast("--samples", samples, 1);
        }
        if (preset.equals("pacgan-table1")) {
            for (String o : List.of("--remedies", "--datasets", "--objectives")) {
                if (given.contains(o)) {
                    throw new IllegalArgumentException(o + " must not be given with --preset pacgan-table1 (it "
                            + "trains GAN and PacGAN2–4 on pacgan-ring and pacgan-grid), was given");
                }
            }
        }
        if (engine != null && threads != null) {
            throw new IllegalArgumentException("--threads sets the local engine's threads; on " + engine
                    + " the master decides how many runs run at a time (local[N]: N), was --threads " + threads);
        }
        if (preset.equals("cost")) {
            List<Method> methods = methods(objectives, objectives != null && !remediesGiven ? List.of("plain")
                    : remedies);
            System.out.println(cost(datasets.stream().map(StudyCase::named).toList(), methods,
                    steps == null ? 400 : steps, clock));
            return 0;
        }
        NamedPlan plan = new NamedPlan(preset, datasets, objectives != null && !remediesGiven ? List.of("plain") : remedies,
                objectives == null ? List.of() : objectives, seeds, steps == null ? 0 : steps, samples == null ? 0 : samples);
        StudyEngine e = engine != null ? engine : StudyEngine.threads(threads != null ? threads
                : Study.defaultThreads());
        return run(plan, e, out, resume);
    }

    /**
     * Runs a plan on an engine into {@code out}: runs.csv written atomically after every finished run (in the
     * plan's order), failures.csv while any run failed (also in the plan's order), then summary.csv, summary.md and
     * the charts (and table1.md for PacGAN's Table 1).
     *
     * @param resume keep the runs in {@code out/runs.csv} (they must belong to this plan) and run only the others
     * @return 0, or 1 when a run failed
     */
    public static int run(StudyPlan plan, StudyEngine engine, Path out, boolean resume) throws IOException {
        Check.notNull("plan", plan);
        Check.notNull("engine", engine);
        Check.folderTarget("out", out);
        List<Study.Task> tasks = plan.tasks();   // checks every method on every data set before anything runs
        List<Study.Key> order = tasks.stream().map(Study.Task::key).toList();
        Files.createDirectories(out);
        Path runsCsv = out.resolve("runs.csv");
        Path failuresCsv = out.resolve("failures.csv");
        Map<Study.Key, Study.Run> done = new HashMap<>();
        if (resume && Files.exists(runsCsv)) {
            for (Study.Run r : StudyReport.runs(StudyReport.readRuns(runsCsv))) {
                if (!order.contains(r.key())) {
                    throw new IllegalArgumentException("--resume: " + runsCsv + " holds a run that is not part of "
                            + "this study (" + r.key() + "); resume with the options that started it, or use "
                            + "another --out");
                }
                if (done.put(r.key(), r) != null) {
                    throw new IllegalArgumentException("--resume: " + runsCsv + " holds run " + r.key() + " twice");
                }
            }
        } else if (Files.exists(runsCsv)) {
            System.err.println("note: " + runsCsv + " exists; this study starts afresh and replaces it as runs "
                    + "finish (--resume keeps its runs)");
        }
        System.err.printf(Locale.ROOT, "study: %d runs%s, on %s%n", order.size(), done.isEmpty() ? ""
                : " (" + done.size() + " already in runs.csv)", engine);
        List<Study.Failure> failures = new ArrayList<>();
        StudyProgress progress = StudyProgress.console(System.err, StudyProgress.stderrIsTerminal());
        long t0 = System.nanoTime();
        Study.Outcome outcome = Study.execute(plan, engine, Set.copyOf(done.keySet()), progress, r -> {
            try {
                if (r instanceof Study.Run run) {
                    done.put(run.key(), run.withoutCoverage());
                    AtomicFiles.writeString(runsCsv, StudyReport.csv(StudyReport.table(inOrder(order, done))));
                } else {
                    failures.add((Study.Failure) r);
                    // the plan's order, like runs.csv: parallel engines finish runs in any order
                    failures.sort(Comparator.comparingInt(f -> order.indexOf(f.key())));
                    AtomicFiles.writeString(failuresCsv, StudyReport.csv(StudyReport.failures(failures)));
                }
            } catch (IOException x) {
                throw new UncheckedIOException("could not write " + out + ": " + x.getMessage(), x);
            }
        });
        System.err.printf(Locale.ROOT, "study: %d runs in %.1f s on %s%s%n", outcome.runs().size()
                + outcome.failures().size(), (System.nanoTime() - t0) / 1e9, engine, outcome.failures().isEmpty() ? ""
                : " (" + outcome.failures().size() + " failed)");
        if (failures.isEmpty()) {
            Files.deleteIfExists(failuresCsv);
        }
        List<Study.Run> runs = inOrder(order, done);
        if (!runs.isEmpty()) {
            Table table = StudyReport.table(runs);
            Table summary = StudyReport.summary(table);
            StudyReport.write(out, table, summary, plan.title());
            if (plan instanceof NamedPlan named && named.preset().equals("pacgan-table1")) {
                String md = PacGanTable1.sideBySide(summary, runs.get(0).steps(), named.seeds());
                AtomicFiles.writeString(out.resolve("table1.md"), md);
                System.out.println(md);
            }
        }
        if (failures.isEmpty()) {
            return 0;
        }
        for (Study.Failure f : failures) {
            System.err.println(f.describe());
        }
        System.err.printf(Locale.ROOT, "%d of %d runs failed (settings and errors above and in %s); %s. Run the "
                        + "same command with --resume to run only the missing ones.%n", failures.size(), order.size(),
                failuresCsv, runs.isEmpty() ? "no run finished" : "the summary covers the " + runs.size()
                        + " that finished");
        return 1;
    }

    private static List<Study.Run> inOrder(List<Study.Key> order, Map<Study.Key, Study.Run> done) {
        List<Study.Run> runs = new ArrayList<>();
        for (Study.Key k : order) {
            Study.Run r = done.get(k);
            if (r != null) {
                runs.add(r);
            }
        }
        return runs;
    }

    /**
     * The study's methods: each remedy by name, or — with objectives — every objective × every remedy, objectives
     * outer (the objective's label first, the data set's own objective keeping the remedy's label).
     */
    public static List<Method> methods(List<String> objectives, List<String> remedies) {
        Check.notEmpty("remedies", remedies);
        Check.noNulls("remedies", remedies);
        if (objectives != null) {
            Check.noNulls("objectives", objectives);
            Check.distinct("objectives", objectives, "name", o -> o);
        }
        List<Method> inner = remedies.stream().map(Remedies::parse).toList();
        if (objectives == null) {
            return inner;
        }
        Check.notEmpty("objectives", objectives);
        List<Method> out = new ArrayList<>();
        for (String o : objectives) {
            ObjectiveSetting setting = Objectives.parse(o);
            for (Method m : inner) {
                out.add(setting.method(m));
            }
        }
        Set<String> labels = new HashSet<>();
        for (Method m : out) {
            if (!labels.add(m.label())) {
                throw new IllegalArgumentException("objectives × remedies must not repeat a method, but '" + m.label()
                        + "' appears twice (objectives " + objectives + ", remedies " + remedies + ")");
            }
        }
        return out;
    }

    private static final List<String> OPTIONS = List.of("--remedies", "--objectives", "--datasets", "--seeds", "--steps",
            "--threads", "--samples", "--out", "--preset", "--clock", "--summarise");

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
        return cost(cases, methods, steps, StepTimer.Clock.WALL);
    }

    /** The same, timed by {@code clock} (the step thread's CPU time is steadier on a shared machine). */
    public static String cost(List<StudyCase> cases, List<Method> methods, int steps, StepTimer.Clock clock) {
        return StudyCost.cost(cases, methods, steps, clock);
    }
}
