/** The gradient penalty (WGAN-GP): D's input gradient is pushed towards norm 1 on random interpolates, exactly. */
package org.modecollapselab.remedy.gradientpenalty;
