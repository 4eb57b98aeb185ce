package org.modecollapselab.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.gan.TrainingOptions;
import org.modecollapselab.gan.TrainingResult;
import org.modecollapselab.metric.CoverageThresholds;
import org.modecollapselab.metric.ModeCoverage;

class ChartsTest {
    @TempDir
    Path dir;

    @Test
    void chartsHaveTheExpectedSeriesAndRender() throws Exception {
        var data = TemperatureData.aliceSpringsAndSouthPole();
        Gan gan = Gan.create(data, GanConfig.temperatureCollapse().withBatchSize(16));
        TrainingResult r = gan.train(20, TrainingOptions.forSteps(20).withSnapshotEvery(5).withSnapshotSize(100));
        double[] real = data.sample(500, 1L);

        XYChart h = Charts.histogram(real, r.lastSnapshot().values(), 40, "t", "°C");
        assertEquals(List.of("real", "generated"), List.copyOf(h.getSeriesMap().keySet()));
        XYChart s = Charts.snapshot(real, r.lastSnapshot(), 40, "°C");
        assertEquals(3, s.getSeriesMap().size());
        var report = ModeCoverage.evaluate(r.lastSnapshot().samples(), data.modes(), CoverageThresholds.standard());
        CategoryChart c = Charts.modeCoverage(report, "coverage");
        assertEquals(List.of("real data", "generated"), List.copyOf(c.getSeriesMap().keySet()));
        assertTrue(c.getTitle().contains(report.verdict().label()));
        XYChart l = Charts.losses(r.history(), "losses");
        assertTrue(l.getSeriesMap().containsKey("discriminator loss"));
        XYChart t = Charts.modeTimeline(r.timeline(data.modes(), CoverageThresholds.standard()), "timeline");
        assertEquals(List.of(TemperatureData.COLD, TemperatureData.HOT, "off-mode"), List.copyOf(t.getSeriesMap().keySet()));
        assertEquals(4, t.getSeriesMap().get("off-mode").getXData().length);

        BufferedImage img = Charts.image(t);
        assertEquals(Charts.WIDTH, img.getWidth());
        assertEquals(Charts.HEIGHT, img.getHeight());
        List<Path> files = Charts.save(t, dir.resolve("figs/timeline"));
        byte[] png = Files.readAllBytes(files.get(0));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        assertTrue(Files.readString(files.get(1)).contains("<svg"));
        try (var list = Files.list(dir.resolve("figs"))) {
            assertEquals(2, list.count(), "no temporary files are left behind");
        }
    }

    @Test
    void scatterMarksModeCentres() throws Exception {
        var ring = org.modecollapselab.data.GaussianMixture.pacganRing();
        XYChart c = Charts.scatter(ring.sample(300, 1L), new double[][] {{1, 0}, {0.9, 0.1}}, ring.modes(), "ring");
        assertEquals(List.of("real", "generated", "mode centres"), List.copyOf(c.getSeriesMap().keySet()));
        assertEquals(8, c.getSeriesMap().get("mode centres").getXData().length);
        assertEquals(300, c.getSeriesMap().get("real").getXData().length);
        assertEquals(Charts.WIDTH, Charts.image(c).getWidth());
        assertEquals("modes must be 2-D for a scatter plot, was 1-D", assertThrows(IllegalArgumentException.class,
                () -> Charts.scatter(new double[][] {{0, 0}}, new double[][] {{0, 0}},
                        TemperatureData.aliceSpringsAndSouthPole().modes(), "t")).getMessage());
    }

    @Test
    void badInputIsNamed() {
        assertEquals("bins must be >= 2, was 1", assertThrows(IllegalArgumentException.class,
                () -> Charts.histogram(new double[] {1}, new double[] {2}, 1, "t", "x")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Charts.losses(tech.tablesaw.api.Table.create("h"), "t")).getMessage()
                .contains("history must have a column 'step'"));
    }

