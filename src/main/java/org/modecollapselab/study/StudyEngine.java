package org.modecollapselab.study;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.modecollapselab.util.Check;

/**
 * Where a study's runs execute: {@link #threads(int) a thread pool} in this JVM, or Apache Spark (the
 * {@code spark/} module's {@code SparkEngine}). An engine runs tasks and hands back their results; the study engine
 * ({@link Study#execute}) keeps the books, the progress line and the files.
 */
public interface StudyEngine {

    /**
     * Runs the tasks of {@code plan} with these indices (into {@link StudyPlan#tasks()}) and hands each result to
     * {@code results} as it comes, on the calling thread. A task that throws gives a {@link Study.Failure}, and the
     * others still run; returns when every task has its result.
     */
    void execute(StudyPlan plan, List<Integer> tasks, Consumer<Study.Result> results);

    /**
     * A pool of {@code threads} threads in this JVM, one run per thread at a time (ND4J's workspaces are per
     * thread; keep one OpenMP thread per op, {@code OMP_NUM_THREADS=1}, so that runs do not compete for cores).
     */
    static StudyEngine threads(int threads) {
        Check.atLeast("threads", threads, 1);
        return new Threads(threads);
    }

    /** The thread-pool engine. */
    final class Threads implements StudyEngine {
        private final int threads;

        private Threads(int threads) {
            this.threads = threads;
        }

        @Override
        public void execute(StudyPlan plan, List<Integer> tasks, Consumer<Study.Result> results) {
            Check.notNull("plan", plan);
            Check.noNulls("tasks", tasks);
            Check.notNull("results", results);
            List<Study.Task> all = plan.tasks();
            for (int i = 0; i < tasks.size(); i++) {
                Check.index("tasks[" + i + "]", tasks.get(i), all.size());
            }
            Check.distinct("tasks", tasks, "index", t -> t);
            if (tasks.isEmpty()) {
                return;
            }
            AtomicInteger n = new AtomicInteger();
            ThreadFactory names = r -> {
                Thread t = new Thread(r, "mcl-study-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()), names);
            try {
                CompletionService<Study.Result> done = new ExecutorCompletionService<>(pool);
                Map<Future<Study.Result>, Study.Key> keys = new HashMap<>();
                for (int i : tasks) {
                    Study.Task task = all.get(i);
                    keys.put(done.submit(() -> Study.attempt(task, plan.protocol(task))), task.key());
                }
                for (int k = 0; k < tasks.size(); k++) {
                    Future<Study.Result> f = done.take();
                    Study.Result r;
                    try {
                        r = f.get();
                    } catch (ExecutionException e) {
                        r = Study.Failure.of(keys.get(f), e.getCause());
                    }
                    results.accept(r);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("study interrupted", e);
            } finally {
                pool.shutdownNow();
            }
        }

        @Override
        public String toString() {
            return threads + (threads == 1 ? " thread" : " threads");
        }
    }
}
