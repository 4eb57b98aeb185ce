package org.modecollapselab.step;

import org.modecollapselab.nn.Network;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One update of D, after D's own loss gradient has been accumulated and before D's optimiser step. Arrays are in
 * standardised units and live until the step ends.
 */
public interface DiscriminatorPhase extends StepContext {
    /** Which of the step's {@code discriminatorSteps} updates this is, from 0. */
    int update();

    /** The real batch as D sees it (after every remedy's {@link InputTransform}). */
    INDArray real();

    /** The generated batch as D sees it. */
    INDArray fake();

    /** Class labels of the real samples, or null (unlabelled data, or no remedy asked for labels). */
    int[] realLabels();

    /** Class labels G was given for the generated samples, or null. */
    int[] fakeLabels();

    /** G's input for the generated batch (noise, then any remedies' codes), [batch, G's inputs]. */
    INDArray latent();

    /** D's forward pass over [real; fake] (rows: real first). */
    Network.Pass pass();

    /** ∂(D's objective loss)/∂(D's outputs) for those rows, [rows, outputs]. */
    INDArray outputGradient();

    /** ∂(D's objective loss)/∂(D's input), [rows, D's inputs]; computed on the first call. */
    INDArray inputGradient();
}
