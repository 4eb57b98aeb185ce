/**
 * Mode-coverage metrics (pure functions with explicit thresholds): against known modes by distance
 * ({@link org.modecollapselab.metric.ModeCoverage}) or by a classifier's verdict
 * ({@link org.modecollapselab.metric.DigitCoverage}: MNIST digits, Stacked MNIST's 1,000 modes) — share of samples
 * per mode, modes covered, high-quality (confident) share, KL of the mode histogram, a verdict —, the scorer a study
 * uses ({@link org.modecollapselab.metric.CoverageScorer}), and the mode-hopping timeline.
 */
package org.modecollapselab.metric;
