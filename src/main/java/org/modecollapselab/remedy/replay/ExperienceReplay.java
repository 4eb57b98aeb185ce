package org.modecollapselab.remedy.replay;

import java.util.SplittableRandom;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.gan.Catalogued;
import org.modecollapselab.step.Remedy;
import org.modecollapselab.step.Setup;
import org.modecollapselab.step.StepContext;
import org.modecollapselab.step.StepHook;
import org.modecollapselab.util.Check;
import org.modecollapselab.util.NdArrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Experience replay for GANs: the discriminator is shown, besides G's current samples, samples G drew in the past
 * (Shrivastava et al., "Learning from Simulated and Unsupervised Images through Adversarial Training", CVPR 2017,
 * section 2.3, a history of generated images; suggested for GANs by Pfau and Vinyals, "Connecting Generative
 * Adversarial Networks and Actor-Critic Methods", 2016). In the cat-and-mouse loop D forgets a mode once G has left
 * it, so G can come back; with old fakes in its batches D keeps calling the modes G visited before fake.
 *
 * <p>Every {@code pushEvery} steps G's batch (at the step's first D update) goes into a buffer of {@code capacity}
 * samples: in order until it is full, then each pushed sample overwrites a slot chosen at random (as SimGAN's buffer
 * does), so the buffer holds a mix of ages. At every D update, {@code fraction} of the generated batch (rounded to
 * whole rows) is replaced by samples drawn from the buffer with replacement. G's own update is unchanged.
 * {@code fraction = 0} is the plain GAN, exactly. Labelled data: the buffer keeps each sample's class, and a
 * replayed row carries its own class to D (conditional GANs).
 *
 * @param capacity  samples kept, &gt;= 1
 * @param pushEvery a batch is pushed every this many steps, &gt;= 1
 * @param fraction  share of D's generated batch drawn from the buffer, in [0, 1]
 */
public record ExperienceReplay(int capacity, int pushEvery, double fraction) implements Remedy {
    /** The catalog's name: {@code replay[:f]}, f of D's fakes from a buffer of 5,000 (default f = 0.5). */
    public static final Catalogued CATALOG = Catalogued.number("replay", "f", 0.5, ExperienceReplay::of);

    /** Tells this remedy's random stream apart from other remedies'. */
    private static final long SALT = 0x5245504CL;

    public ExperienceReplay {
        Check.atLeast("capacity", capacity, 1);
        Check.atLeast("pushEvery", pushEvery, 1);
        Check.inRange("fraction", fraction, 0, 1);
    }

    /** A buffer of 5,000 samples, a batch pushed every 10 steps, {@code fraction} of D's fakes replayed. */
    public static ExperienceReplay of(double fraction) {
        return new ExperienceReplay(5000, 10, fraction);
    }

    public ExperienceReplay withCapacity(int v) {
        return new ExperienceReplay(v, pushEvery, fraction);
    }

    public ExperienceReplay withPushEvery(int v) {
        return new ExperienceReplay(capacity, v, fraction);
    }

    public ExperienceReplay withFraction(double v) {
        return new ExperienceReplay(capacity, pushEvery, v);
    }

    @Override
    public String label() {
        return "replay f=" + fraction + (capacity == 5000 && pushEvery == 10 ? ""
                : " (" + capacity + " kept, every " + pushEvery + ")");
    }

    @Override
    public boolean neutral() {
        return fraction == 0;
    }

    /** Refuses a fraction that replaces no whole row of a batch. */
    @Override
    public void check(GanConfig config, int dataDimension, int classes) {
        if (fraction > 0 && replaced(config.batchSize()) == 0) {
            throw new IllegalArgumentException("fraction must replace at least one of the batch's "
                    + config.batchSize() + " rows (fraction >= " + 0.5 / config.batchSize() + "), was " + fraction);
        }
    }

    /** Rows of a batch of {@code rows} that come from the buffer. */
    int replaced(int rows) {
        return (int) Math.round(fraction * rows);
    }

    @Override
    public StepHook start(Setup setup) {
        return new Buffer(this, setup.dataDimension(), setup.random(SALT));
    }

    /**
     * The buffer: old samples in Java arrays (standardised units), so that nothing it keeps lives in the step's
     * ND4J workspace.
     */
    public static final class Buffer implements StepHook {
        private final ExperienceReplay settings;
        private final int dim;
        private final double[] samples;
        private final int[] labels;
        private final SplittableRandom rng;
        private int size;
        private long pushed;

        Buffer(ExperienceReplay settings, int dim, SplittableRandom rng) {
            this.settings = settings;
            this.dim = dim;
            this.samples = new double[settings.capacity * dim];
            this.labels = new int[settings.capacity];
            this.rng = rng;
        }

        /** Samples held now (at most the capacity). */
        public int size() {
            return size;
        }

        /** Samples pushed so far (including those overwritten). */
        public long pushed() {
            return pushed;
        }

        /** The samples held, [size][dimension], standardised units (the GAN's training units). */
        public double[][] contents() {
            double[][] out = new double[size][dim];
            for (int i = 0; i < size; i++) {
                System.arraycopy(samples, i * dim, out[i], 0, dim);
            }
            return out;
        }

        @Override
        public INDArray discriminatorFakes(StepContext context, int update, INDArray latent, INDArray fake,
                                           int[] rowLabels) {
            int rows = (int) fake.rows();
            double[] fresh = null;
            if (update == 0 && (context.step() - 1) % settings.pushEvery == 0) {
                fresh = NdArrays.values(fake);
                push(fresh, rowLabels, rows);
            }
            int r = settings.replaced(rows);
            if (r == 0 || size == 0) {
                return fake;
            }
            double[] out = fresh != null ? fresh.clone() : NdArrays.values(fake);
            for (int i = 0; i < r; i++) {
                int k = rng.nextInt(size);
                System.arraycopy(samples, k * dim, out, i * dim, dim);
                if (rowLabels != null) {
                    rowLabels[i] = labels[k];
                }
            }
            return NdArrays.of(out, rows, dim, fake.dataType());
        }

        private void push(double[] fresh, int[] rowLabels, int rows) {
            int n = Math.min(rows, settings.capacity);
            for (int i = 0; i < n; i++) {
                int slot = size < settings.capacity ? size++ : rng.nextInt(settings.capacity);
                System.arraycopy(fresh, i * dim, samples, slot * dim, dim);
                labels[slot] = rowLabels == null ? -1 : rowLabels[i];
                pushed++;
            }
        }
    }
}
