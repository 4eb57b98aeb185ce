/** Diversity regularisation: the mode-seeking term of MSGAN ({@link org.modecollapselab.remedy.modeseeking.ModeSeeking}, Mao et al. 2019). */
package org.modecollapselab.remedy.modeseeking;
