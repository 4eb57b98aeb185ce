/** The conditional GAN: both networks receive the class of each sample. */
package org.modecollapselab.remedy.conditional;
