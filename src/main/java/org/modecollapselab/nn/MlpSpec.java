package org.modecollapselab.nn;

import java.util.List;
import org.modecollapselab.util.Check;

/**
 * The shape of a multilayer perceptron: {@code inputs → hidden[0] → … → outputs}.
 *
 * @param inputs           input width
 * @param hidden           hidden layer widths (may be empty: a linear model)
 * @param outputs          output width
 * @param hiddenActivation activation after each hidden layer
 * @param outputActivation activation of the output layer
 * @param init             weight initialisation
 */
public record MlpSpec(int inputs, List<Integer> hidden, int outputs, Activation hiddenActivation,
                      Activation outputActivation, Init init) {
    public MlpSpec {
        Check.atLeast("inputs", inputs, 1);
        Check.notNull("hidden", hidden);
        for (int i = 0; i < hidden.size(); i++) {
            Check.notNull("hidden[" + i + "]", hidden.get(i));
            Check.atLeast("hidden[" + i + "]", hidden.get(i), 1);
        }
        hidden = List.copyOf(hidden);
        Check.atLeast("outputs", outputs, 1);
        Check.notNull("hiddenActivation", hiddenActivation);
        Check.notNull("outputActivation", outputActivation);
        Check.notNull("init", init);
    }

    public static MlpSpec of(int inputs, List<Integer> hidden, int outputs, Activation hiddenActivation,
                             Activation outputActivation) {
        return new MlpSpec(inputs, hidden, outputs, hiddenActivation, outputActivation, Init.PYTORCH_DEFAULT);
    }

    public int layers() {
        return hidden.size() + 1;
    }

    /** Width of layer {@code i}'s input. */
    public int fanIn(int i) {
        return i == 0 ? inputs : hidden.get(i - 1);
    }

    /** Width of layer {@code i}'s output. */
    public int fanOut(int i) {
        return i == hidden.size() ? outputs : hidden.get(i);
    }

    public Activation activation(int i) {
        return i == hidden.size() ? outputActivation : hiddenActivation;
    }

    /** Total number of weights and biases. */
    public long parameterCount() {
        long n = 0;
        for (int i = 0; i < layers(); i++) {
            n += (long) fanIn(i) * fanOut(i) + fanOut(i);
        }
        return n;
    }
}
