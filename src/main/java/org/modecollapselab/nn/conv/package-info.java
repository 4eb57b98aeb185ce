/**
 * Convolutional networks for images: a DCGAN-style generator ({@link org.modecollapselab.nn.conv.DcganGenerator})
 * and discriminator ({@link org.modecollapselab.nn.conv.DcganDiscriminator}) behind the same
 * {@link org.modecollapselab.nn.Network} contract as the MLP, so the one training step, the optimisers and the
 * remedies train them unchanged. Images travel as rows, flattened channel-major (NCHW): pixel (channel ch, row y,
 * column x) of an S×S image is column {@code ch·S² + y·S + x}.
 */
package org.modecollapselab.nn.conv;
