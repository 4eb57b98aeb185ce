package org.modecollapselab.spark;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modecollapselab.study.NamedPlan;
import org.modecollapselab.study.StudyCommand;
import org.modecollapselab.study.StudyEngine;
import org.modecollapselab.study.StudyReport;
import tech.tablesaw.api.Table;

/** The study command on embedded Spark gives the sequential study's files, number for number. */
class SparkStudyCommandTest {

    static String withoutTiming(Path runsCsv, String... timing) throws Exception {
        Table t = StudyReport.readRuns(runsCsv);
        return csv(t.removeColumns(timing));
    }

    static String csv(Table t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.write().csv(w);
        return w.toString();
    }

    /** The default: embedded Spark on every core ({@code local[*]}), a small study, the same files and numbers. */
    @Test
    void sparkLocalGivesTheSequentialStudysNumbers(@TempDir Path dir) throws Exception {
        Path spark = dir.resolve("spark");
        Path seq = dir.resolve("sequential");
        String[] study = {"--remedies", "plain,packing:2", "--datasets", "temperature,ring", "--seeds", "2",
            "--steps", "40"};
        String[] args = new String[study.length + 2];
        System.arraycopy(study, 0, args, 0, study.length);
        System.arraycopy(new String[] {"--out", spark.toString()}, 0, args, study.length, 2);
        assertEquals(0, SparkStudyCommand.run(args));   // the default master: local[*], embedded
        assertEquals(0, StudyCommand.run(new NamedPlan("remedies", List.of("temperature", "ring"),
                List.of("plain", "packing:2"), 2, 40), StudyEngine.threads(1), seq, false));
        for (String f : List.of("runs.csv", "summary.csv", "summary.md", "modes.png", "modes.svg", "high-quality.png",
                "high-quality.svg")) {
            assertTrue(Files.size(spark.resolve(f)) > 0, f);
        }
        assertEquals(8, StudyReport.readRuns(spark.resolve("runs.csv")).rowCount());
        assertEquals(withoutTiming(seq.resolve("runs.csv"), "steps_per_s"),
                withoutTiming(spark.resolve("runs.csv"), "steps_per_s"));
        Table a = Table.read().csv(seq.resolve("summary.csv").toFile()).removeColumns("steps_per_s",
                "speed_vs_plain");
        Table b = Table.read().csv(spark.resolve("summary.csv").toFile()).removeColumns("steps_per_s",
                "speed_vs_plain");
        assertEquals(csv(a), csv(b));
        assertFalse(Files.exists(spark.resolve("failures.csv")));
    }

    @Test
    void badOptionsAreRefusedByName() {
        assertEquals("--conf must be key=value, was 'spark.ui.enabled'", assertThrows(IllegalArgumentException.class,
                () -> SparkStudyCommand.run(new String[] {"--conf", "spark.ui.enabled"})).getMessage());
        assertEquals("--master needs a value", assertThrows(IllegalArgumentException.class,
                () -> SparkStudyCommand.run(new String[] {"--master"})).getMessage());
        assertEquals("--threads sets the local engine's threads; on Spark the master decides how many runs run at a "
                + "time (--master local[N]: N), was --threads 4", assertThrows(IllegalArgumentException.class,
                () -> SparkStudyCommand.run(new String[] {"--seeds", "2", "--threads", "4"})).getMessage());
        var conf = SparkStudyCommand.configuration(null, List.of());
        assertEquals("local[*]", conf.get("spark.master"));
        assertEquals("1", conf.get("spark.executorEnv.OMP_NUM_THREADS"));
        assertEquals("false", conf.get("spark.ui.enabled"));
        var cluster = SparkStudyCommand.configuration("spark://127.0.0.1:7077", List.<String[]>of(
                new String[] {"spark.jars", "/x/a.jar"}, new String[] {"spark.executorEnv.OMP_NUM_THREADS", "2"}));
        assertEquals("/x/a.jar", cluster.get("spark.jars"), "given settings win");
        assertEquals("2", cluster.get("spark.executorEnv.OMP_NUM_THREADS"));
        assertFalse(cluster.contains("spark.ui.enabled"));
    }
}
