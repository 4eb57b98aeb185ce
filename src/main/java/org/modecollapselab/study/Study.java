package org.modecollapselab.study;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.modecollapselab.gan.Method;
import org.modecollapselab.gan.TrainingResult;
import org.modecollapselab.metric.CoverageReport;
import org.modecollapselab.metric.CoverageScorer;
import org.modecollapselab.metric.CoverageThresholds;
import org.modecollapselab.metric.ModeSet;
import org.modecollapselab.metric.ModeTimeline;
import org.modecollapselab.util.Check;

/**
 * The one study engine: methods × data sets × seeds, each run trained from scratch and scored on fresh samples
 * (VEEGAN's and PacGAN's protocol: 2,500 samples), with its mode timeline for hops. The notebooks' seed studies
 * ({@link SeedStudy}), the study command ({@link StudyCommand}) and the PacGAN Table 1 preset all run through it;
 * {@link StudyReport} turns its runs into tables, Markdown and charts.
 *
 * <p>Runs are independent: they run on one thread per core by default ({@link #defaultThreads()}), each run on one
 * thread (ND4J's workspaces are per thread, and the step's arrays live in them), and give the same numbers whatever
 * the threads (only their steps/s depend on what else runs). A {@link StudyEngine} decides where runs execute: a
 * thread pool here, or Apache Spark (the {@code spark/} module). A run that throws is reported as a {@link Failure}
 * with its settings; the other runs still finish.
 */
public final class Study {
    /**
     * A mode holding at least this share of a snapshot's samples counts as dominant
     * ({@code ModeTimeline.dominantModes}, {@code collapsedShare}). Hops use {@link #HOP_MAJORITY} and
     * {@link #HOP_PERSISTENCE} (see {@link #hops}).
     */
    public static final double DOMINANCE = 0.8;

    /** A hop's new mode must hold more than this share of the samples (nearest-mode shares)… */
    public static final double HOP_MAJORITY = 0.6;

    /** … for at least this many consecutive snapshots. */
    public static final int HOP_PERSISTENCE = 2;

    private Study() {
    }

    /**
     * How a run is scored.
     *
     * @param evaluationSamples fresh samples scored at the end of training, &gt;= 1
     * @param snapshots         snapshots over training for the mode timeline (hops), &gt;= 1
     * @param snapshotSize      samples per snapshot, &gt;= 1
     */
    public record Protocol(int evaluationSamples, int snapshots, int snapshotSize) implements Serializable {
        public Protocol {
            Check.atLeast("evaluationSamples", evaluationSamples, 1);
            Check.atLeast("snapshots", snapshots, 1);
            Check.atLeast("snapshotSize", snapshotSize, 1);
        }

        /**
         * The study command's: 2,500 samples (VEEGAN, PacGAN), 400 snapshots of 200 — dense enough to see the
         * ring's plain GAN move from mode to mode (it stays ~10 steps on each; a snapshot every 5 of its 2,000
         * steps).
         */
        public static Protocol standard() {
            return new Protocol(2500, 400, 200);
        }

        /** Stacked MNIST's, as in the Unrolled GAN, VEEGAN and PacGAN papers: 26,000 samples; 40 snapshots of 200. */
        public static Protocol stackedMnist() {
            return new Protocol(26_000, 40, 200);
        }

        public Protocol withEvaluationSamples(int v) {
            return new Protocol(v, snapshots, snapshotSize);
        }
    }

    /**
     * What identifies a run within a study (and in {@code runs.csv}): data set, method label, seed and steps.
     */
    public record Key(String dataset, String method, int seed, int steps) implements Serializable {
        public Key {
            Check.notBlank("dataset", dataset);
            Check.notBlank("method", method);
            Check.atLeast("steps", steps, 1);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s, %s, seed %d, %d steps", dataset, method, seed, steps);
        }
    }

    /** One unit of work of a study: a method on a data set with one seed. */
    public record Task(StudyCase c, Method method, int seed) {
        public Task {
            Check.notNull("c", c);
            Check.notNull("method", method);
        }

        public Key key() {
            return new Key(c.name(), method.label(), seed, c.steps());
        }
    }

    /** What a task gives: a {@link Run}, or a {@link Failure} when it threw. */
    public sealed interface Result extends Serializable permits Run, Failure {
        /** The run this is the result of. */
        Key key();
    }

