/**
 * The remedies for mode collapse, one sub-package each: a step remedy is a record implementing
 * {@code org.modecollapselab.step.Remedy} (its state a {@code StepHook}); a remedy that trains several GANs (AdaGAN,
 * one GAN per class) is a {@code org.modecollapselab.gan.Method}. Each declares its catalog name and default as a
 * {@code public static final org.modecollapselab.gan.Catalogued} field, found by {@code org.modecollapselab.catalog}
 * (see {@code docs/adding-a-remedy.md}). Remedy packages sit above {@code gan} and below {@code catalog}; none
 * imports another.
 */
package org.modecollapselab.remedy;
