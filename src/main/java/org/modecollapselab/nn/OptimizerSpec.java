package org.modecollapselab.nn;

import org.modecollapselab.util.Check;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * An optimiser and its hyperparameters.
 *
 * <p>Weight decay is a setting of the optimiser, as in PyTorch's {@code Adam(weight_decay=λ)}: before each update
 * λ·θ is added to the gradient of every parameter (biases included) — L2 regularisation {@code λ/2·‖θ‖²} coupled
 * to the update rule, not AdamW's decoupled decay. It is per network, because it belongs to how a network is
 * trained rather than to the game; the reported losses do not include it. λ = 0 (the default) skips it, so the
 * numbers are exactly those without it.
 *
 * @param kind         Adam, plain SGD or RMSProp
 * @param learningRate step size, &gt; 0
 * @param beta1        Adam's first-moment decay, in [0, 1) (ignored by SGD and RMSProp)
 * @param beta2        Adam's second-moment decay, RMSProp's decay ρ of its mean squared gradient, in [0, 1)
 *                     (ignored by SGD)
 * @param epsilon      Adam's and RMSProp's denominator offset, &gt; 0 (ignored by SGD)
 * @param weightDecay  λ, added as λ·θ to the gradient before the update, &gt;= 0
 */
public record OptimizerSpec(Kind kind, double learningRate, double beta1, double beta2, double epsilon,
                            double weightDecay) {
    public enum Kind { ADAM, SGD, RMSPROP }

    public OptimizerSpec {
        Check.notNull("kind", kind);
        Check.positive("learningRate", learningRate);
        Check.inHalfOpen("beta1", beta1, 0, 1);
        Check.inHalfOpen("beta2", beta2, 0, 1);
        Check.positive("epsilon", epsilon);
        Check.nonNegative("weightDecay", weightDecay);
    }

    /** Without weight decay. */
    public OptimizerSpec(Kind kind, double learningRate, double beta1, double beta2, double epsilon) {
        this(kind, learningRate, beta1, beta2, epsilon, 0);
    }

    /** Adam with β₁ = 0.5 and β₂ = 0.999, the usual GAN setting (Radford et al., DCGAN, 2015). */
    public static OptimizerSpec adam(double learningRate) {
        return new OptimizerSpec(Kind.ADAM, learningRate, 0.5, 0.999, 1e-8);
    }

    public static OptimizerSpec adam(double learningRate, double beta1, double beta2) {
        return new OptimizerSpec(Kind.ADAM, learningRate, beta1, beta2, 1e-8);
    }

    public static OptimizerSpec sgd(double learningRate) {
        return new OptimizerSpec(Kind.SGD, learningRate, 0.9, 0.999, 1e-8);
    }

    /**
     * RMSProp with decay ρ = 0.99 and ε = 10⁻⁸ (PyTorch's defaults, which the WGAN paper's code used with learning
     * rate 5·10⁻⁵): {@code s ← ρ·s + (1 − ρ)·g²; θ ← θ − lr·g/(√s + ε)} (ND4J's updater starts s at ε, PyTorch
     * at 0: a difference of 10⁻⁵ relative in the first steps).
     */
    public static OptimizerSpec rmsProp(double learningRate) {
        return rmsProp(learningRate, 0.99);
    }

    /** RMSProp with decay ρ (in [0, 1)) of its mean squared gradient. */
    public static OptimizerSpec rmsProp(double learningRate, double decay) {
        Check.inHalfOpen("decay", decay, 0, 1);
        return new OptimizerSpec(Kind.RMSPROP, learningRate, 0, decay, 1e-8);
    }

    public OptimizerSpec withLearningRate(double lr) {
        return new OptimizerSpec(kind, lr, beta1, beta2, epsilon, weightDecay);
    }

    /** The same optimiser with weight decay λ (see the class comment). */
    public OptimizerSpec withWeightDecay(double lambda) {
        return new OptimizerSpec(kind, learningRate, beta1, beta2, epsilon, lambda);
    }

    /** The ND4J updater configuration. */
    IUpdater toUpdater() {
        return switch (kind) {
            case ADAM -> new Adam(learningRate, beta1, beta2, epsilon);
            case SGD -> new Sgd(learningRate);
            case RMSPROP -> new RmsProp(learningRate, beta2, epsilon);
        };
    }

    @Override
    public String toString() {
        String s = switch (kind) {
            case ADAM -> "Adam(lr=" + learningRate + ", β1=" + beta1 + ", β2=" + beta2;
            case SGD -> "SGD(lr=" + learningRate;
            case RMSPROP -> "RMSProp(lr=" + learningRate + ", ρ=" + beta2;
        };
        return s + (weightDecay > 0 ? ", weight decay " + weightDecay : "") + ")";
    }
}
