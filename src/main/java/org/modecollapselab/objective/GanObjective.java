package org.modecollapselab.objective;

import org.modecollapselab.util.Check;

/**
 * The original GAN objective (Goodfellow et al., "Generative Adversarial Nets", 2014): D's output is a logit l with
 * D = σ(l) and D minimises binary cross-entropy; G minimises {@code E log(1 − D(G(z)))} (minimax) or
 * {@code −E log D(G(z))} (non-saturating). Formulas and gradients are those of {@link Losses}.
 *
 * @param generatorLoss minimax or non-saturating
 */
public record GanObjective(GeneratorLoss generatorLoss) implements Objective {
    public GanObjective {
        Check.notNull("generatorLoss", generatorLoss);
    }

    @Override
    public String label() {
        return generatorLoss == GeneratorLoss.NON_SATURATING ? "GAN (non-saturating)" : "GAN (minimax)";
    }

    @Override
    public double discriminatorLoss(double[] real, double[] fake, double[] gradReal, double[] gradFake) {
        Losses.outputs("real", real, "gradReal", gradReal);
        Losses.outputs("fake", fake, "gradFake", gradFake);
        return Losses.discriminator(real, fake, 1.0, gradReal, gradFake);
    }

    @Override
    public double generatorLoss(double[] fake, double[] gradient) {
        Losses.outputs("fake", fake, "gradient", gradient);
        return Losses.generator(generatorLoss, fake, gradient);
    }

    @Override
    public boolean hasCurvature() {
        return true;
    }

    /** σ(l)(1 − σ(l)) / n per row, each side's loss being a mean over its n rows. */
    @Override
    public void discriminatorCurvature(double[] real, double[] fake, double[] curvatureReal, double[] curvatureFake) {
        Losses.outputs("real", real, "curvatureReal", curvatureReal);
        Losses.outputs("fake", fake, "curvatureFake", curvatureFake);
        for (int i = 0; i < real.length; i++) {
            double p = Losses.sigmoid(real[i]);
            curvatureReal[i] = p * (1 - p) / real.length;
        }
        for (int i = 0; i < fake.length; i++) {
            double p = Losses.sigmoid(fake[i]);
            curvatureFake[i] = p * (1 - p) / fake.length;
        }
    }

    @Override
    public double score(double output) {
        return Losses.sigmoid(output);
    }

    @Override
    public String toString() {
        return label();
    }
}
