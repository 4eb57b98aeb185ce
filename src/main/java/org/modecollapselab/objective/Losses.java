package org.modecollapselab.objective;

import org.modecollapselab.util.Check;

/**
 * The GAN losses on discriminator logits ({@link GanObjective} uses them), with their gradients, in double precision. The discriminator's output
 * is a logit {@code l} and {@code D = σ(l)}; all formulas use the numerically stable softplus.
 */
public final class Losses {
    private Losses() {
    }

    /** {@code log(1 + e^x)} without overflow. */
    public static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    public static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    /**
     * Binary cross-entropy of the discriminator, averaged over each half: {@code mean(−log D(x_real)) +
     * mean(−log(1 − D(x_fake)))}, written {@code softplus(l) − t·l} with target {@code t}.
     *
     * @param realLogits logits on real samples
     * @param fakeLogits logits on generated samples
     * @param realTarget target for real samples (1; less than 1 for one-sided label smoothing)
     * @param gradReal   receives ∂loss/∂realLogits
     * @param gradFake   receives ∂loss/∂fakeLogits
     * @return the loss
     */
    public static double discriminator(double[] realLogits, double[] fakeLogits, double realTarget,
                                       double[] gradReal, double[] gradFake) {
        outputs("realLogits", realLogits, "gradReal", gradReal);
        outputs("fakeLogits", fakeLogits, "gradFake", gradFake);
        if (!(realTarget > 0 && realTarget <= 1)) {
            throw new IllegalArgumentException("realTarget must be in (0, 1], was " + realTarget);
        }
        double loss = 0;
        int nr = realLogits.length;
        for (int i = 0; i < nr; i++) {
            double l = realLogits[i];
            loss += (softplus(l) - realTarget * l) / nr;
            gradReal[i] = (sigmoid(l) - realTarget) / nr;
        }
        int nf = fakeLogits.length;
        for (int i = 0; i < nf; i++) {
            double l = fakeLogits[i];
            loss += softplus(l) / nf;
            gradFake[i] = sigmoid(l) / nf;
        }
        return loss;
    }

    /**
     * The generator's loss on the discriminator's logits for generated samples.
     *
     * @param kind     minimax or non-saturating
     * @param logits   discriminator logits on generated samples
     * @param gradient receives ∂loss/∂logits
     * @return the loss
     */
    public static double generator(GeneratorLoss kind, double[] logits, double[] gradient) {
        Check.notNull("kind", kind);
        outputs("logits", logits, "gradient", gradient);
        double loss = 0;
        int n = logits.length;
        for (int i = 0; i < n; i++) {
            double l = logits[i];
            if (kind == GeneratorLoss.NON_SATURATING) {
                loss += softplus(-l) / n;              // −log σ(l)
                gradient[i] = (sigmoid(l) - 1) / n;
            } else {
                loss -= softplus(l) / n;               // log(1 − σ(l))
                gradient[i] = -sigmoid(l) / n;
            }
        }
        return loss;
    }

    /**
     * Checks a loss's arguments: outputs (any values: a NaN output gives a NaN loss, which is how the training step
     * detects divergence) and an array of the same length that receives the gradient.
     */
    static void outputs(String name, double[] outputs, String gradientName, double[] gradient) {
        Check.notEmpty(name, outputs);
        Check.notNull(gradientName, gradient);
        if (gradient.length != outputs.length) {
            throw new IllegalArgumentException(gradientName + " must have one entry per value of " + name + " ("
                    + outputs.length + "), was " + gradient.length);
        }
    }

    /** Mean of {@code σ(l)}: the discriminator's average probability that the samples are real. */
    public static double meanProbability(double[] logits) {
        Check.notEmpty("logits", logits);
        double s = 0;
        for (double l : logits) {
            s += sigmoid(l);
        }
        return s / logits.length;
    }
}
