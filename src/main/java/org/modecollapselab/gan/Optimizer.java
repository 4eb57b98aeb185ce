package org.modecollapselab.gan;

import org.modecollapselab.nn.Mlp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * Applies an ND4J updater to a network's flat gradient vector: one fused updater op plus one subtraction
 * per network and step.
 */
public final class Optimizer {
    private final Mlp net;
    private final GradientUpdater<?> updater;
    private int iteration;

    public Optimizer(OptimizerSpec spec, Mlp net) {
        this.net = net;
        long n = net.parameters().length();
        long stateSize = spec.toUpdater().stateSize(n);
        INDArray state = stateSize == 0 ? null : Nd4j.zeros(net.dataType(), 1, stateSize);
        this.updater = spec.toUpdater().instantiate(state, true);
    }

    /** Turns the accumulated gradient into an update, applies it, and clears the gradient. */
    public void step() {
        INDArray g = net.gradients();
        updater.applyUpdater(g, iteration, 0);
        net.parameters().subi(g);
        g.assign(0);
        iteration++;
    }

    public int iterations() {
        return iteration;
    }
}
