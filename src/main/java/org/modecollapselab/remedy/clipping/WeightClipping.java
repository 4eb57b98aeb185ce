package org.modecollapselab.remedy.clipping;

import org.modecollapselab.gan.Catalogued;
import org.modecollapselab.step.Remedy;
import org.modecollapselab.step.Setup;
import org.modecollapselab.step.StepContext;
import org.modecollapselab.step.StepHook;
import org.modecollapselab.util.Check;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Weight clipping (Arjovsky, Chintala and Bottou, "Wasserstein GAN", 2017, Algorithm 1): after every update of D,
 * each of its parameters is clamped to [−c, c]. A network with bounded weights is K-Lipschitz for some K depending
 * only on c and the architecture, which is what the Wasserstein critic ({@code Objective.wasserstein()}) needs for
 * its value to estimate a distance. The paper calls it "a clearly terrible way to enforce a Lipschitz constraint":
 * too small a c and the critic cannot learn, too large and it takes long to reach the limit; the gradient penalty
 * ({@code remedy.gradientpenalty}) replaced it.
 *
 * <p>It is a remedy (a projection after each D update, {@link StepHook#afterDiscriminatorUpdate}) rather than part of
 * the objective, so that it combines with any objective and the objective stays a pure loss. Every parameter of D's
 * network is clipped, biases included (as the paper's code does); parameters of remedies' own input transforms
 * (minibatch kernels) are not. {@code c = +∞} ({@link #none()}) is the plain GAN exactly.
 *
 * @param clip c, &gt; 0; {@code Double.POSITIVE_INFINITY} for no clipping
 */
public record WeightClipping(double clip) implements Remedy {
    /** The paper's c. */
    public static final double PAPER_CLIP = 0.01;

    /** The catalog's name: {@code weight-clipping[:c]} (default c = 0.01). */
    public static final Catalogued CATALOG = Catalogued.number("weight-clipping", "c", PAPER_CLIP,
            WeightClipping::new);

    public WeightClipping {
        if (!(clip > 0)) {
            throw new IllegalArgumentException("clip must be > 0 (or +Infinity for no clipping), was " + clip);
        }
    }

    /** The paper's setting, c = 0.01. */
    public static WeightClipping paper() {
        return new WeightClipping(PAPER_CLIP);
    }

    /** No clipping: the plain GAN. */
    public static WeightClipping none() {
        return new WeightClipping(Double.POSITIVE_INFINITY);
    }

    /** "clip c=0.01", or "no clipping". */
    @Override
    public String label() {
        return neutral() ? "no clipping" : "clip c=" + clip;
    }

    @Override
    public boolean neutral() {
        return clip == Double.POSITIVE_INFINITY;
    }

    @Override
    public StepHook start(Setup setup) {
        return new StepHook() {
            @Override
            public void afterDiscriminatorUpdate(StepContext context) {
                clamp(context.discriminator().parameters(), clip);
            }
        };
    }

    /** Clamps every element of {@code parameters} to [−c, c], in place. */
    public static void clamp(INDArray parameters, double c) {
        Check.notNull("parameters", parameters);
        Check.positive("c", c);
        Transforms.max(Transforms.min(parameters, c, false), -c, false);
    }

    @Override
    public String toString() {
        return label();
    }
}
