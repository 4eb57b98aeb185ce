/**
 * MNIST: the IDX reader ({@link org.modecollapselab.data.mnist.Idx}), the digits as GAN data with their labels
 * ({@link org.modecollapselab.data.mnist.MnistDigits}), Stacked MNIST's 1,000 modes
 * ({@link org.modecollapselab.data.mnist.StackedMnist}), where the files come from — the data setting
 * {@code MCL_DATA_DIR} / {@code -Dmcl.data.dir}, the download cache — ({@link org.modecollapselab.data.mnist.Mnist})
 * and the verified download from public mirrors ({@link org.modecollapselab.data.mnist.MnistDownload}).
 */
package org.modecollapselab.data.mnist;
