package org.modecollapselab.step;

import java.util.Locale;
import org.modecollapselab.util.Check;

/**
 * When a run that goes nowhere is stopped. A NaN or infinite loss always stops training
 * ({@link TrainingDivergedException}); this guard also watches what G draws, because samples can run away while
 * the losses stay finite: with learning rates of 10⁴ the temperature GAN drew samples of ~10⁹ °C and reported finite
 * losses. Parameters that leave a sane range show up here too (as runaway samples) or as non-finite losses.
 *
 * <p>The check reuses the batch G generates in the step (one reduction on it, no extra pass) every
 * {@code checkEvery} steps, so it costs nothing measurable (README, "Reliability"), and it changes no number:
 * same seed, same numbers.
 *
 * @param sampleLimit how far from the data's mean a generated sample may lie, in data standard deviations (per
 *                    coordinate), &gt; 0; 1,000 by default — real data lie within a few
 * @param checkEvery  the step's generated batch is checked every this many steps, &gt;= 1
 * @param action      what happens beyond the limit: {@code STOP} throws {@link TrainingDivergedException} with the
 *                    step and the last sane step's losses; {@code WARN} prints one warning (standard error) and
 *                    trains on; {@code OFF} does not check
 */
public record DivergenceGuard(double sampleLimit, int checkEvery, Action action) {

    /** What the guard does when samples run away. */
    public enum Action { STOP, WARN, OFF }

    /** The default limit: 1,000 data standard deviations. */
    public static final double DEFAULT_SAMPLE_LIMIT = 1000;

    /** The default interval between checks (steps). */
    public static final int DEFAULT_CHECK_EVERY = 10;

    public DivergenceGuard {
        Check.positive("sampleLimit", sampleLimit);
        Check.atLeast("checkEvery", checkEvery, 1);
        Check.notNull("action", action);
    }

    /** Stop beyond 1,000 data standard deviations, checked every 10 steps: every GAN's default. */
    public static DivergenceGuard standard() {
        return new DivergenceGuard(DEFAULT_SAMPLE_LIMIT, DEFAULT_CHECK_EVERY, Action.STOP);
    }

    /** The default limit, but only a warning: to watch a diverging run go on (in a notebook). */
    public static DivergenceGuard warn() {
        return standard().withAction(Action.WARN);
    }

    /** No check of the samples (NaN or infinite losses still stop training). */
    public static DivergenceGuard off() {
        return standard().withAction(Action.OFF);
    }

    public DivergenceGuard withSampleLimit(double v) {
        return new DivergenceGuard(v, checkEvery, action);
    }

    public DivergenceGuard withCheckEvery(int v) {
        return new DivergenceGuard(sampleLimit, v, action);
    }

    public DivergenceGuard withAction(Action v) {
        return new DivergenceGuard(sampleLimit, checkEvery, v);
    }

    /** Whether step {@code step} is checked. */
    boolean checks(int step) {
        return action != Action.OFF && step % checkEvery == 0;
    }

    /** A step's guard and what it has seen: the last sane step checked, and whether it has warned. */
    static final class Watch {
        private DivergenceGuard guard = standard();
        private StepStats lastChecked;
        private boolean warned;

        DivergenceGuard guard() {
            return guard;
        }

        void use(DivergenceGuard g) {
            guard = g;
        }

        /** Acts on the check of step {@code stats.step()}: G's samples lay {@code farthest} data sds from the mean. */
        void check(StepStats stats, double farthest) {
            if (farthest <= guard.sampleLimit()) {
                lastChecked = stats;
                return;
            }
            String reason = String.format(Locale.ROOT, "generated samples reached %.3g data standard deviations "
                    + "from the data's mean (limit %.4g, checked %s: DivergenceGuard)", farthest, guard.sampleLimit(),
                    guard.checkEvery() == 1 ? "every step" : "every " + guard.checkEvery() + " steps");
            if (guard.action() == Action.STOP) {
                throw new TrainingDivergedException(stats, lastChecked, reason);
            }
            if (!warned) {
                warned = true;
                System.err.println("Warning: step " + stats.step() + ": " + reason + "; training goes on "
                        + "(DivergenceGuard.Action.WARN).");
            }
        }
    }
}
