/**
 * Charts (XChart): real-vs-generated histograms with the discriminator's response, mode-coverage bars, loss
 * curves and the mode-hopping timeline; each shown inline as an image and saved as PNG and SVG.
 */
package org.modecollapselab.plot;
