package org.modecollapselab.objective;

/**
 * The generator's objective (Goodfellow et al., "Generative Adversarial Nets", 2014). In the GAN the discriminator
 * always minimises binary cross-entropy; the two variants differ only in the generator's loss. The f-GAN family
 * ({@link FGanObjective}) has the same two: the saddle point (minimax) and the paper's alternative (non-saturating).
 */
public enum GeneratorLoss {
    /**
     * The original minimax game: G minimises {@code E log(1 − D(G(z)))}. It saturates (vanishing gradient)
     * when D confidently rejects G's samples.
     */
    MINIMAX,
    /** The non-saturating heuristic used in practice: G minimises {@code −E log D(G(z))}. */
    NON_SATURATING
}
