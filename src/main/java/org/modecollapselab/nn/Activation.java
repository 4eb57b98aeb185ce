package org.modecollapselab.nn;

import org.modecollapselab.util.Check;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUDerivative;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Element-wise activations with their backward pass written as ND4J ops. */
public enum Activation {
    IDENTITY,
    RELU,
    /** Leaky ReLU with slope {@link #LEAKY_SLOPE} for negative inputs (as in most GAN code). */
    LEAKY_RELU,
    TANH,
    SIGMOID;

    public static final double LEAKY_SLOPE = 0.2;

    /** Applies the activation to {@code pre} (which it may overwrite) and returns the result. */
    public INDArray forwardInPlace(INDArray pre) {
        Check.notNull("pre", pre);
        return switch (this) {
            case IDENTITY -> pre;
            case RELU -> Transforms.relu(pre, false);
            case LEAKY_RELU -> Transforms.leakyRelu(pre, LEAKY_SLOPE, false);
            case TANH -> Transforms.tanh(pre, false);
            case SIGMOID -> Transforms.sigmoid(pre, false);
        };
    }

    /**
     * The derivative of the activation at each element, given its output {@code out} (for ReLU-family
     * activations the sign of the output equals the sign of the input).
     */
    public INDArray derivativeFromOutput(INDArray out) {
        Check.notNull("out", out);
        return switch (this) {
            case IDENTITY -> out.ulike().assign(1);
            case RELU -> out.gt(0).castTo(out.dataType());
            case LEAKY_RELU -> out.gt(0).castTo(out.dataType()).muli(1 - LEAKY_SLOPE).addi(LEAKY_SLOPE);
            case TANH -> out.mul(out).rsubi(1);
            case SIGMOID -> out.rsub(1).muli(out);
        };
    }

    /** {@code gradOut ⊙ f'(pre)}, computed from the activation's output; returns a new array. */
    public INDArray backward(INDArray out, INDArray gradOut) {
        Check.notNull("out", out);
        Check.sameShape("gradOut", gradOut, out);
        return switch (this) {
            case IDENTITY -> gradOut.dup();
            // Two ops (derivative, multiply): measured 25 µs on 512×64 against 92 µs for compare/cast/scale/shift/
            // multiply and 118 µs for the fused lrelu_bp op. The derivative op branches on its input's sign; a leaky
            // ReLU's output has its input's sign, so the output serves. The op's one-array constructor writes the
            // derivative over its input — the forward pass's output, which other passes read again — so it gets
            // its own output array.
            case LEAKY_RELU -> Nd4j.exec(new LeakyReLUDerivative(out, out.ulike(), LEAKY_SLOPE)).muli(gradOut);
            default -> derivativeFromOutput(out).muli(gradOut);
        };
    }
}
