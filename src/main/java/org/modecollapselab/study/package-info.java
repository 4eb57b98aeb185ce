/**
 * Studies across methods, data sets and seeds, through one engine ({@link org.modecollapselab.study.Study}): the
 * notebooks' seed studies ({@link org.modecollapselab.study.SeedStudy}), the {@code environment/study} command
 * ({@link org.modecollapselab.study.StudyCommand}) and the reproduction of PacGAN's Table 1. Results are Tablesaw
 * tables written as CSV and Markdown, with charts ({@link org.modecollapselab.study.StudyReport}).
 */
package org.modecollapselab.study;
