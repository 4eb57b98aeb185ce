package org.modecollapselab.gan;

import org.modecollapselab.nn.Mlp;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How a remedy plugs into the one training step ({@link Gan#step()}) without copying it: it adds terms to a
 * network's gradient, or does work before or after a step. Every method has a do-nothing default, and every
 * remedy must have a setting (λ = 0, k = 0, pack size 1, …) under which it changes nothing.
 *
 * <p>Order within a step: {@link #beforeStep}; then, k times, D's loss gradient followed by
 * {@link #discriminatorTerms} and D's update; then G's loss gradient with respect to the fake samples,
 * {@link #generatorTerms}, the backward pass through G and G's update; last {@link #afterStep}.
 *
 * <p>All methods run inside the step's ND4J workspace: arrays they create are released when the step ends.
 * A hook that keeps an array for later steps (a replay buffer, a snapshot) must {@code detach()} it, or update
 * an array created outside the step in place.
 */
public interface StepHook {

    /**
     * The discriminator's view of one update: the batches as D sees them (standardised units, after
     * {@link #toDiscriminator}), its forward pass over both (rows: real, then fake) and ∂(D's loss)/∂(D's output)
     * for those rows, shape [rows, 1].
     */
    record DiscriminatorBatch(Gan gan, int step, INDArray real, INDArray fake, Mlp.Pass pass,
                              INDArray outputGradient) {
        public Mlp discriminator() {
            return gan.discriminator();
        }
    }

    /**
     * The generator's view of its update. {@code fakeGradient} is ∂loss/∂(fake samples), shape [batch, dim];
     * a hook adds its own term to it in place ({@code fakeGradient.addi(…)}) and it is then propagated through G.
     * {@code discriminatorPass} is D's pass over the fakes as D sees them; {@code baseLoss} is G's usual loss.
     */
    record GeneratorBatch(Gan gan, int step, INDArray z, Mlp.Pass generatorPass, Mlp.Pass discriminatorPass,
                          INDArray fakeGradient, double baseLoss) {
        public INDArray fake() {
            return generatorPass.output();
        }
    }

    /**
     * Checks that the hook fits the configuration (e.g. a pack size divides the batch size) when the GAN is
     * created; throws IllegalArgumentException naming the parameter, the rule and the value.
     */
    default void check(GanConfig config, int dataDimension) {
    }

    /** Width of D's input, given the width before this hook (the data dimension for the first hook). */
    default int discriminatorInputWidth(int width) {
        return width;
    }

    /**
     * What D sees of a batch of samples, real and fake alike ([rows, width] before this hook). The default is the
     * samples themselves; packing (PacGAN) concatenates groups of samples into one row.
     */
    default INDArray toDiscriminator(INDArray samples) {
        return samples;
    }

    /** Maps ∂loss/∂(what {@link #toDiscriminator} returned) back to ∂loss/∂(its argument). */
    default INDArray fromDiscriminator(INDArray inputGradient) {
        return inputGradient;
    }

    default void beforeStep(Gan gan, int step) {
    }

    /**
     * Adds terms to {@code batch.discriminator().gradients()} after D's own loss gradient.
     *
     * @return the value of the added loss terms (added to the reported D loss)
     */
    default double discriminatorTerms(DiscriminatorBatch batch) {
        return 0;
    }

    /**
     * Adds terms to {@code batch.fakeGradient()} (or directly to G's gradients) before G's update. D's gradients
     * must stay untouched here: they are not cleared again before D's next update.
     *
     * @return the value of the added loss terms (added to the reported G loss)
     */
    default double generatorTerms(GeneratorBatch batch) {
        return 0;
    }

    default void afterStep(Gan gan, StepStats stats) {
    }
}
