/**
 * Charts (XChart): real-vs-generated histograms with the discriminator's response, mode-coverage bars, loss
 * curves and the mode-hopping timeline ({@link org.modecollapselab.plot.Charts}); for images, digit grids, the 10-bar
 * digit coverage and the digit timeline ({@link org.modecollapselab.plot.DigitCharts}); each shown inline as an image
 * and saved as PNG (2×) and SVG. The game in 2-D ({@link org.modecollapselab.plot.Charts#game}: D's verdict over the
 * plane, samples, G's push, G's manifold), training as an animated GIF ({@link org.modecollapselab.plot.Animation})
 * and the figures' size and fonts ({@link org.modecollapselab.plot.FigureStyle}).
 */
package org.modecollapselab.plot;
