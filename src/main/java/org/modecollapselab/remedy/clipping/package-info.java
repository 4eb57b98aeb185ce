/** Weight clipping (WGAN): D's parameters are kept in a box after each of its updates. */
package org.modecollapselab.remedy.clipping;
