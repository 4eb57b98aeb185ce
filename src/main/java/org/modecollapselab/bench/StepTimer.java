package org.modecollapselab.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.util.Check;

/**
 * The one timer of the training step, shared by {@code environment/bench} ({@link GanBenchmark}) and the study's
 * cost preset: untimed warm-up steps (JIT, the step's workspace), then timed steps; for several GANs, rounds in
 * which they alternate, and the median round of each. A benchmark tool, never a pass/fail test.
 */
public final class StepTimer {
    private StepTimer() {
    }

    /**
     * What a timing counts: wall-clock time (the default: what a user waits), or the CPU time of the thread that
     * runs the step — steadier on a machine that other jobs share, since waiting for a core does not count (with one
     * OpenMP thread ND4J runs the step's ops on the calling thread).
     */
    public enum Clock {
        WALL, THREAD_CPU;

        long now() {
            return this == WALL ? System.nanoTime()
                    : ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        }
    }

    /** Steps per second of {@code gan}'s step over {@code steps} steps after {@code warmup} untimed ones. */
    public static double stepsPerSecond(Gan gan, int warmup, int steps) {
        return stepsPerSecond(gan, warmup, steps, Clock.WALL);
    }

    /** The same, timed by {@code clock}. */
    public static double stepsPerSecond(Gan gan, int warmup, int steps, Clock clock) {
        Check.notNull("gan", gan);
        Check.notNull("clock", clock);
        Check.atLeast("warmup", warmup, 0);
        Check.atLeast("steps", steps, 1);
        for (int i = 0; i < warmup; i++) {
            gan.step();
        }
        long t0 = clock.now();
        for (int i = 0; i < steps; i++) {
            gan.step();
        }
        return steps / ((clock.now() - t0) / 1e9);
    }

    /**
     * Median steps/s of each GAN over {@code rounds} rounds; in each round every GAN is made fresh by its supplier
     * and timed in turn, so that the machine's drift affects them alike.
     */
    public static double[] medians(List<Supplier<Gan>> gans, int warmup, int steps, int rounds) {
        return medians(gans, warmup, steps, rounds, Clock.WALL);
    }

    /** The same, timed by {@code clock}. */
    public static double[] medians(List<Supplier<Gan>> gans, int warmup, int steps, int rounds, Clock clock) {
        Check.notEmpty("gans", gans);
        Check.noNulls("gans", gans);
        Check.atLeast("warmup", warmup, 0);
        Check.atLeast("steps", steps, 1);
        Check.atLeast("rounds", rounds, 1);
        double[][] sps = new double[gans.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < gans.size(); i++) {
                Gan gan = gans.get(i).get();
                if (gan == null) {
                    throw new IllegalStateException("gans[" + i + "] must make a GAN, made null");
                }
                sps[i][r] = stepsPerSecond(gan, warmup, steps, clock);
            }
        }
        double[] out = new double[gans.size()];
        for (int i = 0; i < out.length; i++) {
            double[] s = sps[i].clone();
            Arrays.sort(s);
            out[i] = s[s.length / 2];
        }
        return out;
    }
}
