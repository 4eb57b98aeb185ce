/**
 * Real data with known modes: the temperature example (Alice Springs vs the South Pole), general 1-D Gaussian
 * mixtures, and readings from a CSV file (Tablesaw); image data ({@link org.modecollapselab.data.ImageSource},
 * {@link org.modecollapselab.data.ImageShape}), with MNIST in {@code data.mnist}.
 */
package org.modecollapselab.data;
