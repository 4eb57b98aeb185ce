package org.modecollapselab.study;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modecollapselab.plot.Charts;
import tech.tablesaw.api.Table;

class RemedyStudyTest {

    @Test
    void remedyNamesParseAndBadOnesAreNamed() {
        assertEquals("plain", Remedy.parse("plain").name());
        assertEquals("packing m=2", Remedy.parse("packing:2").name());
        assertEquals("unrolled k=10 (exact)", Remedy.parse("unrolled:10").name());
        assertEquals("unrolled k=5 (first-order)", Remedy.parse("unrolled-first-order").name());
        assertEquals("hybrid FM w=0.5", Remedy.parse("hybrid").name());
        assertEquals("minibatch B=8", Remedy.parse("minibatch").name());
        assertEquals(1, Remedy.parse("packing:2").hooks().get().size());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Remedy.parse("dropout")).getMessage()
                .contains("was 'dropout'"));
        assertEquals("packSize must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> Remedy.parse("packing:0")).getMessage());
        assertEquals("remedy 'unrolled:x' must have a number after ':', was 'x'",
                assertThrows(IllegalArgumentException.class, () -> Remedy.parse("unrolled:x")).getMessage());
        assertEquals(400, Remedy.pacgan(4, 100).adjust().apply(StudyCase.named("pacgan-ring").config()).batchSize());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StudyCase.named("moons")).getMessage()
                .contains("was 'moons'"));
    }

    @Test
    void summaryIsMeanAndStandardErrorPerGroup() {
        List<RemedyStudy.Run> runs = List.of(
                new RemedyStudy.Run("ring", "plain", 1, 10, 1, 8, 50, 2.0, 100, false),
                new RemedyStudy.Run("ring", "plain", 2, 10, 3, 8, 70, 1.0, 300, false),
                new RemedyStudy.Run("ring", "packing m=4", 1, 10, 8, 8, 30, 0.1, 100, false),
                new RemedyStudy.Run("ring", "packing m=4", 2, 10, 0, 8, Double.NaN, Double.NaN, Double.NaN, true));
        Table s = RemedyStudy.summary(RemedyStudy.toTable(runs));
        assertEquals(2, s.rowCount());
        assertEquals(2.0, s.doubleColumn("modes_mean").get(0), 1e-12);
        assertEquals(1.0, s.doubleColumn("modes_se").get(0), 1e-12);           // sd √2 / √2
        assertEquals(60.0, s.doubleColumn("high_quality_pct_mean").get(0), 1e-12);
        assertEquals(200.0, s.doubleColumn("steps_per_s").get(0), 1e-12);
        assertEquals(4.0, s.doubleColumn("modes_mean").get(1), 1e-12);         // a diverged run counts 0 modes
        assertEquals(1, s.intColumn("diverged").get(1));
        assertEquals(0.5, s.doubleColumn("speed_vs_plain").get(1), 1e-12);
        String md = RemedyStudy.markdown(s);
        assertTrue(md.contains("| ring | plain | 2 | 2.0 ± 1.0 / 8 | 60.0 ± 10.0 | 1.50 ± 0.50 | 200 | 1.00 |"), md);
        assertTrue(md.contains("2 (1 diverged)"), md);
        assertEquals(2, Charts.remedyStudy(s, "modes", "t").getSeriesMap().values().iterator().next()
                .getXData().size());
    }

    /** A real (tiny) study end to end: runs, files, chart. */
    @Test
    void studyWritesItsFiles(@TempDir Path dir) throws Exception {
        RemedyStudy.main(new String[] {"--remedies", "plain,packing:2", "--datasets", "temperature", "--seeds", "2",
            "--steps", "50", "--out", dir.toString()});
        for (String f : List.of("runs.csv", "summary.csv", "summary.md", "modes.png", "modes.svg", "high-quality.png")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        Table runs = RemedyStudy.readRuns(dir.resolve("runs.csv"));
        assertEquals(4, runs.rowCount());
        assertTrue(Files.readString(dir.resolve("summary.md")).contains("packing m=2"));
    }

    /** A group with an infinite reverse KL (no high-quality sample) survives the CSV round trip, summary and chart. */
    @Test
    void infiniteKlIsSummarisedAndReadBack(@TempDir Path dir) throws Exception {
        List<RemedyStudy.Run> runs = List.of(
                new RemedyStudy.Run("ring", "plain", 1, 10, 0, 8, 0, Double.POSITIVE_INFINITY, 100, false),
                new RemedyStudy.Run("ring", "plain", 2, 10, 1, 8, 40, 2.08, 100, false));
        Path csv = dir.resolve("runs.csv");
        Files.writeString(csv, RemedyStudy.csv(RemedyStudy.toTable(runs)));
        Table back = RemedyStudy.readRuns(csv);
        assertEquals(Double.POSITIVE_INFINITY, back.doubleColumn("reverse_kl").getDouble(0));
        Table s = RemedyStudy.summary(back);
        assertTrue(RemedyStudy.markdown(s).contains("∞"), RemedyStudy.markdown(s));
        Charts.image(Charts.remedyStudy(s, "reverse_kl", "kl"));
        RemedyStudy.main(new String[] {"--summarise", csv.toString(), "--out", dir.resolve("again").toString()});
        assertTrue(Files.exists(dir.resolve("again").resolve("modes.png")));
    }
}
