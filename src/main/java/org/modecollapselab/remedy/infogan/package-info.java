/** InfoGAN: latent codes and the mutual-information term ({@link org.modecollapselab.remedy.infogan.InfoGan}, Chen et al. 2016). */
package org.modecollapselab.remedy.infogan;
