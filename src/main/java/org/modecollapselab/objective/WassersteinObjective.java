package org.modecollapselab.objective;

/**
 * The Wasserstein GAN objective (Arjovsky, Chintala and Bottou, "Wasserstein GAN", 2017). D is a <em>critic</em>
 * with a linear output f(x), not a classifier: it maximises {@code E f(x_real) − E f(G(z))}, an estimate of the
 * Wasserstein-1 (earth mover's) distance when f is 1-Lipschitz; G minimises {@code −E f(G(z))}. Unlike the JS
 * discriminator's, the critic's slope does not vanish where the two distributions do not overlap.
 *
 * <p>The Lipschitz constraint is not part of the loss: pair this objective with weight clipping
 * ({@code remedy.clipping.WeightClipping}, the paper's) or a gradient penalty
 * ({@code remedy.gradientpenalty.GradientPenalty}, Gulrajani et al. 2017); the paper's n_critic is the
 * configuration's {@code discriminatorSteps} (the catalog's {@code wgan} and {@code wgan-gp} settings bundle them).
 * Without a constraint the critic's values grow without bound. D's reported loss is {@code E f(fake) − E f(real)}
 * (the negated distance estimate); the score shown in charts is the critic's value, not a probability. Both losses
 * are linear in the outputs: the curvature is zero.
 */
public record WassersteinObjective() implements RowwiseObjective, RawScore {
    private static final RowLoss REAL = RowLoss.linear(-1);
    private static final RowLoss FAKE = RowLoss.linear(1);

    @Override
    public String label() {
        return "WGAN";
    }

    /** −f(x_real). */
    @Override
    public RowLoss realTerm() {
        return REAL;
    }

    /** f(G(z)). */
    @Override
    public RowLoss fakeTerm() {
        return FAKE;
    }

    /** −f(G(z)). */
    @Override
    public RowLoss generatorTerm() {
        return REAL;
    }

    @Override
    public String scoreName() {
        return "critic value";
    }

    @Override
    public String toString() {
        return label();
    }
}
