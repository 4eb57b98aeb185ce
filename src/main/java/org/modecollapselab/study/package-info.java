/**
 * Studies across methods, data sets and seeds, through one engine ({@link org.modecollapselab.study.Study}): the
 * notebooks' seed studies ({@link org.modecollapselab.study.SeedStudy}), the {@code environment/study} command
 * ({@link org.modecollapselab.study.StudyCommand}) and the reproduction of PacGAN's Table 1. Results are Tablesaw
 * tables written as CSV and Markdown, with charts ({@link org.modecollapselab.study.StudyReport}). Runs execute on a
 * {@link org.modecollapselab.study.StudyEngine} — one thread per core here, or Apache Spark (the {@code spark/}
 * module) — with the same numbers either way; progress is one line ({@link org.modecollapselab.study.StudyProgress}).
 */
package org.modecollapselab.study;
