package org.modecollapselab.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.gan.Method;
import org.modecollapselab.gan.StepStats;
import org.modecollapselab.gan.TrainingDivergedException;
import org.modecollapselab.gan.TrainingListener;
import org.modecollapselab.gan.TrainingOptions;
import org.modecollapselab.metric.CoverageReport;
import org.modecollapselab.metric.ModeCoverage;
import org.modecollapselab.metric.ModeTimeline;
import org.modecollapselab.util.Check;

/**
 * The one study engine: methods × data sets × seeds, each run trained from scratch and scored on fresh samples
 * (VEEGAN's and PacGAN's protocol: 2,500 samples), with its mode timeline for hops. The notebooks' seed studies
 * ({@link SeedStudy}), the study command ({@link StudyCommand}) and the PacGAN Table 1 preset all run through it;
 * {@link StudyReport} turns its runs into tables, Markdown and charts.
 */
public final class Study {
    /** A mode holding at least this share of a snapshot's samples counts as dominant (for hops). */
    public static final double DOMINANCE = 0.8;

    private Study() {
    }

    /**
     * How a run is scored.
     *
     * @param evaluationSamples fresh samples scored at the end of training, &gt;= 1
     * @param snapshots         snapshots over training for the mode timeline (hops), &gt;= 1
     * @param snapshotSize      samples per snapshot, &gt;= 1
     */
    public record Protocol(int evaluationSamples, int snapshots, int snapshotSize) {
        public Protocol {
            Check.atLeast("evaluationSamples", evaluationSamples, 1);
            Check.atLeast("snapshots", snapshots, 1);
            Check.atLeast("snapshotSize", snapshotSize, 1);
        }

        /** The study command's: 2,500 samples (VEEGAN, PacGAN), 40 snapshots of 200. */
        public static Protocol standard() {
            return new Protocol(2500, 40, 200);
        }
    }

    /**
     * One run's result. A diverged run has {@code diverged} set, NaN metrics, 0 modes and no coverage report.
     *
     * @param baseline whether the method is the plain GAN exactly ({@link Method#neutral()})
     * @param hops     switches of the dominant mode over the run's snapshots (see {@link ModeTimeline#hops})
     * @param coverage the final coverage report (null for a diverged run; not written to CSV)
     */
    public record Run(String dataset, String method, boolean baseline, int seed, int steps, int modesCaptured,
                      int modes, double highQualityPercent, double reverseKl, double stepsPerSecond, boolean diverged,
                      int hops, CoverageReport coverage) {
        public Run {
            Check.notNull("dataset", dataset);
            Check.notNull("method", method);
        }
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
        GanConfig config = c.config().withSeed(seed);
        int modes = c.data().modes().size();
        // Speed is timed after the first tenth of the steps, so that JIT compilation and the step's workspace
        // learning do not count against whichever run comes first.
        int warm = Math.max(1, c.steps() / 10);
        long[] warmAt = {0};
        TrainingListener clock = new TrainingListener() {
            @Override
            public void onStep(Gan gan, StepStats stats) {
                if (stats.step() == warm) {
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
        CoverageReport cov = ModeCoverage.evaluate(trained.sampler().sample(protocol.evaluationSamples(),
                evaluationSeed(seed)), c.data().modes(), c.thresholds());
        int hops = trained.result().timeline(c.data().modes(), c.thresholds()).hops(DOMINANCE);
        return new Run(c.name(), method.label(), method.neutral(), seed, c.steps(), cov.modesCovered(), modes,
                100 * cov.highQualityFraction(), cov.kl(), sps, false, hops, cov);
    }

    /** Every case × method × seed 1..seeds, one at a time, with the standard protocol (for notebooks). */
    public static List<Run> runs(List<StudyCase> cases, List<Method> methods, int seeds) {
        return runs(cases, methods, seeds, 1, Protocol.standard(), null);
    }

    /**
     * Every case × method × seed 1..seeds, on {@code threads} threads, in that order (results do not depend on the
     * threads; timings do: runs share the cores). Every method is checked against every case before any training.
     *
     * @param progress receives one line per finished run (may be null)
     */
    public static List<Run> runs(List<StudyCase> cases, List<Method> methods, int seeds, int threads,
                                 Protocol protocol, Consumer<String> progress) {
        Check.notEmpty("cases", cases);
        Check.notEmpty("methods", methods);
        Check.atLeast("seeds", seeds, 1);
        Check.atLeast("threads", threads, 1);
        Check.notNull("protocol", protocol);
        checkAll(cases, methods);
        List<Run> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Run>> futures = new ArrayList<>();
            for (StudyCase c : cases) {
                for (Method m : methods) {
                    for (int s = 1; s <= seeds; s++) {
                        int seed = s;
                        futures.add(pool.submit(() -> run(c, m, seed, protocol)));
                    }
                }
            }
            int done = 0;
            for (Future<Run> f : futures) {
                Run run = f.get();
                results.add(run);
                done++;
                if (progress != null) {
                    progress.accept(String.format(Locale.ROOT, "[%d/%d] %s, %s, seed %d: %s", done, futures.size(),
                            run.dataset(), run.method(), run.seed(), run.diverged() ? "diverged" : String.format(
                                    Locale.ROOT, "%d/%d modes, %.1f%% high quality, reverse KL %.3f, %d hops, "
                                            + "%.0f steps/s", run.modesCaptured(), run.modes(),
                                    run.highQualityPercent(), run.reverseKl(), run.hops(), run.stepsPerSecond())));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("study interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a study run failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return results;
    }
}