    /**
     * One run's result. A diverged run has {@code diverged} set, NaN metrics, 0 modes and no coverage report.
     * Serializable for engines that run elsewhere (Spark) when its coverage report is null ({@link #withoutCoverage}).
     *
     * @param baseline whether the method is the plain GAN exactly ({@link Method#neutral()})
     * @param hops     hops of the dominant mode over the run's snapshots (see {@link #hops})
     * @param coverage the final coverage report (null for a diverged run and for runs read back from CSV; not
     *                 written to CSV)
     */
    public record Run(String dataset, String method, boolean baseline, int seed, int steps, int modesCaptured,
                      int modes, double highQualityPercent, double reverseKl, double stepsPerSecond, boolean diverged,
                      int hops, CoverageReport coverage) implements Result {
        public Run {
            Check.notNull("dataset", dataset);
            Check.notNull("method", method);
        }

        @Override
        public Key key() {
            return new Key(dataset, method, seed, steps);
        }

        /** The same run without its coverage report (what runs.csv holds). */
        public Run withoutCoverage() {
            return coverage == null ? this : new Run(dataset, method, baseline, seed, steps, modesCaptured, modes,
                    highQualityPercent, reverseKl, stepsPerSecond, diverged, hops, null);
        }

        /** One line: "ring, plain, seed 2: 1/8 modes, 14.8% high quality, reverse KL 0.412, 0 hops, 150 steps/s". */
        public String describe() {
            return String.format(Locale.ROOT, "%s, %s, seed %d: %s", dataset, method, seed, diverged ? "diverged"
                    : String.format(Locale.ROOT, "%d/%d modes, %.1f%% high quality, reverse KL %.3f, %d hops, "
                    + "%.0f steps/s", modesCaptured, modes, highQualityPercent, reverseKl, hops, stepsPerSecond));
        }
    }

    /**
     * A run that threw (a bug, memory, a lost executor): its settings and what went wrong. A diverged run is not a
     * failure (it is a {@link Run} with {@code diverged} set).
     *
     * @param error the exception and where it was thrown (for Spark also the executor)
     */
    public record Failure(Key key, String error) implements Result {
        public Failure {
            Check.notNull("key", key);
            Check.notNull("error", error);
        }

        /** "FAILED ring, plain, seed 2, 2000 steps: java.lang.IllegalStateException: … (at …)". */
        public String describe() {
            return "FAILED " + key + ": " + error;
        }

        /** The failure of {@code key} by {@code e}: its class and message and where it was thrown. */
        public static Failure of(Key key, Throwable e) {
            Check.notNull("e", e);
            StringBuilder sb = new StringBuilder(e.toString());
            StackTraceElement[] trace = e.getStackTrace();
            if (trace.length > 0) {
                sb.append(" (at ").append(trace[0]);
                for (StackTraceElement t : trace) {
                    if (t != trace[0] && t.getClassName().startsWith("org.modecollapselab.")) {
                        sb.append(", from ").append(t);
                        break;
                    }
                }
                sb.append(')');
            }
            Throwable cause = e.getCause();
            if (cause != null && cause != e) {
                sb.append("; caused by ").append(cause);
            }
            return new Failure(key, sb.toString());
        }
    }

    /**
     * What a study gave: its runs in task order (tasks that failed left out) and its failures.
     */
    public record Outcome(List<Run> runs, List<Failure> failures) {
        public Outcome {
            runs = List.copyOf(Check.notNull("runs", runs));
            failures = List.copyOf(Check.notNull("failures", failures));
        }
    }

    /** Thrown by {@link #runs} when some runs failed; it carries the runs that finished. */
    public static final class FailedException extends IllegalStateException {
        private final transient Outcome outcome;

        FailedException(Outcome outcome) {
            super(outcome.failures().size() + " of " + (outcome.failures().size() + outcome.runs().size())
                    + " study runs failed (the others finished): " + String.join("; ", outcome.failures().stream()
                    .map(Failure::describe).toList()));
            this.outcome = outcome;
        }

        /** The runs that finished and the failures. */
        public Outcome outcome() {
            return outcome;
        }
    }

    /** Threads a study uses unless told otherwise: one per core the JVM sees. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The study's hop count of a training run: a hop is the mode that holds the majority — more than
     * {@link #HOP_MAJORITY} of a snapshot's samples, each sample counting for its nearest mode
     * ({@code CoverageThresholds.nearestMode()}: where the mass is, sharp or not) — changing to another mode that
     * then holds it for at least {@link #HOP_PERSISTENCE} consecutive snapshots ({@link ModeTimeline#hopList}).
     * One-snapshot blips and a generator split evenly between modes do not count.
     */
    public static int hops(TrainingResult result, ModeSet modes) {
        Check.notNull("result", result);
        Check.notNull("modes", modes);
        return result.timeline(modes, CoverageThresholds.nearestMode()).hops(HOP_MAJORITY, HOP_PERSISTENCE);
    }

    /** The same with the modes a scorer reads ({@link CoverageScorer#forHops()}: every sample counts for its mode). */
    public static int hops(TrainingResult result, CoverageScorer scorer) {
        Check.notNull("result", result);
        Check.notNull("scorer", scorer);
        return result.timeline(scorer.forHops()).hops(HOP_MAJORITY, HOP_PERSISTENCE);
    }

    /** The seed of the samples a run is scored on (not the training seed). */
    static long evaluationSeed(int seed) {
        return 1_000_003L * seed + 17;
    }

