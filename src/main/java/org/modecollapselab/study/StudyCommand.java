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
import org.modecollapselab.knob.KnobSetting;
import org.modecollapselab.remedy.catalog.Remedies;
import org.modecollapselab.util.AtomicFiles;
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
        List<String> remedies = Remedies.DEFAULTS;
        List<String> datasets = StudyCase.DEFAULTS;
        int seeds = 5;
        Integer steps = null;
        int threads = 1;
        Path out = Path.of("study-results");
        String preset = "remedies";
        Path summarise = null;
        StepTimer.Clock clock = StepTimer.Clock.WALL;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                System.out.println("options: --remedies a,b,… (" + String.join(", ", Remedies.names()) + "; default "
                        + String.join(",", Remedies.DEFAULTS) + ") --datasets x,y,… (" + String.join(",",
                        StudyCase.DEFAULTS) + ",pacgan-ring,pacgan-grid) --seeds N --steps S --threads T --out DIR "
                        + "--preset remedies|pacgan-table1|cost --summarise RUNS_CSV (summary and charts of finished "
                        + "runs, no training) --clock wall|cpu (cost: wall-clock time, or the step thread's CPU time "
                        + "on a shared machine)");
                return;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--remedies" -> remedies = List.of(v.split(","));
                case "--datasets" -> datasets = List.of(v.split(","));
                case "--seeds" -> seeds = integer(a, v);
                case "--steps" -> steps = integer(a, v);
                case "--threads" -> threads = integer(a, v);
                case "--out" -> out = Path.of(v);
                case "--preset" -> preset = v;
                case "--summarise" -> summarise = Path.of(v);
                case "--clock" -> clock = switch (v) {
                    case "wall" -> StepTimer.Clock.WALL;
                    case "cpu" -> StepTimer.Clock.THREAD_CPU;
                    default -> throw new IllegalArgumentException("--clock must be wall or cpu, was '" + v + "'");
                };
                default -> throw new IllegalArgumentException("unknown option " + a + " (try --help)");
            }
        }
        if (!List.of("remedies", "pacgan-table1", "cost").contains(preset)) {
            throw new IllegalArgumentException("preset must be remedies, pacgan-table1 or cost, was '" + preset + "'");
        }
        if (summarise != null) {
            // Re-summarise finished runs (e.g. to redraw the charts) without training again.
            Files.createDirectories(out);
            Table runs = StudyReport.readRuns(summarise);
            Table summary = StudyReport.summary(runs);
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
        if (seeds < 1 || threads < 1 || (steps != null && steps < 1)) {
            throw new IllegalArgumentException("--seeds, --threads and --steps must be >= 1, were " + seeds + ", "
                    + threads + ", " + steps);
        }
        if (preset.equals("pacgan-table1")) {
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
        if (preset.equals("cost")) {
            System.out.println(cost(datasets.stream().map(StudyCase::named).toList(), methods,
                    steps == null ? 400 : steps, clock));
            return;
        }
        Files.createDirectories(out);
        List<Study.Run> runs = Study.runs(cases, methods, seeds, threads, Study.Protocol.standard(),
                System.err::println);
        Table table = StudyReport.table(runs);
        StudyReport.write(out, table, StudyReport.summary(table), "Remedies × data sets");
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
        for (Method m : methods) {
            if (!(m instanceof Method.OneGan) && !(m instanceof KnobSetting)) {
                throw new IllegalArgumentException("cost times one GAN's step; method '" + m.label()
                        + "' trains several GANs");
            }
        }
        StringBuilder sb = new StringBuilder("| data set | remedy | steps/s (median of 3" + (clock == StepTimer.Clock.WALL
                ? "" : ", CPU time") + ") | relative to plain |\n"
                + "|---|---|---|---|\n");
        for (StudyCase c : cases) {
            for (Method m : methods) {
                m.check(c.data(), c.config());
            }
            List<Supplier<Gan>> gans = methods.stream().<Supplier<Gan>>map(m -> () -> m instanceof KnobSetting k
                    ? Gan.create(c.data(), k.configure(c.config().withSeed(1)))
                    : Gan.create(c.data(), c.config().withSeed(1), ((Method.OneGan) m).remedies())).toList();
            double[] sps = StepTimer.medians(gans, 100, steps, 3, clock);
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
