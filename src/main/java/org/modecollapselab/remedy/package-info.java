/**
 * How remedies plug into the one training step: a {@link org.modecollapselab.remedy.Remedy} is immutable
 * configuration that creates a {@link org.modecollapselab.remedy.StepHook} (its state) for each GAN; hooks see the
 * step through {@link org.modecollapselab.remedy.StepContext} and its two phases, change what D sees through
 * {@link org.modecollapselab.remedy.InputTransform}s, and add terms to losses and gradients. Each remedy lives in a
 * sub-package of its own; the catalog of remedies by name is {@code remedy.catalog}.
 */
package org.modecollapselab.remedy;
