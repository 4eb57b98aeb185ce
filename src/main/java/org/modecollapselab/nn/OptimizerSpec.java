package org.modecollapselab.nn;

import org.modecollapselab.util.Check;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * An optimiser and its hyperparameters.
 *
 * @param kind         Adam or plain SGD
 * @param learningRate step size, &gt; 0
 * @param beta1        Adam's first-moment decay, in [0, 1) (ignored by SGD)
 * @param beta2        Adam's second-moment decay, in [0, 1) (ignored by SGD)
 * @param epsilon      Adam's denominator offset, &gt; 0 (ignored by SGD)
 */
public record OptimizerSpec(Kind kind, double learningRate, double beta1, double beta2, double epsilon) {
    public enum Kind { ADAM, SGD }

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

    public OptimizerSpec withLearningRate(double lr) {
        return new OptimizerSpec(kind, lr, beta1, beta2, epsilon);
    }

    /** The ND4J updater configuration. */
    IUpdater toUpdater() {
        return kind == Kind.ADAM ? new Adam(learningRate, beta1, beta2, epsilon) : new Sgd(learningRate);
    }

    @Override
    public String toString() {
        return kind == Kind.ADAM ? "Adam(lr=" + learningRate + ", β1=" + beta1 + ", β2=" + beta2 + ")"
                : "SGD(lr=" + learningRate + ")";
    }
}
