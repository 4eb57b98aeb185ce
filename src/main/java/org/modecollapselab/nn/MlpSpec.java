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
 * @param batchNorm        batch normalisation of each hidden layer's linear output, before its activation
 *                         (Ioffe and Szegedy 2015; batch statistics, scale 1 and shift 0 at the start)
 * @param maxoutPieces     linear pieces per hidden unit, the unit's value being their maximum (Goodfellow et al.
 *                         2013); 1 for a plain layer
 * @param dropout          probability that a hidden unit's output is dropped in a training pass (Srivastava et al.
 *                         2014; inverted dropout: kept outputs are scaled by 1/(1 − p), so inference needs no
 *                         rescaling), in [0, 1); 0 for none
 */
public record MlpSpec(int inputs, List<Integer> hidden, int outputs, Activation hiddenActivation,
                      Activation outputActivation, Init init, boolean batchNorm, int maxoutPieces, double dropout) {

    /** A plain MLP: no batch normalisation, no maxout. */
    public MlpSpec(int inputs, List<Integer> hidden, int outputs, Activation hiddenActivation,
                   Activation outputActivation, Init init) {
        this(inputs, hidden, outputs, hiddenActivation, outputActivation, init, false, 1, 0);
    }

    /** Without dropout. */
    public MlpSpec(int inputs, List<Integer> hidden, int outputs, Activation hiddenActivation,
                   Activation outputActivation, Init init, boolean batchNorm, int maxoutPieces) {
        this(inputs, hidden, outputs, hiddenActivation, outputActivation, init, batchNorm, maxoutPieces, 0);
    }

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
        Check.atLeast("maxoutPieces", maxoutPieces, 1);
        Check.inHalfOpen("dropout", dropout, 0, 1);
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
        Check.index("i", i, layers());
        return i == 0 ? inputs : hidden.get(i - 1);
    }

    /** Width of layer {@code i}'s output. */
    public int fanOut(int i) {
        Check.index("i", i, layers());
        return i == hidden.size() ? outputs : hidden.get(i);
    }

    public Activation activation(int i) {
        Check.index("i", i, layers());
        return i == hidden.size() ? outputActivation : hiddenActivation;
    }

    /** Whether layer {@code i} is a hidden layer. */
    public boolean isHidden(int i) {
        Check.index("i", i, layers());
        return i < hidden.size();
    }

    /** Maxout pieces of layer {@code i} (1 for the output layer). */
    public int pieces(int i) {
        return isHidden(i) ? maxoutPieces : 1;
    }

    /** Whether layer {@code i} is batch-normalised (hidden layers only). */
    public boolean normalised(int i) {
        Check.index("i", i, layers());
        return batchNorm && isHidden(i);
    }

    /** Whether layer {@code i}'s output is dropped out in training passes (hidden layers, dropout &gt; 0). */
    public boolean droppedOut(int i) {
        boolean hiddenLayer = isHidden(i);   // checks i
        return dropout > 0 && hiddenLayer;
    }

    /** Width of layer {@code i}'s linear part: its units times their maxout pieces. */
    public int linearWidth(int i) {
        return fanOut(i) * pieces(i);
    }

    /** Total number of parameters: per layer weights and biases, plus scale and shift where batch-normalised. */
    public long parameterCount() {
        long n = 0;
        for (int i = 0; i < layers(); i++) {
            n += (long) fanIn(i) * linearWidth(i) + linearWidth(i) + (normalised(i) ? 2L * fanOut(i) : 0);
        }
        return n;
    }
}
