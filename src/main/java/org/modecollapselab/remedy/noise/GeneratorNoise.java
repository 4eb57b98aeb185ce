package org.modecollapselab.remedy.noise;

import java.util.random.RandomGenerator;
import org.modecollapselab.gan.Catalogued;
import org.modecollapselab.step.LatentCodes;
import org.modecollapselab.step.Remedy;
import org.modecollapselab.step.Setup;
import org.modecollapselab.step.StepContext;
import org.modecollapselab.step.StepHook;
import org.modecollapselab.util.Check;

/**
 * Noise on the generator's input or output, a knob our sources list ("adding noise to the input or output of the
 * generator"; practitioners' lists cite Zhao et al.'s EBGAN, 2017, which injects noise into G's layers).
 *
 * <ul>
 *   <li>{@link Placement#OUTPUT}: D sees G's samples as {@code G(z) + σ_t·ε}; real samples are untouched (unlike
 *       {@link InstanceNoise}, which blurs both). G's gradient passes through the addition. Samples drawn from
 *       the trained GAN have no noise.</li>
 *   <li>{@link Placement#INPUT}: {@code columns} extra inputs of G carry {@code σ_t·ε}, drawn with the noise z;
 *       G can use them as a second source of variety or learn to ignore them. When the GAN is sampled they carry
 *       the noise of the current step's σ (0 once annealed).</li>
 * </ul>
 * σ_t follows a {@link NoiseSchedule}; σ = 0 is the plain GAN exactly (for the input, no extra columns at all).
 *
 * @param placement where the noise goes
 * @param schedule  σ over training (standardised units)
 * @param columns   extra inputs of G ({@link Placement#INPUT}: &gt;= 1; {@link Placement#OUTPUT}: 0)
 */
public record GeneratorNoise(Placement placement, NoiseSchedule schedule, int columns) implements Remedy {
    /**
     * The catalog's names: {@code g-input-noise[:σ]} (2 extra noise inputs of G, default σ = 1) and
     * {@code g-output-noise[:σ]} (default σ = 0.5), both annealed to 0 over 1,000 steps.
     */
    public static final Catalogued CATALOG_INPUT = Catalogued.number("g-input-noise", "σ", 1.0,
            sigma -> input(sigma, NoiseSchedule.CATALOG_ANNEAL_STEPS, 2));
    public static final Catalogued CATALOG_OUTPUT = Catalogued.number("g-output-noise", "σ", 0.5,
            sigma -> output(sigma, NoiseSchedule.CATALOG_ANNEAL_STEPS));

    /** Where the noise is added. */
    public enum Placement { INPUT, OUTPUT }

    private static final long SALT = 0x6E0153L;

    public GeneratorNoise {
        Check.notNull("placement", placement);
        Check.notNull("schedule", schedule);
        if (placement == Placement.INPUT) {
            Check.atLeast("columns", columns, 1);
        } else if (columns != 0) {
            throw new IllegalArgumentException("columns must be 0 for noise on G's output, was " + columns);
        }
    }

    /** Noise on G's output (what D sees of G's samples). */
    public static GeneratorNoise output(double sigma, int annealSteps) {
        return new GeneratorNoise(Placement.OUTPUT, new NoiseSchedule(sigma, annealSteps), 0);
    }

    /** {@code columns} extra noise inputs of G. */
    public static GeneratorNoise input(double sigma, int annealSteps, int columns) {
        return new GeneratorNoise(Placement.INPUT, new NoiseSchedule(sigma, annealSteps), columns);
    }

    @Override
    public String label() {
        return "G " + (placement == Placement.INPUT ? "input" : "output") + " noise σ="
                + NoiseSchedule.trim(schedule.sigma());
    }

    @Override
    public String toString() {
        return "noise on G's " + (placement == Placement.INPUT ? "input (" + columns + " columns)" : "output")
                + ", " + schedule.describe();
    }

    @Override
    public boolean neutral() {
        return schedule.sigma() == 0;
    }

    @Override
    public int generatorInputExtra() {
        return placement == Placement.INPUT && !neutral() ? columns : 0;
    }

    @Override
    public StepHook start(Setup setup) {
        if (placement == Placement.OUTPUT) {
            return new InstanceNoise.Noisy(schedule, setup.random(SALT), true);
        }
        return new StepHook() {
            private double sigma = schedule.at(1);

            @Override
            public void beforeStep(StepContext context) {
                sigma = schedule.at(context.step());
            }

            @Override
            public LatentCodes latentCodes(int rows, RandomGenerator rng, int[] labels) {
                double[] v = new double[rows * columns];
                for (int i = 0; i < v.length; i++) {
                    v[i] = sigma * rng.nextGaussian();
                }
                return new LatentCodes(v, columns, null);
            }
        };
    }
}
