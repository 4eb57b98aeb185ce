package org.modecollapselab.nn;

import org.modecollapselab.util.Check;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * Applies an ND4J updater to a network's (or any) flat gradient vector: one fused updater op plus one subtraction
 * per network and step.
 */
public final class Optimizer {
    private final INDArray params;
    private final INDArray grads;
    private final GradientUpdater<?> updater;
    private final double weightDecay;
    private int iteration;

    public Optimizer(OptimizerSpec spec, Network net) {
        this(spec, Check.notNull("net", net).parameters(), net.gradients());
    }

    /**
     * An optimiser for any flat parameter vector and its gradient accumulator (same length and data type), e.g. a
     * remedy's own trainable parameters.
     */
    public Optimizer(OptimizerSpec spec, INDArray params, INDArray grads) {
        Check.notNull("spec", spec);
        Check.notNull("params", params);
        Check.notNull("grads", grads);
        if (params.length() != grads.length()) {
            throw new IllegalArgumentException("grads must have as many elements as params (" + params.length()
                    + "), was " + grads.length());
        }
        this.params = params;
        this.grads = grads;
        long n = params.length();
        long stateSize = spec.toUpdater().stateSize(n);
        INDArray state = stateSize == 0 ? null : Nd4j.zeros(params.dataType(), 1, stateSize);
        this.updater = spec.toUpdater().instantiate(state, true);
        this.weightDecay = spec.weightDecay();
    }

    /**
     * Turns the accumulated gradient (plus λ·θ with weight decay λ) into an update, applies it, and clears the
     * gradient.
     */
    public void step() {
        INDArray g = grads;
        if (weightDecay > 0) {
            Nd4j.getBlasWrapper().level1().axpy(g.length(), weightDecay, params, g);
        }
        updater.applyUpdater(g, iteration, 0);
        params.subi(g);
        g.assign(0);
        iteration++;
    }

    public int iterations() {
        return iteration;
    }
}