    @Test
    void ringResponseShowsSamplesModesAndDiscriminator() {
        var ring = org.modecollapselab.data.GaussianMixture.teachingRing();
        Gan gan = Gan.create(ring, GanConfig.ringCollapse().withBatchSize(16));
        gan.train(5);
        double[][] circle = Charts.circle(2.0, 90);
        double[] angles = new double[90];
        for (int i = 0; i < 90; i++) {
            angles[i] = 4 * i;
            assertEquals(4 * i, Charts.angleDegrees(circle[i]), 1e-9);
        }
        double[] d = gan.discriminatorProbability(circle);
        XYChart c = Charts.ringResponse(gan.sample(200, 1L), ring.modes(), angles, d, "ring");
        assertTrue(c.getSeriesMap().containsKey("generated"));
        assertTrue(c.getSeriesMap().containsKey("modes"));
        assertEquals(1 + 8 + 1, c.getSeriesMap().size());   // samples, one line per mode, D
        assertEquals(720, Charts.image(c).getWidth());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Charts.ringResponse(new double[][] {{1, 0}}, ring.modes(), angles, new double[3], "x")).getMessage()
                .contains("dProb must have one value per angle (90), was 3"));
    }

    @Test
    void valueFieldShowsTheGeneratedSamplesItsLegendLists() {
        // A critic whose G went far below the ring (notebook 07's WGAN-GP): the field widens to take in its samples.
        var ring = org.modecollapselab.data.GaussianMixture.teachingRing();
        Gan gan = Gan.create(ring, GanConfig.ringCollapse().withBatchSize(16));
        double[][] far = new double[50][];
        for (int i = 0; i < far.length; i++) {
            far[i] = new double[] {0.1 * (i % 5) - 0.2, -5 - 0.2 * i};   // y from -5 to -14.8
        }
        XYChart c = Charts.valueField(gan, far, "far");
        assertTrue(c.getSeriesMap().containsKey("generated"), c.getSeriesMap().keySet().toString());
        double yMin = c.getStyler().getYAxisMin();
        assertTrue(yMin <= -14.8, "the view reaches the lowest sample, -14.8: its y axis starts at " + yMin);
        assertTrue(c.getStyler().getYAxisMax() >= 2.0, "and still holds the ring's top mode (y = 2)");
        // A sample beyond reach (more than twice the modes' extent away) is counted in the legend, not hidden.
        double[][] withOutlier = java.util.Arrays.copyOf(far, far.length + 1);
        withOutlier[far.length] = new double[] {0, -1000};
        XYChart o = Charts.valueField(gan, withOutlier, "outlier");
        assertTrue(o.getSeriesMap().containsKey("generated (1 of 51 outside the view)"), o.getSeriesMap().keySet().toString());
        assertTrue(o.getStyler().getYAxisMin() > -100, "one far sample does not shrink the field");
        // The low-level chart counts too.
        XYChart low = Charts.valueField(new double[] {0, 1}, new double[] {0, 1}, new double[][] {{0, 1}, {1, 0}}, "v",
                false, new double[][] {{0.5, 0.5}, {5, 5}}, ring.modes(), "t");
        assertTrue(low.getSeriesMap().containsKey("generated (1 of 2 outside the view)"), low.getSeriesMap().keySet().toString());
    }

    @Test
    void modeCoverageOfTwentyFiveModesSetsItsLabelsUpright() {
        var grid = org.modecollapselab.data.GaussianMixture.teachingGrid();
        var report = ModeCoverage.evaluate(grid.sample(500, 1L), grid.modes(), CoverageThresholds.veegan());
        CategoryChart c = Charts.modeCoverage(report, "grid");
        assertEquals(90, c.getStyler().getXAxisLabelRotation(), "26 labels side by side overlap: they stand upright");
        assertEquals(org.knowm.xchart.style.Styler.LegendPosition.OutsideS, c.getStyler().getLegendPosition(),
                "the legend sits below the plot, where it hides no bar");
        assertEquals(26, c.getSeriesMap().get("generated").getXData().size());
        var temps = TemperatureData.aliceSpringsAndSouthPole();
        var two = ModeCoverage.evaluate(temps.sample(200, 1L), temps.modes(), CoverageThresholds.standard());
        assertEquals(0, Charts.modeCoverage(two, "two").getStyler().getXAxisLabelRotation(), "three labels stay level");
        assertEquals(Charts.WIDTH, Charts.image(c).getWidth());
    }
}
