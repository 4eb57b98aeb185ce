package org.modecollapselab.study;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.DataSource;
import org.modecollapselab.gan.Method;
import org.modecollapselab.gan.TrainingOptions;
import org.modecollapselab.notebook.LiveView;
import org.modecollapselab.catalog.Remedies;
import tech.tablesaw.api.Table;

/** The study engine on several threads, failures, resume and per-run files, and the progress line. */
class StudyEngineTest {

    /** A run's table without its timing column (the only one that may depend on the threads). */
    static Table withoutTiming(Table runs) {
        return runs.copy().removeColumns("steps_per_s");
    }

    static String csv(Table t) {
        return StudyReport.csv(t);
    }

    /**
     * The same study on one thread and on two: the same table, number for number (a remedy with its own learned
     * state, minibatch discrimination, included).
     */
    @Test
    void twoThreadsGiveTheSameTableAsOne() {
        List<StudyCase> cases = List.of(StudyCase.named("temperature").withSteps(60),
                StudyCase.named("ring").withSteps(20));
        List<Method> methods = List.of(Remedies.parse("plain"), Remedies.parse("packing:2"),
                Remedies.parse("minibatch:2"));
        Study.Protocol protocol = new Study.Protocol(500, 5, 200);
        Table one = StudyReport.table(Study.runs(cases, methods, 2, 1, protocol, null));
        Table two = StudyReport.table(Study.runs(cases, methods, 2, 2, protocol, null));
        assertEquals(12, one.rowCount());
        assertEquals(csv(withoutTiming(one)), csv(withoutTiming(two)));
        assertTrue(one.intColumn("modes_captured").asList().stream().anyMatch(m -> m > 0), "the runs trained");
    }

    /** The seed study's table, seeds in parallel vs one after another. */
    @Test
    void seedStudyOnThreadsEqualsSequential() {
        var data = org.modecollapselab.data.TemperatureData.aliceSpringsAndSouthPole();
        var th = org.modecollapselab.metric.CoverageThresholds.standard();
        Table seq = SeedStudy.withThreads(1).run(data, GanConfig.temperatureCollapse(), "t", 3, 80, th);
        List<String> lines = new ArrayList<>();
        Table par = SeedStudy.withThreads(3).withProgress(StudyProgress.lines(lines::add))
                .run(data, GanConfig.temperatureCollapse(), "t", 3, 80, th);
        assertEquals(csv(seq), csv(par));
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(2).startsWith("[3/3] t, plain, seed "), lines.get(2));
        assertEquals("threads must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> SeedStudy.withThreads(0)).getMessage());
        assertEquals("progress must not be null",
                assertThrows(IllegalArgumentException.class, () -> SeedStudy.withProgress(null)).getMessage());
    }

    /** A method that throws for these seeds (a bug, say). */
    static Method failingOnSeed(int... bad) {
        return new Method() {
            @Override
            public String label() {
                return "fragile";
            }

            @Override
            public boolean neutral() {
                return false;
            }

            @Override
            public void check(DataSource data, GanConfig config) {
            }

            @Override
            public Trained train(DataSource data, GanConfig config, int steps, TrainingOptions options) {
                if (Arrays.stream(bad).anyMatch(b -> b == config.seed())) {
                    throw new IllegalStateException("boom on seed " + config.seed());
                }
                return Method.plain().train(data, config, steps, options);
            }
        };
    }

    /** A run that throws is reported with its settings; the other runs still finish. */
    @Test
    void aFailedRunIsReportedWithItsSettingsAndTheOthersFinish() {
        List<StudyCase> cases = List.of(StudyCase.named("temperature").withSteps(20));
        Study.FailedException e = assertThrows(Study.FailedException.class, () -> Study.runs(cases,
                List.of(failingOnSeed(2)), 3, 2, SeedStudy.PROTOCOL, null));
        assertEquals(List.of(1, 3), e.outcome().runs().stream().map(Study.Run::seed).toList());
        assertEquals(1, e.outcome().failures().size());
        Study.Failure f = e.outcome().failures().get(0);
        assertEquals(new Study.Key("temperature", "fragile", 2, 20), f.key());
        assertTrue(f.describe().startsWith("FAILED temperature, fragile, seed 2, 20 steps: "
                + "java.lang.IllegalStateException: boom on seed 2 (at "), f.describe());
        assertTrue(e.getMessage().startsWith("1 of 3 study runs failed (the others finished): FAILED temperature, "
                + "fragile, seed 2"), e.getMessage());
        assertInstanceOf(IllegalStateException.class, e, "callers catching IllegalStateException still do");
    }

    /** An engine that counts the runs it is asked for and lets a test look at each result as it is handed on. */
    static final class Counting implements StudyEngine {
        final StudyEngine inner;
        final AtomicInteger asked = new AtomicInteger();
        final Consumer<Study.Result> after;

        Counting(StudyEngine inner, Consumer<Study.Result> after) {
            this.inner = inner;
            this.after = after;
        }

        @Override
        public void execute(StudyPlan plan, List<Integer> tasks, Consumer<Study.Result> results) {
            asked.addAndGet(tasks.size());
            inner.execute(plan, tasks, r -> {
                results.accept(r);
                after.accept(r);
            });
        }
    }

