package org.modecollapselab.step;

import org.modecollapselab.nn.Network;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * G's update: its batch, D's pass over it, and ∂(G's loss)/∂(generated samples), to which hooks add their terms
 * before the gradient goes back through G. It also shows the real batch and D's pass of the step's last D update
 * (taken before that update), for remedies that compare generated with real batches.
 */
public interface GeneratorPhase extends StepContext {
    /**
     * The network G trains against in this phase: D, or the network a hook substituted for it
     * ({@link StepHook#generatorOpponent}); {@link #discriminatorPass()} is its pass.
     */
    @Override
    Network discriminator();

    /** G's input (noise, then any remedies' codes), [batch, G's inputs]. */
    INDArray latent();

    /** Class labels G was given, or null. */
    int[] labels();

    /** G's forward pass; its output is the generated batch (standardised units). */
    Network.Pass generatorPass();

    /** The generated batch, [batch, data dimension]. */
    default INDArray fake() {
        return generatorPass().output();
    }

    /** D's forward pass over the generated batch as D sees it. */
    Network.Pass discriminatorPass();

    /**
     * ∂(G's loss)/∂(generated samples), [batch, data dimension]: the objective's gradient times the product of the
     * hooks' {@link StepHook#generatorObjectiveWeight()}. Hooks add their terms to it in place.
     */
    INDArray fakeGradient();

    /** G's objective loss on this batch, before any weighting. */
    double objectiveLoss();

    /** Maps ∂loss/∂(generated batch as D sees it) back to ∂loss/∂(generated batch), through every transform. */
    INDArray fromDiscriminator(INDArray gradient);

    /** The real batch of the step's last D update, as D saw it. */
    INDArray real();

    /** Its class labels, or null. */
    int[] realLabels();

    /** D's pass over [real; fake] at the step's last D update (before that update). */
    Network.Pass lastDiscriminatorPass();
}
