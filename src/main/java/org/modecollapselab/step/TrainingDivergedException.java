package org.modecollapselab.step;

import org.modecollapselab.util.Check;

/**
 * Thrown when a run goes nowhere: a loss became NaN or infinite, or G's samples ran away from the data
 * ({@link DivergenceGuard}). Names the step and the last sane step's losses, so a notebook user sees where it went
 * wrong; the GAN's weights are left as they were after the failing step.
 */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int step;
    private final transient StepStats failed;
    private final transient StepStats lastFinite;

    /** A loss became NaN or infinite at {@code failed}; {@code lastFinite} is the last step with finite losses. */
    public TrainingDivergedException(StepStats failed, StepStats lastFinite) {
        super(message(Check.notNull("failed", failed), lastFinite, null));
        this.step = failed.step();
        this.failed = failed;
        this.lastFinite = lastFinite;
    }

    /**
     * Training went nowhere at {@code failed} for {@code reason} (e.g. "generated samples reached …") although its
     * losses were finite; {@code lastSane} is the last step that passed the checks, or null.
     */
    public TrainingDivergedException(StepStats failed, StepStats lastSane, String reason) {
        super(message(Check.notNull("failed", failed), lastSane,
                Check.notBlank("reason", reason)));
        this.step = failed.step();
        this.failed = failed;
        this.lastFinite = lastSane;
    }

    private static String message(StepStats failed, StepStats lastSane, String reason) {
        String losses = reason == null ? "D loss " + failed.discriminatorLoss() + ", G loss " + failed.generatorLoss()
                : reason + String.format(" (D loss %.6g, G loss %.6g)", failed.discriminatorLoss(),
                failed.generatorLoss());
        String before = lastSane == null ? (reason == null ? "No earlier step had finite losses."
                : "No earlier step was checked.")
                : String.format("Last %s at step %d: D loss %.6g, G loss %.6g.", reason == null ? "finite losses"
                : "sane step checked", lastSane.step(), lastSane.discriminatorLoss(), lastSane.generatorLoss());
        return "Training diverged at step " + failed.step() + ": " + losses + ". " + before
                + " Try smaller learning rates or smaller remedy weights.";
    }

    public int step() {
        return step;
    }

    public StepStats failedStep() {
        return failed;
    }

    /** The last step whose losses were finite (for runaway samples: the last step checked and sane), or null. */
    public StepStats lastFinite() {
        return lastFinite;
    }
}
