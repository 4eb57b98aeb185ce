package org.modecollapselab.study;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modecollapselab.gan.Method;
import org.modecollapselab.plot.Charts;
import org.modecollapselab.catalog.Remedies;
import org.modecollapselab.remedy.packing.Packing;
import tech.tablesaw.api.Table;

class StudyTest {

    @Test
    void remedyNamesParseAndBadOnesAreNamed() {
        assertEquals("plain", Remedies.parse("plain").label());
        assertTrue(Remedies.parse("plain").neutral());
        assertEquals("packing m=2", Remedies.parse("packing:2").label());
        assertTrue(Remedies.parse("packing:1").neutral(), "packs of one are the plain GAN");
        assertFalse(Remedies.parse("packing:2").neutral());
        assertEquals("unrolled k=10 (exact)", Remedies.parse("unrolled:10").label());
        assertEquals("unrolled k=5 (first-order)", Remedies.parse("unrolled-first-order").label());
        assertEquals("hybrid FM w=0.5", Remedies.parse("hybrid").label());
        assertEquals("minibatch B=8", Remedies.parse("minibatch").label());
        assertEquals(1, ((Method.OneGan) Remedies.parse("packing:2")).remedies().size());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Remedies.parse("dropconnect")).getMessage()
                .contains("was 'dropconnect'"));
        assertEquals("packSize must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> Remedies.parse("packing:0")).getMessage());
        assertEquals("remedy 'unrolled:x' must have a number after ':', was 'x'",
                assertThrows(IllegalArgumentException.class, () -> Remedies.parse("unrolled:x")).getMessage());
        assertEquals("remedy 'plain:3' takes no argument after ':', was '3'",
                assertThrows(IllegalArgumentException.class, () -> Remedies.parse("plain:3")).getMessage());
        assertEquals(400, Packing.pacgan(4, 100).adjust(StudyCase.named("pacgan-ring").config()).batchSize());
        assertEquals("GAN", Packing.pacgan(1, 100).label());
        assertTrue(Packing.pacgan(1, 100).neutral());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StudyCase.named("moons")).getMessage()
                .contains("was 'moons'"));
    }

    static Study.Run run(String method, boolean baseline, int seed, int captured, double hq, double kl, double sps,
                         boolean diverged, int hops) {
        return new Study.Run("ring", method, baseline, seed, 10, captured, 8, hq, kl, sps, diverged, hops, null);
    }

    @Test
    void summaryIsMeanAndStandardErrorPerGroupAgainstTheFlaggedBaseline() {
        List<Study.Run> runs = List.of(
                run("packing m=4", false, 1, 8, 30, 0.1, 100, false, 0),
                run("packing m=4", false, 2, 0, Double.NaN, Double.NaN, Double.NaN, true, 0),
                run("my baseline", true, 1, 1, 50, 2.0, 100, false, 2),
                run("my baseline", true, 2, 3, 70, 1.0, 300, false, 4));
        Table s = StudyReport.summary(StudyReport.table(runs));
        assertEquals(2, s.rowCount());
        assertEquals(2.0, s.doubleColumn("modes_mean").get(1), 1e-12);
        assertEquals(1.0, s.doubleColumn("modes_se").get(1), 1e-12);           // sd √2 / √2
        assertEquals(60.0, s.doubleColumn("high_quality_pct_mean").get(1), 1e-12);
        assertEquals(3.0, s.doubleColumn("hops_mean").get(1), 1e-12);
        assertEquals(200.0, s.doubleColumn("steps_per_s").get(1), 1e-12);
        assertEquals(4.0, s.doubleColumn("modes_mean").get(0), 1e-12);         // a diverged run counts 0 modes
        assertEquals(1, s.intColumn("diverged").get(0));
        assertEquals(0.5, s.doubleColumn("speed_vs_plain").get(0), 1e-12);    // against the baseline, by flag
        String md = StudyReport.markdown(s);
        assertTrue(md.contains("| ring | my baseline | 2 | 2.0 ± 1.0 / 8 | 60.0 ± 10.0 | 1.50 ± 0.50 | 3.0 ± 1.0 | 200 | 1.00 |"),
                md);
        assertTrue(md.contains("2 (1 diverged)"), md);
        assertEquals(2, Charts.remedyStudy(s, "modes", "t").getSeriesMap().values().iterator().next()
                .getXData().size());
    }

    /** A real (tiny) study end to end: runs, files, chart. */
    @Test
    void studyWritesItsFiles(@TempDir Path dir) throws Exception {
        StudyCommand.main(new String[] {"--remedies", "plain,packing:2", "--datasets", "temperature", "--seeds", "2",
            "--steps", "50", "--out", dir.toString()});
        for (String f : List.of("runs.csv", "summary.csv", "summary.md", "modes.png", "modes.svg", "high-quality.png")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        Table runs = StudyReport.readRuns(dir.resolve("runs.csv"));
        assertEquals(4, runs.rowCount());
        assertEquals(List.of("yes", "yes", "no", "no"), runs.stringColumn("baseline").asList());
        assertTrue(Files.readString(dir.resolve("summary.md")).contains("packing m=2"));
    }

    /** The cost preset times knob settings too, by either clock; a bad clock is named. */
    @Test
    void costTimesKnobSettingsByEitherClock() throws Exception {
        var cases = List.of(StudyCase.named("temperature"));
        var methods = List.of(Remedies.parse("plain"), Remedies.parse("dropout:0.2"));
        String md = StudyCommand.cost(cases, methods, 5, org.modecollapselab.bench.StepTimer.Clock.THREAD_CPU);
        assertTrue(md.contains("CPU time") && md.contains("| temperature | D dropout 0.2 |"), md);
        assertEquals("--clock must be wall or cpu, was 'sundial'", assertThrows(IllegalArgumentException.class,
                () -> StudyCommand.main(new String[] {"--preset", "cost", "--clock", "sundial"})).getMessage());
    }

    /** Every argument is checked before any run trains: a bad remedy setting for one data set fails at once. */
    @Test
    void everyRunIsCheckedBeforeAnyTrains() {
        int[] trained = {0};
        Method counting = new Method() {
            @Override
            public String label() {
                return "counting";
            }

            @Override
            public boolean neutral() {
                return true;
            }

            @Override
            public void check(org.modecollapselab.data.DataSource data, org.modecollapselab.config.GanConfig config) {
            }

            @Override
            public Trained train(org.modecollapselab.data.DataSource data, org.modecollapselab.config.GanConfig config,
                                 int steps, org.modecollapselab.gan.TrainingOptions options) {
                trained[0]++;
                return Method.plain().train(data, config, steps, options);
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Study.runs(
                List.of(StudyCase.named("temperature").withSteps(20), StudyCase.named("ring").withSteps(20)),
                List.of(counting, Method.of(new Packing(3))), 2, 1, Study.Protocol.standard(), null));
        assertEquals("batchSize must be a multiple of packSize (3), was 64", e.getMessage());
        assertEquals(0, trained[0], "no run should have trained");
        assertEquals(4, Study.runs(List.of(StudyCase.named("temperature").withSteps(20)), List.of(counting), 4, 2,
                Study.Protocol.standard(), null).size());
        assertEquals(4, trained[0]);
    }

    /** A group with an infinite reverse KL (no high-quality sample) survives the CSV round trip, summary and chart. */
    @Test
    void infiniteKlIsSummarisedAndReadBack(@TempDir Path dir) throws Exception {
        List<Study.Run> runs = List.of(
                run("plain", true, 1, 0, 0, Double.POSITIVE_INFINITY, 100, false, 1),
                run("plain", true, 2, 1, 40, 2.08, 100, false, 0));
        Path csv = dir.resolve("runs.csv");
        Files.writeString(csv, StudyReport.csv(StudyReport.table(runs)));
        Table back = StudyReport.readRuns(csv);
        assertEquals(Double.POSITIVE_INFINITY, back.doubleColumn("reverse_kl").getDouble(0));
        Table s = StudyReport.summary(back);
        assertTrue(StudyReport.markdown(s).contains("∞"), StudyReport.markdown(s));
        Charts.image(Charts.remedyStudy(s, "reverse_kl", "kl"));
        StudyCommand.main(new String[] {"--summarise", csv.toString(), "--out", dir.resolve("again").toString()});
        assertTrue(Files.exists(dir.resolve("again").resolve("modes.png")));
    }

    /** runs.csv is read as written: a data set called NA is a data set, a diverged run's empty cells are NaN. */
    @Test
    void runsAreReadAsWrittenAndMalformedRowsListed(@TempDir Path dir) throws Exception {
        List<Study.Run> runs = List.of(
                new Study.Run("NA", "plain", true, 1, 10, 2, 8, 50, 0.5, 100, false, 1, null),
                new Study.Run("NA", "plain", true, 2, 10, 0, 8, Double.NaN, Double.NaN, Double.NaN, true, 0, null));
        Path csv = dir.resolve("runs.csv");
        Files.writeString(csv, StudyReport.csv(StudyReport.table(runs)));
        Table back = StudyReport.readRuns(csv);
        assertEquals(List.of("NA", "NA"), back.stringColumn("dataset").asList());
        assertTrue(Double.isNaN(back.doubleColumn("reverse_kl").getDouble(1)));
        assertEquals(1, StudyReport.summary(back).intColumn("diverged").get(0));
        List<String> lines = Files.readAllLines(csv);
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, String.join("\n", lines.get(0), lines.get(1).replace(",1,10,", ",one,10,"),
                lines.get(2) + ",extra", lines.get(1).replace(",no,", ",maybe,")) + "\n");
        String m = assertThrows(IllegalArgumentException.class, () -> StudyReport.readRuns(bad)).getMessage();
        assertTrue(m.contains("line 3 has 13 fields, the header 12"), m);
        Files.writeString(bad, String.join("\n", lines.get(0), lines.get(1).replace(",1,10,", ",one,10,"),
                lines.get(1).replaceFirst(",no,", ",maybe,")) + "\n");
        m = assertThrows(IllegalArgumentException.class, () -> StudyReport.readRuns(bad)).getMessage();
        assertTrue(m.contains("line 2: 'seed' is 'one', not a whole number"), m);
        assertTrue(m.contains("line 3: 'diverged' is 'maybe', not yes or no") || m.contains("line 3: 'baseline'"), m);
    }

    /** The study command checks every argument before any work: nothing is trained or written when one is wrong. */
    @Test
    void theCommandChecksEveryArgumentFirst(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Files.writeString(dir.resolve("a-file"), "x");
        for (String[] args : List.of(
                new String[] {"--datasets", "temperature,moons", "--steps", "5", "--out", out.toString()},
                new String[] {"--remedies", "plain,packing:0", "--steps", "5", "--out", out.toString()},
                new String[] {"--remedies", "plain,plain", "--datasets", "temperature", "--out", out.toString()},
                new String[] {"--remedies", "plain,,packing", "--out", out.toString()},
                new String[] {"--seeds", "2", "--seeds", "3", "--out", out.toString()},
                new String[] {"--seeds", "0", "--out", out.toString()},
                new String[] {"--steps", "many", "--out", out.toString()},
                new String[] {"--preset", "pacgan-table1", "--remedies", "plain", "--out", out.toString()},
                new String[] {"--remedies", "packing:3", "--datasets", "temperature", "--out", out.toString()},
                new String[] {"--out", dir.resolve("a-file").resolve("x").toString()},
                new String[] {"--summarise", dir.resolve("missing.csv").toString(), "--out", out.toString()},
                new String[] {"--frobnicate", "1"})) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StudyCommand.main(args),
                    String.join(" ", args));
            assertTrue(e.getMessage().contains("must"), e.getMessage());
            assertFalse(Files.exists(out), String.join(" ", args) + " wrote " + out);
        }
        assertEquals("methods must have distinct labels, was 'plain' twice (methods[0] and methods[1])",
                assertThrows(IllegalArgumentException.class, () -> StudyCommand.main(new String[] {"--remedies",
                    "plain,plain", "--datasets", "temperature", "--out", out.toString()})).getMessage());
        assertEquals("args must give each option once, was --seeds twice", assertThrows(IllegalArgumentException.class,
                () -> StudyCommand.main(new String[] {"--seeds", "2", "--seeds", "3"})).getMessage());
    }

    /** A seed study checks its arguments (and every run's) before the first seed trains. */
    @Test
    void seedStudiesAndStudiesRefuseBadLineUpsFirst() {
        var data = org.modecollapselab.data.TemperatureData.aliceSpringsAndSouthPole();
        var config = org.modecollapselab.config.GanConfig.temperatureCollapse();
        var th = org.modecollapselab.metric.CoverageThresholds.standard();
        assertEquals("label must not be blank, was ' '", assertThrows(IllegalArgumentException.class,
                () -> SeedStudy.run(data, config, " ", 2, 10, th)).getMessage());
        assertEquals("batchSize must be a multiple of packSize (3), was 64", assertThrows(
                IllegalArgumentException.class, () -> SeedStudy.run(data, config, List.of(new Packing(3)), "p", 2, 10,
                        th)).getMessage());
        StudyCase t = StudyCase.named("temperature").withSteps(5);
        assertEquals("cases must have distinct names, was 'temperature' twice (cases[0] and cases[1])",
                assertThrows(IllegalArgumentException.class, () -> Study.runs(List.of(t, t), List.of(Method.plain()), 1))
                        .getMessage());
    }
}
