/**
 * The digit classifier (a LeNet-style Deeplearning4j network, stored in the library, trained by
 * {@code environment/train-classifier}) and the scorer that reads generated MNIST and Stacked MNIST images with it.
 */
package org.modecollapselab.classifier;
