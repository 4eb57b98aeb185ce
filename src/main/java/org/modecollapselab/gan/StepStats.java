package org.modecollapselab.gan;

/**
 * What one training step measured.
 *
 * @param step              the step's number (1 for the first step of a new GAN)
 * @param discriminatorLoss D's binary cross-entropy on its last update of the step, plus any remedy terms
 * @param generatorLoss     G's loss on its update, plus any remedy terms
 * @param realScore         mean D(x) on the real batch (D's probability that real samples are real)
 * @param fakeScore         mean D(G(z)) on the fake batch
 */
public record StepStats(int step, double discriminatorLoss, double generatorLoss, double realScore,
                        double fakeScore) {
    public boolean isFinite() {
        return Double.isFinite(discriminatorLoss) && Double.isFinite(generatorLoss);
    }
}
