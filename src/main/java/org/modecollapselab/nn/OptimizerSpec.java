package org.modecollapselab.nn;

import org.modecollapselab.util.Check;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * An optimiser and its hyperparameters.
 *
 * @param kind         Adam, plain SGD or RMSProp
 * @param learningRate step size, &gt; 0
 * @param beta1        Adam's first-moment decay, in [0, 1) (ignored by SGD and RMSProp)
 * @param beta2        Adam's second-moment decay, RMSProp's decay ρ of its mean square, in [0, 1) (ignored by SGD)
 * @param epsilon      Adam's and RMSProp's denominator offset, &gt; 0 (ignored by SGD)
 */
public record OptimizerSpec(Kind kind, double learningRate, double beta1, double beta2, double epsilon) {
    public enum Kind { ADAM, SGD, RMSPROP }

    public OptimizerSpec {
        Check.notNull("kind", kind);
        Check.positive("learningRate", learningRate);
        Check.inHalfOpen("beta1", beta1, 0, 1);
        Check.inHalfOpen("beta2", beta2, 0, 1);
        Check.positive("epsilon", epsilon);
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
     * RMSProp with decay ρ = 0.99 and ε = 10⁻⁸ (PyTorch's defaults), the optimiser of the Wasserstein GAN paper
     * (Arjovsky et al. 2017, learning rate 5·10⁻⁵), which found momentum-based optimisers unstable for its critic.
     */
    public static OptimizerSpec rmsProp(double learningRate) {
        return new OptimizerSpec(Kind.RMSPROP, learningRate, 0, 0.99, 1e-8);
    }

    public OptimizerSpec withLearningRate(double lr) {
        return new OptimizerSpec(kind, lr, beta1, beta2, epsilon);
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
        return switch (kind) {
            case ADAM -> "Adam(lr=" + learningRate + ", β1=" + beta1 + ", β2=" + beta2 + ")";
            case SGD -> "SGD(lr=" + learningRate + ")";
            case RMSPROP -> "RMSProp(lr=" + learningRate + ", ρ=" + beta2 + ")";
        };
    }
}
