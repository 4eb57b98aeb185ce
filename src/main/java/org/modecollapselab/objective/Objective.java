package org.modecollapselab.objective;

import org.modecollapselab.util.Check;

/**
 * What the two players optimise, as losses on the discriminator's outputs (one output per row: a logit, or a
 * critic's value), with their gradients — the one place a loss is written. The training step and every remedy that
 * needs D's or G's loss (unrolling's look-ahead, a gradient penalty's critic) call it; none re-derives a loss.
 *
 * <p>Losses are means over the rows of each side, computed in double precision; gradients are written into the
 * caller's arrays. Implementations are immutable values (records), so that a configuration holding one compares by
 * value.
 */
public interface Objective {

    /** A short name for tables and charts, e.g. "GAN (non-saturating)". */
    String label();

    /**
     * D's loss on its outputs for real and generated rows.
     *
     * @param gradReal receives ∂loss/∂real
     * @param gradFake receives ∂loss/∂fake
     * @return the loss
     */
    double discriminatorLoss(double[] real, double[] fake, double[] gradReal, double[] gradFake);

    /**
     * G's loss on D's outputs for generated rows.
     *
     * @param gradient receives ∂loss/∂fake
     * @return the loss
     */
    double generatorLoss(double[] fake, double[] gradient);

    /** Whether {@link #discriminatorCurvature} is available (exact unrolling needs it). */
    default boolean hasCurvature() {
        return false;
    }

    /**
     * The element-wise second derivatives of {@link #discriminatorLoss} with respect to each output (each row's
     * loss depends on its own output only).
     *
     * @throws IllegalStateException when {@link #hasCurvature()} is false
     */
    default void discriminatorCurvature(double[] real, double[] fake, double[] curvatureReal, double[] curvatureFake) {
        throw new IllegalStateException("objective " + label() + " has no discriminator curvature");
    }

    /**
     * D's verdict on one sample from its output, as charts and {@code StepStats} show it: the probability that the
     * sample is real for the GAN family, the critic's value where there is no probability.
     */
    double score(double output);

    /** Mean {@link #score} over outputs. */
    default double meanScore(double[] outputs) {
        Check.notEmpty("outputs", outputs);
        double s = 0;
        for (double o : outputs) {
            s += score(o);
        }
        return s / outputs.length;
    }

    /** Whether {@link #score} is a probability in [0, 1]. */
    default boolean scoreIsProbability() {
        return true;
    }

    /**
     * What {@link #score} is, for axis titles and progress lines: "D(x)" (a probability) for the GAN, "critic value"
     * for WGAN's critic, the output's meaning for others.
     */
    default String scoreName() {
        return scoreIsProbability() ? "D(x)" : "D's output";
    }

    /** The original GAN's objective (Goodfellow et al. 2014) with the given generator loss. */
    static Objective gan(GeneratorLoss generatorLoss) {
        return new GanObjective(generatorLoss);
    }

    /** The usual GAN objective: binary cross-entropy for D, the non-saturating loss for G. */
    static Objective standard() {
        return gan(GeneratorLoss.NON_SATURATING);
    }

    /** The Wasserstein GAN's linear critic (Arjovsky et al. 2017); needs a Lipschitz constraint, see there. */
    static Objective wasserstein() {
        return new WassersteinObjective();
    }

    /** The least-squares GAN (Mao et al. 2017) with the 0-1 coding a = 0, b = c = 1. */
    static Objective leastSquares() {
        return new LeastSquaresObjective();
    }

    /** The hinge loss (Lim and Ye 2017; Miyato et al. 2018). */
    static Objective hinge() {
        return new HingeObjective();
    }

    /** The f-GAN objective (Nowozin et al. 2016) for {@code divergence}, trained as the paper does. */
    static Objective fGan(FDivergence divergence) {
        return new FGanObjective(divergence);
    }

    /**
     * The f-GAN objective for the divergence named {@code name} (kl, reverse-kl, js, pearson, hellinger).
     *
     * @throws IllegalArgumentException for an unknown name, listing the valid ones
     */
    static Objective fGan(String name) {
        return new FGanObjective(FDivergence.named(name));
    }
}
