package org.modecollapselab.step;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The hooks' changes to what D sees ({@link StepHook#discriminatorInput()}), composed in the remedies' order: a
 * batch goes through them forwards, a gradient backwards.
 */
final class Transforms {
    private final InputTransform[] transforms;
    private final boolean trainable;

    Transforms(List<InputTransform> transforms) {
        this.transforms = transforms.toArray(InputTransform[]::new);
        boolean t = false;
        for (InputTransform x : this.transforms) {
            t |= x.trainable();
        }
        this.trainable = t;
    }

    /** Whether any transform has parameters of its own (trained with D's loss gradient). */
    boolean trainable() {
        return trainable;
    }

    /**
     * Samples as D sees them: through each transform, in order (empty when there are none); {@code generated} tells
     * the transforms whether the samples are G's.
     */
    InputTransform.Applied[] apply(INDArray samples, int[] labels, boolean generated) {
        InputTransform.Applied[] out = new InputTransform.Applied[transforms.length];
        INDArray x = samples;
        int[] l = labels;
        for (int i = 0; i < transforms.length; i++) {
            InputTransform.Applied a = transforms[i].apply(x, l, generated);
            out[i] = a;
            if (l != null && a.output().rows() != l.length) {
                l = null;   // rows regrouped (packs): labels no longer belong to rows
            }
            x = a.output();
        }
        return out;
    }

    /** What D sees of a batch: the last transform's output, or the samples themselves. */
    static INDArray seen(InputTransform.Applied[] applied, INDArray samples) {
        return applied.length == 0 ? samples : applied[applied.length - 1].output();
    }

    /** ∂loss/∂(D's input) back to ∂loss/∂samples through every transform, in reverse. */
    static INDArray back(InputTransform.Applied[] applied, INDArray gradient) {
        INDArray g = gradient;
        for (int i = applied.length - 1; i >= 0; i--) {
            g = applied[i].backward(g, false, true);
        }
        return g;
    }

    /**
     * D's loss gradient {@code gradient} (with respect to D's input) back into the trainable transforms' own
     * parameters, from the last transform down to the first trainable one.
     */
    void train(InputTransform.Applied[] applied, INDArray gradient) {
        INDArray g = gradient;
        int first = 0;
        while (first < applied.length && !transforms[first].trainable()) {
            first++;
        }
        for (int i = applied.length - 1; i >= first; i--) {
            g = applied[i].backward(g, transforms[i].trainable(), i > first);
        }
    }
}
