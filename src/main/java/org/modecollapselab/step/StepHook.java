package org.modecollapselab.step;

import java.util.random.RandomGenerator;
import org.modecollapselab.nn.Network;
import org.modecollapselab.util.Check;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A remedy's state for one GAN, created by {@link Remedy#start}: how it takes part in the one training step
 * ({@code Gan.step()}) without copying it. Every method has a do-nothing default.
 *
 * <p>Order within a step: {@link #beforeStep}; then, {@code discriminatorSteps} times: G's batch through every
 * hook's {@link #discriminatorFakes} (what D is shown as generated), real and generated batches through every hook's
 * {@link #discriminatorInput()} transform, D's objective loss and its gradient, every hook's
 * {@link #discriminatorTerms}, D's update, every hook's {@link #afterDiscriminatorUpdate}; then G's batch, judged by
 * {@link #generatorOpponent} (D unless a hook substitutes another), G's objective gradient (times the product of
 * {@link #generatorObjectiveWeight()}), every hook's {@link #generatorTerms}, G's update; last {@link #afterStep}.
 *
 * <p>Terms <em>add</em>: a hook adds to D's gradients or to {@link GeneratorPhase#fakeGradient()} and returns the
 * value of its added loss terms, so that combining remedies is a sum and does not depend on their order. A remedy
 * that replaces part of G's objective (feature matching, unrolling) says so through
 * {@link #generatorObjectiveWeight()}; the weights of several hooks multiply. Transforms of D's input compose in
 * the order the remedies were given.
 *
 * <p>All methods run inside the step's ND4J workspace: arrays they create are released when the step ends. State
 * kept beyond the step (a replay buffer, a snapshot) must be created outside it ({@code detach()}, or arrays made at
 * {@link Remedy#start}).
 */
public interface StepHook {

    /** Takes no part in the step: what the step gives a remedy at its neutral setting (it is not started). */
    StepHook NONE = new StepHook() {
    };

    /** A state that only changes what D sees, through {@code transform}. */
    static StepHook transforming(InputTransform transform) {
        Check.notNull("transform", transform);
        return new StepHook() {
            @Override
            public InputTransform discriminatorInput() {
                return transform;
            }
        };
    }

    /** This hook's change to what D sees, or null for none. */
    default InputTransform discriminatorInput() {
        return null;
    }

    /**
     * The share of G's objective in G's loss, in [0, 1]: 1 keeps it (the default), {@code 1 − w} mixes a remedy's
     * term in with weight w, 0 replaces it.
     */
    default double generatorObjectiveWeight() {
        return 1;
    }

    /**
     * Columns to append to G's input for {@code rows} samples ({@link Remedy#generatorInputExtra()} wide), drawn
     * from {@code rng}; when {@code labels} is not null the codes must encode those classes (sampling one class).
     * Null when the remedy appends nothing.
     */
    default LatentCodes latentCodes(int rows, RandomGenerator rng, int[] labels) {
        return null;
    }

    default void beforeStep(StepContext context) {
    }

    /**
     * The batch D is shown as generated at one of its updates: {@code fake} itself (the default), or a batch of the
     * same shape with some or all rows replaced — old samples from a replay buffer, samples of an old copy of G.
     * Hooks are asked in order, each getting the previous one's batch. The batch is not differentiated back into G
     * (D's update does not train G), so any array of the right shape will do; arrays kept beyond the step must be
     * copied out of the step's workspace.
     *
     * @param update which of the step's D updates this is, from 0
     * @param latent G's input for the batch (noise, then any codes), [rows, G's inputs]
     * @param fake   the batch so far (G's samples, or an earlier hook's replacement), [rows, data dimension],
     *               standardised units
     * @param labels the class of each row (G's codes), or null; a hook that replaces rows of a labelled batch writes
     *               the replaced rows' classes into this array
     * @return the batch D trains on as generated, [rows, data dimension]
     */
    default INDArray discriminatorFakes(StepContext context, int update, INDArray latent, INDArray fake,
                                        int[] labels) {
        return fake;
    }

    /**
     * The network G trains against in this step's G phase: null (the default) for D itself, or a network of D's
     * shape — an old copy of D (snapshot substitution). G's objective and every hook's {@link #generatorTerms} then
     * see it as {@link GeneratorPhase#discriminator()}; D's own parameters and updates are untouched. At most one
     * hook may substitute D in a step.
     */
    default Network generatorOpponent(StepContext context) {
        return null;
    }

    /**
     * After D's objective gradient has been accumulated, before D's update: add terms to
     * {@code phase.discriminator().gradients()}.
     *
     * @return the value of the added loss terms (added to the reported D loss)
     */
    default double discriminatorTerms(DiscriminatorPhase phase) {
        return 0;
    }

    /** After each D update (weight clipping, spectral normalisation). */
    default void afterDiscriminatorUpdate(StepContext context) {
    }

    /**
     * Before G's update: add terms to {@code phase.fakeGradient()} (or to G's gradients). D's gradients must stay
     * untouched here: they are not cleared again before D's next update.
     *
     * @return the value of the added loss terms (added to the reported G loss)
     */
    default double generatorTerms(GeneratorPhase phase) {
        return 0;
    }

    default void afterStep(StepContext context) {
    }
}
