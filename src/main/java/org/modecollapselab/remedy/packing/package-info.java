/** Packing (PacGAN): the discriminator judges several samples at once. */
package org.modecollapselab.remedy.packing;
