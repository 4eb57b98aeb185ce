/** Minibatch discrimination: the discriminator sees how similar each sample is to the rest of its batch. */
package org.modecollapselab.remedy.minibatch;
