/** Experience replay: the discriminator is also shown old generated samples, kept in a buffer. */
package org.modecollapselab.remedy.replay;
