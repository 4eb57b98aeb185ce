/** One-sided label smoothing ({@link org.modecollapselab.remedy.labelsmoothing.LabelSmoothing}, Salimans et al. 2016). */
package org.modecollapselab.remedy.labelsmoothing;
