/**
 * The one training step and its contract with the remedies. The contract: a
 * {@link org.modecollapselab.step.Remedy} is immutable configuration that declares its widths and creates a
 * {@link org.modecollapselab.step.StepHook} (its state) for each GAN; hooks see the step through
 * {@link org.modecollapselab.step.StepContext} and its two phases
 * ({@link org.modecollapselab.step.DiscriminatorPhase}, {@link org.modecollapselab.step.GeneratorPhase}), change what
 * D sees through {@link org.modecollapselab.step.InputTransform}s, append
 * {@link org.modecollapselab.step.LatentCodes} to G's input, and add terms to losses and gradients. The step:
 * {@link org.modecollapselab.step.TrainingStep} (wiring, the D update, the G update, manual play, in one file), its
 * batches and the one {@link org.modecollapselab.step.Standardiser}, the widths worked out once before any network
 * is built, the hooks' views, what a step reports ({@link org.modecollapselab.step.StepStats}) and when a run is
 * stopped ({@link org.modecollapselab.step.DivergenceGuard}, {@link org.modecollapselab.step.TrainingDivergedException}).
 * The layer above the data, networks and objectives, below {@code gan}; see {@code docs/design-of-the-step.md}.
 */
package org.modecollapselab.step;
