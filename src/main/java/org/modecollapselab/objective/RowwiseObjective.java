package org.modecollapselab.objective;

/**
 * An objective whose losses are means of per-row terms — one for real rows, one for generated rows in D's loss, and
 * one for G's — each with its first two derivatives ({@link RowLoss}): the losses, gradients and curvature follow
 * from the three terms. Every objective here except the GAN's own (written in {@link Losses}) is one.
 */
interface RowwiseObjective extends Objective {
    /** D's loss term on a real row's output. */
    RowLoss realTerm();

    /** D's loss term on a generated row's output. */
    RowLoss fakeTerm();

    /** G's loss term on a generated row's output. */
    RowLoss generatorTerm();

    @Override
    default double discriminatorLoss(double[] real, double[] fake, double[] gradReal, double[] gradFake) {
        return realTerm().mean(real, gradReal) + fakeTerm().mean(fake, gradFake);
    }

    @Override
    default double generatorLoss(double[] fake, double[] gradient) {
        return generatorTerm().mean(fake, gradient);
    }

    @Override
    default boolean hasCurvature() {
        return true;
    }

    @Override
    default void discriminatorCurvature(double[] real, double[] fake, double[] curvatureReal,
                                        double[] curvatureFake) {
        realTerm().meanCurvature(real, curvatureReal);
        fakeTerm().meanCurvature(fake, curvatureFake);
    }
}
