/**
 * The GAN a notebook trains: {@link org.modecollapselab.gan.Gan}, a façade over the one training step
 * ({@code org.modecollapselab.step.TrainingStep}) with the training loop (listeners, the Tablesaw history, sample
 * snapshots), and {@link org.modecollapselab.gan.GanProbe}, which samples G and probes D in data units for charts;
 * {@link org.modecollapselab.gan.Method}: a way to train a sampler (one GAN with remedies, or several GANs); and
 * {@link org.modecollapselab.gan.Catalogued}: the catalog name a remedy declares beside itself. The step's two
 * phases can also be played by hand ({@code Gan.stepDiscriminator(k)}, {@code Gan.stepGenerator(k)}).
 */
package org.modecollapselab.gan;
