/**
 * The study on Apache Spark: {@link org.modecollapselab.spark.SparkEngine} runs each run of a study as one Spark
 * task and hands the results back to the study engine as they finish; {@link
 * org.modecollapselab.spark.SparkStudyCommand} is {@code environment/study --spark}. A separate Maven module
 * ({@code spark/}): Spark is never on the notebook kernel's class path.
 */
package org.modecollapselab.spark;
