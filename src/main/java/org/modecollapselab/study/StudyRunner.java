package org.modecollapselab.study;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.gan.Method;
import org.modecollapselab.gan.TrainingListener;
import org.modecollapselab.gan.TrainingOptions;
import org.modecollapselab.metric.CoverageReport;
import org.modecollapselab.step.StepStats;
import org.modecollapselab.step.TrainingDivergedException;
import org.modecollapselab.study.Study.Failure;
import org.modecollapselab.study.Study.Key;
import org.modecollapselab.study.Study.Outcome;
import org.modecollapselab.study.Study.Protocol;
import org.modecollapselab.study.Study.Result;
import org.modecollapselab.study.Study.Run;
import org.modecollapselab.study.Study.Task;
import org.modecollapselab.util.Check;

/**
 * How {@link Study} trains and scores one run (timed after a warm-up tenth of its steps) and executes a plan on an
 * engine (skipping what a resumed study has done, reporting each result as it comes). {@link Study}'s public
 * methods check their arguments and call these.
 */
final class StudyRunner {
    private StudyRunner() {
    }

    /** See {@link Study#run}. */
    static Run run(StudyCase c, Method method, int seed, Protocol protocol) {
        GanConfig config = c.config().withSeed(seed);
        int modes = c.scorer().modes();
        // Speed is timed after the first tenth of the steps, so that JIT compilation and the step's workspace
        // learning do not count against whichever run comes first.
        // Steps are counted over every GAN a method trains (AdaGAN's T, one per class), so that the speed of a method
        // that trains several is the run's steps over its whole time after warm-up.
        int warm = Math.max(1, c.steps() / 10);
        long[] warmAt = {0};
        int[] stepsSeen = {0};
        TrainingListener clock = new TrainingListener() {
            @Override
            public void onStep(Gan gan, StepStats stats) {
                if (++stepsSeen[0] == warm) {
                    warmAt[0] = System.nanoTime();
                }
            }
        };
        TrainingOptions options = TrainingOptions.forSteps(c.steps())
                .withSnapshotEvery(Math.max(1, c.steps() / protocol.snapshots()))
                .withSnapshotSize(protocol.snapshotSize()).withListener(clock);
        long t0 = System.nanoTime();
        Method.Trained trained;
        try {
            trained = method.train(c.data(), config, c.steps(), options);
        } catch (TrainingDivergedException e) {
            return new Run(c.name(), method.label(), method.neutral(), seed, c.steps(), 0, modes, Double.NaN,
                    Double.NaN, Double.NaN, true, 0, null);
        }
        long t1 = System.nanoTime();
        double sps = warmAt[0] != 0 && c.steps() > warm ? (c.steps() - warm) / ((t1 - warmAt[0]) / 1e9)
                : c.steps() / ((t1 - t0) / 1e9);
        CoverageReport cov = c.scorer().score(trained.sampler(), protocol.evaluationSamples(), Study.evaluationSeed(seed));
        int hops = Study.hops(trained.result(), c.scorer());
        return new Run(c.name(), method.label(), method.neutral(), seed, c.steps(), cov.modesCovered(), modes,
                100 * cov.highQualityFraction(), cov.kl(), sps, false, hops, cov);
    }

    /** See {@link Study#execute}. */
    static Outcome execute(StudyPlan plan, StudyEngine engine, Set<Key> skip, StudyProgress progress,
                           Consumer<Result> onResult) {
        List<Task> tasks = plan.tasks();
        List<Integer> todo = new ArrayList<>();
        Set<Key> seen = new HashSet<>();
        for (int i = 0; i < tasks.size(); i++) {
            Key k = tasks.get(i).key();
            if (!seen.add(k)) {
                throw new IllegalArgumentException("a study's runs must be distinct, but " + k + " appears twice "
                        + "(two methods with the same label?)");
            }
            if (!skip.contains(k)) {
                todo.add(i);
            }
        }
        Map<Key, Integer> pending = new HashMap<>();
        for (int i : todo) {
            pending.put(tasks.get(i).key(), i);
        }
        Result[] results = new Result[tasks.size()];
        int total = tasks.size();
        int before = total - todo.size();
        long t0 = System.nanoTime();
        int[] counts = new int[2];
        progress.started(new StudyProgress.Status(before, 0, total, before, 0));
        engine.execute(plan, todo, r -> {
            Check.notNull("result", r);
            Integer i = pending.remove(r.key());
            if (i == null) {
                throw new IllegalStateException("engine " + engine + " returned a result for " + r.key()
                        + ", which is not a pending run of this study");
            }
            results[i] = r;
            counts[r instanceof Failure ? 1 : 0]++;
            onResult.accept(r);
            progress.result(r, new StudyProgress.Status(before + counts[0] + counts[1], counts[1], total, before,
                    (System.nanoTime() - t0) / 1e9));
        });
        List<Run> runs = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (int i : todo) {
            if (results[i] == null) {
                throw new IllegalStateException("engine " + engine + " returned without a result for "
                        + tasks.get(i).key());
            }
            if (results[i] instanceof Run run) {
                runs.add(run);
            } else {
                failures.add((Failure) results[i]);
            }
        }
        progress.ended(new StudyProgress.Status(before + runs.size() + failures.size(), failures.size(), total, before,
                (System.nanoTime() - t0) / 1e9));
        return new Outcome(runs, failures);
    }
}
