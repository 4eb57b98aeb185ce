package org.modecollapselab.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trainable network as the one training step sees it: a forward pass kept for a backward pass, gradients with
 * respect to the parameters (accumulated into one flat vector) and to the input, and all parameters as one flat
 * vector, so that one optimiser op updates a network and one copy snapshots it. {@link Mlp} implements it; a
 * convolutional network implements it the same way and the step, the optimisers and the remedies do not change.
 *
 * <p>Rows are samples: inputs are [rows, {@link #inputs()}] and outputs [rows, {@link #outputs()}]. Networks
 * that need second-order products (exact unrolling, an exact gradient penalty) also implement
 * {@link SecondOrder}.
 */
public interface Network {

    /** What a forward pass keeps for its backward pass. */
    interface Pass {
        /** The input the pass was run on. */
        INDArray input();

        /** The network's output, [rows, outputs]. */
        INDArray output();

        /**
         * The last hidden layer's output (feature matching's f(x)), [rows, featureWidth].
         *
         * @throws IllegalStateException when the network has no hidden layer
         */
        INDArray features();
    }

    /** Input width (columns of an input row). */
    int inputs();

    /** Output width. */
    int outputs();

    DataType dataType();

    /** Number of parameters: the length of {@link #parameters()}. */
    long parameterCount();

    /** All parameters as one flat vector (live: writing to it changes the network). */
    INDArray parameters();

    /** The gradient accumulator, laid out like {@link #parameters()} (live). */
    INDArray gradients();

    default void zeroGradients() {
        gradients().assign(0);
    }

    /**
     * A training pass; keep the result for {@link #backward}. Networks with dropout draw their masks here (and keep
     * them in the pass).
     */
    Pass forward(INDArray x);

    /**
     * The output for {@code x} as at inference (no dropout), without keeping anything for a backward pass; for
     * networks without dropout the same as {@code forward(x).output()}.
     */
    default INDArray output(INDArray x) {
        return forward(x).output();
    }

    /**
     * Backward pass from ∂loss/∂output.
     *
     * @param accumulateParams  whether to add ∂loss/∂θ to {@link #gradients()}
     * @param needInputGradient whether to compute and return ∂loss/∂x
     * @return ∂loss/∂x, or {@code null} when not asked for
     */
    INDArray backward(Pass pass, INDArray gradOutput, boolean accumulateParams, boolean needInputGradient);

    /** Backward pass from ∂loss/∂{@link Pass#features()} (losses on the last hidden layer). */
    INDArray backwardFromFeatures(Pass pass, INDArray gradFeatures, boolean accumulateParams,
                                  boolean needInputGradient);

    /** An independent copy (parameters only; gradients start at zero). */
    Network copy();

    /** Overwrites this network's parameters with {@code other}'s (same shape). */
    void copyFrom(Network other);

    /** A one-line description of the layers, e.g. "MLP 1 → [64, 64] → 1, LEAKY_RELU". */
    String describe();
}
