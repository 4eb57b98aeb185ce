/**
 * The GAN and its one training step: configuration ({@link org.modecollapselab.gan.GanConfig}), losses,
 * optimisers, the training loop with listeners, history (Tablesaw) and sample snapshots, and the
 * {@link org.modecollapselab.gan.StepHook} through which remedies plug in.
 */
package org.modecollapselab.gan;
