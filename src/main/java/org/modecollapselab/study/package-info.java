/**
 * Studies across remedies, data sets and seeds: the {@code environment/study} command, and the reproduction of
 * PacGAN's Table 1. Each run is one {@link org.modecollapselab.gan.Gan} trained with a remedy's hooks; results
 * are Tablesaw tables written as CSV, with a chart.
 */
package org.modecollapselab.study;
