/**
 * Mode-coverage metrics against known modes (pure functions with explicit thresholds): share of samples per
 * mode, modes covered, high-quality share, KL of the mode histogram, a verdict, and the mode-hopping timeline.
 */
package org.modecollapselab.metric;
