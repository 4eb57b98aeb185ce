package org.modecollapselab.step;

/**
 * What one training step measured.
 *
 * @param step              the step's number (1 for the first step of a new GAN)
 * @param discriminatorLoss D's objective loss on its last update of the step (binary cross-entropy for the GAN),
 *                          plus any remedy terms
 * @param generatorLoss     G's loss on its update, plus any remedy terms
 * @param realScore         mean score of D on the real batch ({@code Objective.score}: D's probability that real
 *                          samples are real for the GAN family, the critic's value for WGAN — see the objective's
 *                          {@code scoreIsProbability()} and {@code scoreName()})
 * @param fakeScore         the same on the fake batch
 */
public record StepStats(int step, double discriminatorLoss, double generatorLoss, double realScore,
                        double fakeScore) {
    public boolean isFinite() {
        return Double.isFinite(discriminatorLoss) && Double.isFinite(generatorLoss);
    }
}
