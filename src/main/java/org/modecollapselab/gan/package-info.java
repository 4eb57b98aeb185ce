/**
 * The GAN and its one training step ({@link org.modecollapselab.gan.Gan}), the training loop with listeners,
 * history (Tablesaw) and sample snapshots, and {@link org.modecollapselab.gan.Method}: a way to train a sampler
 * (one GAN with remedies, or several GANs). Remedies plug into the step through {@code org.modecollapselab.remedy}.
 * The step's two phases can also be played by hand ({@code Gan.stepDiscriminator(k)}, {@code Gan.stepGenerator(k)}).
 */
package org.modecollapselab.gan;
