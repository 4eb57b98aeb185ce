/** AdaGAN: generators trained one after another on data reweighted towards what the mixture so far misses. */
package org.modecollapselab.remedy.adagan;