    /**
     * runs.csv holds every finished run as soon as it finishes; a killed study (here: a runs.csv with one run
     * removed) resumes with only the missing run and ends with the same table.
     */
    @Test
    void runsCsvIsWrittenPerRunAndResumeRunsOnlyTheMissing(@TempDir Path dir) throws Exception {
        NamedPlan plan = new NamedPlan("remedies", List.of("temperature"), List.of("plain", "packing:2"), 2, 40);
        Path csv = dir.resolve("runs.csv");
        List<Integer> rowsAfterEach = new ArrayList<>();
        Counting first = new Counting(StudyEngine.threads(2), r -> {
            try {
                rowsAfterEach.add(StudyReport.readRuns(csv).rowCount());
            } catch (java.io.IOException x) {
                throw new AssertionError(x);
            }
        });
        assertEquals(0, StudyCommand.run(plan, first, dir, false));
        assertEquals(List.of(1, 2, 3, 4), rowsAfterEach, "runs.csv grows by one run as each finishes");
        String full = Files.readString(csv);
        Table complete = StudyReport.readRuns(csv);
        assertEquals(List.of(1, 2, 1, 2), complete.intColumn("seed").asList(), "the plan's order");

        // Killed after three runs: the file lacks one run. Resume runs that one only.
        Table three = complete.dropRows(2);
        Files.writeString(csv, StudyReport.csv(three));
        Files.delete(dir.resolve("summary.csv"));
        Counting again = new Counting(StudyEngine.threads(2), r -> {
        });
        assertEquals(0, StudyCommand.run(plan, again, dir, true));
        assertEquals(1, again.asked.get(), "only the missing run trains again");
        Table resumed = StudyReport.readRuns(csv);
        assertEquals(csv(withoutTiming(complete)), csv(withoutTiming(resumed)));
        assertEquals(full.lines().skip(1).filter(l -> !l.contains(",packing m=2,no,1,")).toList(),
                Files.readString(csv).lines().skip(1).filter(l -> !l.contains(",packing m=2,no,1,")).toList(),
                "kept runs are kept as they were, timings included");
        assertTrue(Files.exists(dir.resolve("summary.csv")));

        // Nothing missing: nothing trains.
        Counting none = new Counting(StudyEngine.threads(2), r -> {
        });
        assertEquals(0, StudyCommand.run(plan, none, dir, true));
        assertEquals(0, none.asked.get());

        // Runs of another study are refused by name before anything trains.
        NamedPlan other = new NamedPlan("remedies", List.of("temperature"), List.of("plain", "packing:2"), 2, 30);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StudyCommand.run(other, none, dir, true));
        assertTrue(e.getMessage().contains("holds a run that is not part of this study (temperature, plain, seed 1, "
                + "40 steps)"), e.getMessage());
        assertEquals(0, none.asked.get());
    }

    /** A study whose tasks rebuild with a method that fails on seed 2 (as a plan shipped to Spark would). */
    record FragilePlan(int steps) implements StudyPlan {
        @Override
        public List<Study.Task> tasks() {
            return Study.tasks(List.of(StudyCase.named("temperature").withSteps(steps)),
                    List.of(Method.plain(), failingOnSeed(2)), 2);
        }

        @Override
        public Study.Protocol protocol() {
            return SeedStudy.PROTOCOL;
        }

        @Override
        public String title() {
            return "fragile";
        }
    }

    /** The command: a failed run goes to failures.csv with its settings, the others to runs.csv and the summary;
     * status 1; resuming after the cause is gone runs only that run. */
    @Test
    void commandReportsFailuresAndResumeRetriesThem(@TempDir Path dir) throws Exception {
        assertEquals(1, StudyCommand.run(new FragilePlan(20), StudyEngine.threads(2), dir, false));
        Table failures = Table.read().csv(dir.resolve("failures.csv").toFile());
        assertEquals(1, failures.rowCount());
        assertEquals("fragile", failures.stringColumn("remedy").get(0));
        assertEquals(2, failures.intColumn("seed").get(0));
        assertTrue(failures.stringColumn("error").get(0).startsWith("java.lang.IllegalStateException: boom on seed 2"));
        assertEquals(3, StudyReport.readRuns(dir.resolve("runs.csv")).rowCount());
        assertTrue(Files.readString(dir.resolve("summary.md")).contains("| fragile | 1 |"));
    }

    /**
     * A parallel engine (threads, Spark) finishes runs in any order: runs.csv and failures.csv still list them in
     * the plan's order. The engine here hands its results back last first.
     */
    @Test
    void filesKeepThePlansOrderWhateverOrderRunsFinishIn(@TempDir Path dir) throws Exception {
        StudyEngine lastFirst = (plan, tasks, results) -> {
            List<Study.Result> all = new ArrayList<>();
            StudyEngine.threads(1).execute(plan, tasks, all::add);
            for (int i = all.size() - 1; i >= 0; i--) {
                results.accept(all.get(i));
            }
        };
        StudyPlan plan = StudyPlan.of("two failures", Study.tasks(List.of(StudyCase.named("temperature").withSteps(10)),
                List.of(Method.plain(), failingOnSeed(2, 3)), 4), SeedStudy.PROTOCOL);   // plain, then 2 and 3 fail
        assertEquals(1, StudyCommand.run(plan, lastFirst, dir, false));
        Table failures = Table.read().csv(dir.resolve("failures.csv").toFile());
        assertEquals(List.of(2, 3), failures.intColumn("seed").asList());
        Table runs = StudyReport.readRuns(dir.resolve("runs.csv"));
        assertEquals(List.of(1, 2, 3, 4, 1, 4), runs.intColumn("seed").asList());
        assertEquals(List.of("fragile", "fragile"), failures.stringColumn("remedy").asList());
    }

    /** Progress on a terminal: one line rewritten with a carriage return; failures on lines of their own. */
    @Test
    void consoleProgressIsOneLineOnATerminalAndOneLinePerRunOtherwise() {
        StudyPlan plan = new FakePlan(3);
        ByteArrayOutputStream term = new ByteArrayOutputStream();
        Study.execute(plan, new FakeEngine(), Set.of(), StudyProgress.console(new PrintStream(term, true,
                StandardCharsets.UTF_8), true), r -> {
                });
        String t = term.toString(StandardCharsets.UTF_8);
        assertEquals(2, t.chars().filter(c -> c == '\n').count(), "one progress line, one failure line: " + t);
        assertTrue(t.contains("\rStudy: runs 1/3 (33%), "), t);
        assertTrue(t.contains("\rFAILED temperature, plain, seed 2, 10 steps: java.lang.IllegalStateException: lost (at "),
                t);
        assertTrue(t.trim().endsWith("Study done: 3 runs (1 failed) in 0 s"), t);

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Study.execute(plan, new FakeEngine(), Set.of(), StudyProgress.console(new PrintStream(log, true,
                StandardCharsets.UTF_8), false), r -> {
                });
        List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("[1/3, ETA "), lines.get(0));
        assertTrue(lines.get(1).startsWith("[2/3, ETA ") && lines.get(1).contains("FAILED temperature, plain, seed 2"),
                lines.get(1));
        assertTrue(lines.get(2).startsWith("[3/3] temperature, plain, seed 3: 1/2 modes"), lines.get(2));
    }

    /** In a notebook: one output, updated in place after every run. */
    @Test
    void liveProgressUpdatesOneOutput() {
        List<Object> shown = new ArrayList<>();
        List<String> updates = new ArrayList<>();
        LiveView view = new LiveView(o -> {
            shown.add(o);
            return "id" + shown.size();
        }, (id, o) -> updates.add(id + ":" + o));
        Study.execute(new FakePlan(3), new FakeEngine(), Set.of(), StudyProgress.live(view), r -> {
        });
        assertEquals(1, shown.size());
        assertEquals(5, updates.size(), updates.toString());   // started, 3 runs, ended
        assertTrue(updates.stream().allMatch(u -> u.startsWith("id1:")));
        assertTrue(updates.get(3).startsWith("id1:Study: runs 3/3 (100%), 1 failed, "), updates.get(3));
        assertTrue(updates.get(4).startsWith("id1:Study done: 3 runs (1 failed) in "), updates.get(4));
    }

    @Test
    void statusLineAndEta() {
        StudyProgress.Status s = new StudyProgress.Status(6, 1, 10, 2, 40);
        assertEquals(10.0 * 4, s.etaSeconds(), 1e-12, "4 done in 40 s, 4 to go");
        assertEquals("runs 6/10 (60%), 2 resumed, 1 failed, 40 s, ETA 40 s", s.line());
        assertEquals("runs 2/10 (20%), 2 resumed, 0 s, ETA …", new StudyProgress.Status(2, 0, 10, 2, 0).line());
        assertEquals("2 h 05 min", StudyProgress.duration(7500));
        assertEquals("3 min 20 s", StudyProgress.duration(200));
    }

    /** Three temperature tasks of the plain GAN, not trained (for the fake engine). */
    record FakePlan(int n) implements StudyPlan {
        @Override
        public List<Study.Task> tasks() {
            return Study.tasks(List.of(StudyCase.named("temperature").withSteps(10)), List.of(Method.plain()), n);
        }

        @Override
        public Study.Protocol protocol() {
            return SeedStudy.PROTOCOL;
        }

        @Override
        public String title() {
            return "fake";
        }
    }

    /** Hands back made-up results at once: seed 2 fails, the others cover one of two modes. */
    static final class FakeEngine implements StudyEngine {
        @Override
        public void execute(StudyPlan plan, List<Integer> tasks, Consumer<Study.Result> results) {
            for (int i : tasks) {
                Study.Key k = plan.tasks().get(i).key();
                results.accept(k.seed() == 2 ? Study.Failure.of(k, new IllegalStateException("lost"))
                        : new Study.Run(k.dataset(), k.method(), true, k.seed(), k.steps(), 1, 2, 90, 0.7, 500, false,
                        0, null));
            }
        }
    }
}
