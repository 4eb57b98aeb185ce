package org.modecollapselab.gan;

/**
 * Thrown when a loss becomes NaN or infinite. Names the step and the last finite losses, so a notebook user
 * sees where it went wrong; the GAN's weights are left as they were after the failing step.
 */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int step;
    private final transient StepStats failed;
    private final transient StepStats lastFinite;

    public TrainingDivergedException(StepStats failed, StepStats lastFinite) {
        super("Training diverged at step " + failed.step() + ": D loss " + failed.discriminatorLoss() + ", G loss "
                + failed.generatorLoss() + ". "
                + (lastFinite == null ? "No earlier step had finite losses."
                : String.format("Last finite losses at step %d: D loss %.6g, G loss %.6g.", lastFinite.step(),
                lastFinite.discriminatorLoss(), lastFinite.generatorLoss()))
                + " Try smaller learning rates or smaller remedy weights.");
        this.step = failed.step();
        this.failed = failed;
        this.lastFinite = lastFinite;
    }

    public int step() {
        return step;
    }

    public StepStats failedStep() {
        return failed;
    }

    /** The last step whose losses were finite, or null. */
    public StepStats lastFinite() {
        return lastFinite;
    }
}
