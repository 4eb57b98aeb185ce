package org.modecollapselab.remedy.noise;

import java.util.SplittableRandom;
import org.modecollapselab.gan.Catalogued;
import org.modecollapselab.step.InputTransform;
import org.modecollapselab.step.Remedy;
import org.modecollapselab.step.Setup;
import org.modecollapselab.step.StepContext;
import org.modecollapselab.step.StepHook;
import org.modecollapselab.util.Check;
import org.modecollapselab.util.NdArrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Instance noise (Sønderby, Caballero, Theis, Shi and Huszár, "Amortised MAP Inference for Image
 * Super-resolution", ICLR 2017, section 3.1, first posted 2016; also Arjovsky and Bottou 2017). Gaussian noise is
 * added to every sample D sees, real and generated: the two distributions are blurred until they overlap, so D
 * cannot separate them perfectly and its gradient stays informative; the noise is annealed to zero so that the
 * GAN ends up fitting the data itself.
 *
 * <p>D sees {@code x + σ_t·ε}, ε ~ N(0, I) drawn from this remedy's own random stream, with σ_t from a
 * {@link NoiseSchedule} (linear annealing, as in the paper); G's gradient passes through the addition unchanged.
 * σ = 0 is the plain GAN exactly (no draws). σ is in standardised units.
 *
 * @param schedule σ over training
 */
public record InstanceNoise(NoiseSchedule schedule) implements Remedy {
    /** The catalog's name: {@code instance-noise[:σ]}, annealed to 0 over 1,000 steps (default σ = 0.5). */
    public static final Catalogued CATALOG = Catalogued.number("instance-noise", "σ", 0.5,
            sigma -> annealed(sigma, NoiseSchedule.CATALOG_ANNEAL_STEPS));

    /** Tells this remedy's random stream apart from other remedies'. */
    private static final long SALT = 0x1A57A9CEL;

    public InstanceNoise {
        Check.notNull("schedule", schedule);
    }

    /** Noise σ at the first step, falling linearly to 0 over {@code annealSteps} (0: constant). */
    public static InstanceNoise annealed(double sigma, int annealSteps) {
        return new InstanceNoise(new NoiseSchedule(sigma, annealSteps));
    }

    @Override
    public String label() {
        return "instance noise σ=" + NoiseSchedule.trim(schedule.sigma());
    }

    @Override
    public String toString() {
        return "instance noise " + schedule.describe();
    }

    @Override
    public boolean neutral() {
        return schedule.sigma() == 0;
    }

    @Override
    public StepHook start(Setup setup) {
        return new Noisy(schedule, setup.random(SALT), false);
    }

    /**
     * The state of a noise remedy that changes what D sees: the current σ (set at the start of each step) and the
     * random stream. With {@code generatedOnly} only G's samples get noise (noise on G's output).
     */
    static final class Noisy implements StepHook, InputTransform {
        private final NoiseSchedule schedule;
        private final SplittableRandom rng;
        private final boolean generatedOnly;
        private double sigma;

        Noisy(NoiseSchedule schedule, SplittableRandom rng, boolean generatedOnly) {
            this.schedule = schedule;
            this.rng = rng;
            this.generatedOnly = generatedOnly;
            this.sigma = schedule.at(1);
        }

        @Override
        public void beforeStep(StepContext context) {
            sigma = schedule.at(context.step());
        }

        @Override
        public InputTransform discriminatorInput() {
            return this;
        }

        @Override
        public Applied apply(INDArray x, int[] labels) {
            return apply(x, labels, true);
        }

        @Override
        public Applied apply(INDArray x, int[] labels, boolean generated) {
            if (sigma == 0 || (generatedOnly && !generated)) {
                return Applied.of(x, g -> g);
            }
            return Applied.of(noisy(x, sigma, rng), g -> g);
        }
    }

    /** x + σ·ε with ε ~ N(0, I) drawn from {@code rng}, as a new array. */
    static INDArray noisy(INDArray x, double sigma, SplittableRandom rng) {
        long rows = x.rows();
        long cols = x.columns();
        double[] e = new double[(int) (rows * cols)];
        for (int i = 0; i < e.length; i++) {
            e[i] = sigma * rng.nextGaussian();
        }
        return x.add(NdArrays.of(e, rows, cols, x.dataType()));
    }
}