    /**
     * Checks a study's line-up before any training: no nulls, no two cases with one name, no two methods with one
     * label (their rows would merge in every table), and every method against every case ({@link Method#check}).
     */
    static void checkAll(List<StudyCase> cases, List<Method> methods) {
        Check.notEmpty("cases", cases);
        Check.noNulls("cases", cases);
        Check.notEmpty("methods", methods);
        Check.noNulls("methods", methods);
        Check.distinct("cases", cases, "name", StudyCase::name);
        Check.distinct("methods", methods, "label", Method::label);
        for (StudyCase c : cases) {
            for (Method m : methods) {
                m.check(c.data(), c.config());
            }
        }
    }

    /** Trains and scores one run: {@code method} on {@code c} with seed {@code seed}. */
    public static Run run(StudyCase c, Method method, int seed, Protocol protocol) {
        Check.notNull("c", c);
        Check.notNull("method", method);
        Check.notNull("protocol", protocol);
        return StudyRunner.run(c, method, seed, protocol);
    }

    /** Every case × method × seed 1..seeds with the standard protocol, on one thread per core (for notebooks). */
    public static List<Run> runs(List<StudyCase> cases, List<Method> methods, int seeds) {
        return runs(cases, methods, seeds, defaultThreads(), Protocol.standard(), null);
    }

    /**
     * The same with a progress line, e.g. {@code StudyProgress.live(live())} in a notebook: one output with the
     * runs done and the time left, updated after each run.
     */
    public static List<Run> runs(List<StudyCase> cases, List<Method> methods, int seeds, StudyProgress progress) {
        Check.notNull("progress", progress);
        return runs(tasks(cases, methods, seeds), defaultThreads(), Protocol.standard(), progress);
    }

    /**
     * Every case × method × seed 1..seeds, on {@code threads} threads, in that order (results do not depend on the
     * threads; timings do: runs share the cores). Every method is checked against every case before any training.
     *
     * @param progress receives one line per finished run, in the order runs finish (may be null)
     * @throws FailedException when a run threw, after the others finished (it carries them)
     */
    public static List<Run> runs(List<StudyCase> cases, List<Method> methods, int seeds, int threads,
                                 Protocol protocol, Consumer<String> progress) {
        Check.atLeast("threads", threads, 1);
        Check.notNull("protocol", protocol);
        return runs(tasks(cases, methods, seeds), threads, protocol, progress == null ? StudyProgress.NONE
                : StudyProgress.lines(progress));
    }

    /**
     * Tasks ({@link #tasks}) on {@code threads} threads with a progress listener (a live line:
     * {@link StudyProgress#live}, {@link StudyProgress#console}); the runs in task order.
     *
     * @throws FailedException when a run threw, after the others finished (it carries them)
     */
    public static List<Run> runs(List<Task> tasks, int threads, Protocol protocol, StudyProgress progress) {
        Check.notEmpty("tasks", tasks);
        Check.noNulls("tasks", tasks);
        Check.atLeast("threads", threads, 1);
        Check.notNull("protocol", protocol);
        Check.notNull("progress", progress);
        Outcome outcome = execute(StudyPlan.of("study", tasks, protocol), StudyEngine.threads(threads), Set.of(),
                progress, r -> {
                });
        if (!outcome.failures().isEmpty()) {
            throw new FailedException(outcome);
        }
        return outcome.runs();
    }

    /**
     * Every case × method × seed 1..seeds as tasks, in that order, after checking every method against every case
     * (nothing trains here).
     */
    public static List<Task> tasks(List<StudyCase> cases, List<Method> methods, int seeds) {
        Check.notEmpty("cases", cases);
        Check.notEmpty("methods", methods);
        Check.atLeast("seeds", seeds, 1);
        checkAll(cases, methods);
        List<Task> tasks = new ArrayList<>();
        for (StudyCase c : cases) {
            for (Method m : methods) {
                for (int s = 1; s <= seeds; s++) {
                    tasks.add(new Task(c, m, s));
                }
            }
        }
        return tasks;
    }

    /** Runs one task: its {@link Run}, or a {@link Failure} when it throws (a diverged run is a run). */
    public static Result attempt(Task task, Protocol protocol) {
        Check.notNull("task", task);
        Check.notNull("protocol", protocol);
        try {
            return run(task.c(), task.method(), task.seed(), protocol);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError e) {
            return Failure.of(task.key(), e);
        }
    }

    /**
     * Runs a plan's tasks on an engine, skipping those whose key is in {@code skip} (already done: a resumed
     * study), and reports each result as it comes, on the calling thread: first to {@code onResult} (e.g. to write
     * it to disk), then to {@code progress}.
     *
     * @return the runs of this call in task order, and the failures
     */
    public static Outcome execute(StudyPlan plan, StudyEngine engine, Set<Key> skip, StudyProgress progress,
                                  Consumer<Result> onResult) {
        Check.notNull("plan", plan);
        Check.notNull("engine", engine);
        Check.noNulls("skip", new ArrayList<>(Check.notNull("skip", skip)));
        Check.notNull("progress", progress);
        Check.notNull("onResult", onResult);
        return StudyRunner.execute(plan, engine, skip, progress, onResult);
    }
}
