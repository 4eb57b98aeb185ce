/** Unrolled GANs: the generator's loss looks k discriminator updates ahead (exact and first-order versions). */
package org.modecollapselab.remedy.unrolled;
