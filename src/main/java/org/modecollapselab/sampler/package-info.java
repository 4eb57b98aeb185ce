/**
 * Samplers: the one abstraction of "something that draws samples" ({@link org.modecollapselab.sampler.Sampler}) that
 * metrics, charts and studies accept — a GAN, a mixture of GANs, a conditional GAN, the data.
 */
package org.modecollapselab.sampler;
