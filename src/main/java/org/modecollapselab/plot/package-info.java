/**
 * Charts (XChart): real-vs-generated histograms with the discriminator's response, mode-coverage bars, loss
 * curves and the mode-hopping timeline ({@link org.modecollapselab.plot.Charts}); for images, digit grids, the 10-bar
 * digit coverage and the digit timeline ({@link org.modecollapselab.plot.DigitCharts}); each shown inline as an image
 * and saved as PNG and SVG.
 */
package org.modecollapselab.plot;
