package org.modecollapselab.spark;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.DataSource;
import org.modecollapselab.gan.Method;
import org.modecollapselab.gan.TrainingOptions;
import org.modecollapselab.study.Study;
import org.modecollapselab.study.StudyCase;
import org.modecollapselab.study.StudyCommand;
import org.modecollapselab.study.StudyEngine;
import org.modecollapselab.study.StudyPlan;
import org.modecollapselab.study.StudyReport;
import tech.tablesaw.api.Table;

/** Failures on executors and resume, on embedded Spark. */
class SparkEngineTest {
    static JavaSparkContext spark;

    @BeforeAll
    static void start() {
        spark = new JavaSparkContext(SparkStudyCommand.configuration("local[2]", List.of()));
        spark.setLogLevel("ERROR");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** Seed 2 throws (a bug: reported by the run), seed 3 throws an Error (Spark's task fails: reported by Spark). */
    static Method fragile() {
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
                if (config.seed() == 2) {
                    throw new IllegalStateException("boom on seed 2");
                }
                if (config.seed() == 3) {
                    throw new AssertionError("task killed on seed 3");
                }
                return Method.plain().train(data, config, steps, options);
            }
        };
    }

    /** A plan that rebuilds its tasks on the executor, like NamedPlan. */
    record FragilePlan(int steps) implements StudyPlan {
        @Override
        public List<Study.Task> tasks() {
            return Study.tasks(List.of(StudyCase.named("temperature").withSteps(steps)), List.of(fragile()), 4);
        }

        @Override
        public Study.Protocol protocol() {
            return new Study.Protocol(500, 5, 200);
        }

        @Override
        public String title() {
            return "fragile";
        }
    }

    static final class Counting implements StudyEngine {
        final StudyEngine inner;
        final AtomicInteger asked = new AtomicInteger();

        Counting(StudyEngine inner) {
            this.inner = inner;
        }

        @Override
        public void execute(StudyPlan plan, List<Integer> tasks, Consumer<Study.Result> results) {
            asked.addAndGet(tasks.size());
            inner.execute(plan, tasks, results);
        }
    }

    @Test
    void failedRunsAreReportedWithTheirSettingsAndTheOthersFinish(@TempDir Path dir) throws Exception {
        assertEquals(1, StudyCommand.run(new FragilePlan(20), new SparkEngine(spark), dir, false));
        Table runs = StudyReport.readRuns(dir.resolve("runs.csv"));
        assertEquals(List.of(1, 4), runs.intColumn("seed").asList(), "seeds 1 and 4 finished");
        Table failures = Table.read().csv(dir.resolve("failures.csv").toFile());
        assertEquals(List.of(2, 3), failures.intColumn("seed").asList());
        assertEquals(List.of("fragile", "fragile"), failures.stringColumn("remedy").asList());
        String thrown = failures.stringColumn("error").get(0);
        assertTrue(thrown.startsWith("java.lang.IllegalStateException: boom on seed 2 (at ")
                && thrown.endsWith("[on Spark executor driver, host 127.0.0.1]"), thrown);
        String lost = failures.stringColumn("error").get(1);
        assertTrue(lost.startsWith("Spark gave up on the run: org.apache.spark.SparkException: Job aborted")
                && lost.contains("java.lang.AssertionError: task killed on seed 3"), lost);

        // The cause gone (here: nothing to fix), --resume runs only the two failed runs.
        Counting again = new Counting(new SparkEngine(spark));
        assertEquals(1, StudyCommand.run(new FragilePlan(20), again, dir, true));
        assertEquals(2, again.asked.get());
        assertTrue(Files.exists(dir.resolve("summary.md")));
    }
}
