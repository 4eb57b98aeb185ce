package org.modecollapselab.step;

import java.util.function.UnaryOperator;
import org.modecollapselab.util.Check;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A change to what D sees of a batch, in front of D's first layer: packing concatenates samples into packs,
 * minibatch discrimination appends similarity features, conditioning appends labels. The step applies the
 * transforms of all remedies in order — to the real and the generated batch separately — and back-propagates
 * through them in reverse; a trainable transform's parameters get D's loss gradient.
 */
public interface InputTransform {

    /**
     * Applies the transform to one batch x [rows, width] (standardised units) whose rows carry {@code labels}
     * (null when the data has none or an earlier transform regrouped the rows).
     */
    Applied apply(INDArray x, int[] labels);

    /**
     * The step's entry point: {@code generated} says whether x is a generated batch (G's samples) or a real one,
     * for transforms that treat them differently (noise on G's output). Default: {@link #apply(INDArray, int[])}
     * for both.
     */
    default Applied apply(INDArray x, int[] labels, boolean generated) {
        return apply(x, labels);
    }

    /** Whether {@link Applied#backward} accumulates gradients for parameters of the transform's own. */
    default boolean trainable() {
        return false;
    }

    /** One batch through the transform, kept for the way back. */
    interface Applied {
        /** What D sees. */
        INDArray output();

        /**
         * From ∂loss/∂{@link #output()} back to ∂loss/∂x.
         *
         * @param accumulateParams  add the transform's own parameter gradients (trainable transforms only)
         * @param needInputGradient compute and return ∂loss/∂x
         * @return ∂loss/∂x, or null when not asked for
         */
        INDArray backward(INDArray gradOutput, boolean accumulateParams, boolean needInputGradient);

        /** A transform without parameters of its own: its output, and how a gradient goes back to its input. */
        static Applied of(INDArray output, UnaryOperator<INDArray> back) {
            Check.notNull("output", output);
            Check.notNull("back", back);
            return new Applied() {
                @Override
                public INDArray output() {
                    return output;
                }

                @Override
                public INDArray backward(INDArray gradOutput, boolean accumulateParams, boolean needInputGradient) {
                    return needInputGradient ? back.apply(gradOutput) : null;
                }
            };
        }
    }
}
