package org.modecollapselab.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.modecollapselab.study.Study;
import org.modecollapselab.study.StudyEngine;
import org.modecollapselab.study.StudyPlan;
import org.modecollapselab.util.Check;

/**
 * A study engine on Apache Spark: every run is a Spark job of one task, all submitted at once, so Spark runs as
 * many at a time as the cluster has task slots (one core per task: {@code spark.task.cpus=1}, ND4J on one
 * OpenMP thread) and each result comes back to the driver as soon as its run finishes — where the study engine
 * writes it to {@code runs.csv} at once.
 *
 * <p>The plan travels to the executors serialized and rebuilds its tasks there ({@link
 * org.modecollapselab.study.NamedPlan}: names and numbers); a run there trains exactly as on the driver, so the
 * numbers are those of the local engine. A run that throws comes back as a {@link Study.Failure} with its settings
 * and the executor it ran on; a task Spark itself gives up on (a lost executor, after {@code spark.task.maxFailures}
 * attempts) becomes a failure too. The other runs finish either way.
 */
public final class SparkEngine implements StudyEngine {
    private final JavaSparkContext spark;
    private final long pollMillis;

    /** An engine on a running Spark context (the caller stops it). */
    public SparkEngine(JavaSparkContext spark) {
        this.spark = Check.notNull("spark", spark);
        this.pollMillis = 100;
    }

    @Override
    public void execute(StudyPlan plan, List<Integer> tasks, Consumer<Study.Result> results) {
        Check.notNull("plan", plan);
        Check.notNull("tasks", tasks);
        Check.notNull("results", results);
        List<Study.Task> all = plan.tasks();
        Map<JavaFutureAction<List<Study.Result>>, Study.Key> pending = new HashMap<>();
        spark.setJobGroup("mcl-study", "study: " + plan.title(), true);
        try {
            for (int i : tasks) {
                Study.Key key = all.get(i).key();
                spark.setJobDescription(key.toString());
                pending.put(spark.parallelize(List.of(i), 1).map(new RunTask(plan)).collectAsync(), key);
            }
            while (!pending.isEmpty()) {
                List<JavaFutureAction<List<Study.Result>>> done = new ArrayList<>();
                for (JavaFutureAction<List<Study.Result>> f : pending.keySet()) {
                    if (f.isDone()) {
                        done.add(f);
                    }
                }
                for (JavaFutureAction<List<Study.Result>> f : done) {
                    Study.Key key = pending.remove(f);
                    Study.Result r;
                    try {
                        r = f.get().get(0);
                    } catch (ExecutionException e) {
                        r = new Study.Failure(key, "Spark gave up on the run: " + sparkMessage(e.getCause()));
                    }
                    results.accept(r);
                }
                if (done.isEmpty()) {
                    Thread.sleep(pollMillis);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("study interrupted", e);
        } finally {
            if (!pending.isEmpty()) {
                spark.cancelJobGroup("mcl-study");
            }
            spark.clearJobGroup();
        }
    }

    /** The first lines of Spark's message (its driver stack trace left out). */
    static String sparkMessage(Throwable e) {
        String m = String.valueOf(e);
        int cut = m.indexOf("\nDriver stacktrace");
        if (cut >= 0) {
            m = m.substring(0, cut);
        }
        String[] lines = m.split("\n");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(lines.length, 3); i++) {
            sb.append(i == 0 ? "" : " | ").append(lines[i].trim());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "Spark " + spark.version() + " (" + spark.master() + ", " + spark.defaultParallelism()
                + " task slots)";
    }

    /** One run on an executor: rebuilds the plan's task, trains and scores it, returns its result. */
    static final class RunTask implements Function<Integer, Study.Result> {
        private static final long serialVersionUID = 1L;
        private final StudyPlan plan;

        RunTask(StudyPlan plan) {
            this.plan = plan;
        }

        @Override
        public Study.Result call(Integer index) {
            Study.Task task = plan.tasks().get(index);
            Study.Result r = Study.attempt(task, plan.protocol(task));
            if (r instanceof Study.Run run) {
                return run.withoutCoverage();
            }
            Study.Failure f = (Study.Failure) r;
            return new Study.Failure(f.key(), f.error() + " [on Spark executor " + where() + "]");
        }

        private static String where() {
            try {
                SparkEnv env = SparkEnv.get();
                return env.executorId() + ", host " + env.blockManager().blockManagerId().host();
            } catch (RuntimeException e) {
                return "?";
            }
        }
    }
}
