/** Spectral normalisation of D's weights ({@link org.modecollapselab.remedy.spectralnorm.SpectralNormalisation}, Miyato et al. 2018). */
package org.modecollapselab.remedy.spectralnorm;
