package org.modecollapselab.remedy.modeseeking;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.gan.Catalogued;
import org.modecollapselab.nn.Network;
import org.modecollapselab.step.GeneratorPhase;
import org.modecollapselab.step.Remedy;
import org.modecollapselab.step.Setup;
import org.modecollapselab.step.StepHook;
import org.modecollapselab.util.Check;
import org.modecollapselab.util.NdArrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The mode-seeking diversity term (Mao, Lee, Tseng, Ma and Yang, "Mode Seeking Generative Adversarial Networks
 * for Diverse Image Synthesis", CVPR 2019). A collapsed generator maps different latents to nearly the same
 * sample; MSGAN rewards G for the opposite: it maximises the ratio of the distance between two samples to the
 * distance between the latents that produced them, {@code d(G(z₁), G(z₂)) / d(z₁, z₂)}.
 *
 * <p>As in the paper's code, the ratio is {@code r = mean|G(z₁) − G(z₂)| / mean|z₁ − z₂|} over a batch of pairs
 * and G's loss gains {@code λ / (r + 10⁻⁵)}. z₁ is G's batch of the step; the hook draws z₂ from its own random
 * stream (same distribution, same codes of other remedies), runs G on it and adds both halves of the term's
 * gradient to G's gradients (hand-written; checked against finite differences). λ = 0 is the plain GAN exactly.
 * Departure: the second batch serves only the diversity term (the paper's code also shows it to D).
 *
 * @param lambda weight of the term, &gt;= 0
 */
public record ModeSeeking(double lambda) implements Remedy {
    /** The catalog's name: {@code msgan[:λ]} (default λ = 1). */
    public static final Catalogued CATALOG = Catalogued.number("msgan", "λ", 1.0, ModeSeeking::new);

    /** The paper code's offset in 1/(r + ε). */
    public static final double EPSILON = 1e-5;
    private static final long SALT = 0x35EEC1L;

    public ModeSeeking {
        Check.nonNegative("lambda", lambda);
    }

    @Override
    public String label() {
        return String.format(Locale.ROOT, "MSGAN λ=%s", lambda == Math.rint(lambda) ? String.valueOf((long) lambda)
                : String.valueOf(lambda));
    }

    @Override
    public boolean neutral() {
        return lambda == 0;
    }

    @Override
    public StepHook start(Setup setup) {
        SplittableRandom rng = setup.random(SALT);
        int noise = setup.config().latentDim();
        boolean gaussian = setup.config().latent() == GanConfig.Latent.GAUSSIAN;
        return new StepHook() {
            @Override
            public double generatorTerms(GeneratorPhase phase) {
                INDArray z1 = phase.latent();
                int rows = (int) z1.rows();
                int width = (int) z1.columns();
                double[] z = NdArrays.values(z1);
                double[] fresh = new double[rows * noise];
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < noise; j++) {
                        double v = gaussian ? rng.nextGaussian() : 2 * rng.nextDouble() - 1;
                        fresh[i * noise + j] = v;
                        z[i * width + j] = v;   // the noise changes; the codes of other remedies stay
                    }
                }
                Network g = phase.generator();
                Network.Pass second = g.forward(NdArrays.of(z, rows, width, z1.dataType()));
                double[] noise1 = new double[rows * noise];
                double[] all1 = NdArrays.values(z1);
                for (int i = 0; i < rows; i++) {
                    System.arraycopy(all1, i * width, noise1, i * noise, noise);
                }
                Term t = term(phase.fake(), second.output(), noise1, fresh);
                phase.fakeGradient().addi(t.gradientFirst().muli(lambda));
                g.backward(second, t.gradientSecond().muli(lambda), true, false);
                return lambda * t.loss();
            }
        };
    }

    /**
     * The term {@code 1/(r + ε)} and its gradients.
     *
     * @param loss           1/(r + ε)
     * @param ratio          r
     * @param gradientFirst  ∂loss/∂(first batch of samples)
     * @param gradientSecond ∂loss/∂(second batch)
     */
    public record Term(double loss, double ratio, INDArray gradientFirst, INDArray gradientSecond) {
        public Term {
            Check.notNull("gradientFirst", gradientFirst);
            Check.notNull("gradientSecond", gradientSecond);
        }
    }

    /**
     * The mode-seeking term for two batches of samples (rows paired) and the latents that produced them:
     * {@code r = mean|first − second| / mean|z₁ − z₂|}, loss {@code 1/(r + ε)}.
     */
    public static Term term(INDArray first, INDArray second, double[] z1, double[] z2) {
        Check.notNull("first", first);
        Check.notNull("second", second);
        Check.finite("z1", z1);
        Check.finite("z2", z2);
        if (!Arrays.equals(first.shape(), second.shape())) {
            throw new IllegalArgumentException("second must have the shape of first " + Arrays.toString(
                    first.shape()) + ", was " + Arrays.toString(second.shape()));
        }
        if (z1.length != z2.length || z1.length == 0) {
            throw new IllegalArgumentException("z2 must have as many values as z1 (" + z1.length + ", >= 1), was "
                    + z2.length);
        }
        double dz = 0;
        for (int i = 0; i < z1.length; i++) {
            dz += Math.abs(z1[i] - z2[i]);
        }
        dz /= z1.length;
        if (!(dz > 0)) {
            throw new IllegalArgumentException("z1 and z2 must differ, mean |z1 − z2| was " + dz);
        }
        INDArray diff = first.sub(second);
        long n = diff.length();
        double dI = Transforms.abs(diff, true).sumNumber().doubleValue() / n;
        double r = dI / dz;
        double loss = 1 / (r + EPSILON);
        // ∂loss/∂first = −(r + ε)⁻² · (1/dz) · sign(first − second)/n; the second batch gets the opposite.
        double scale = -1 / ((r + EPSILON) * (r + EPSILON) * dz * n);
        INDArray g1 = Transforms.sign(diff, false).muli(scale);
        return new Term(loss, r, g1, g1.neg());
    }
}
