package org.modecollapselab.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.modecollapselab.data.ImageShape;
import org.modecollapselab.metric.ClassifierThresholds;
import org.modecollapselab.metric.CoverageReport;
import org.modecollapselab.metric.DigitCoverage;
import org.modecollapselab.metric.DigitCoverageTest;
import org.modecollapselab.metric.ModeTimeline;

class DigitChartsTest {
    @TempDir
    Path dir;

    /** A 28×28 image: background −1 with one white pixel at (row 5, column 9). */
    static double[] onePixel() {
        double[] x = new double[784];
        Arrays.fill(x, -1);
        x[5 * 28 + 9] = 1;
        return x;
    }

    @Test
    void aGridDrawsEachPixelSharpAndSavesAsPngAndSvg() throws Exception {
        double[][] images = new double[20][];
        Arrays.fill(images, onePixel());
        ImageGrid g = DigitCharts.grid(images, ImageShape.MNIST, 10, "twenty");
        BufferedImage img = Charts.image(g);
        assertEquals(g.getWidth(), img.getWidth());
        // Find the white pixel of the first image: white where it is, black beside it.
        int white = 0;
        int black = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                white += rgb == 0xFFFFFF ? 1 : 0;
                black += rgb == 0x000000 ? 1 : 0;
            }
        }
        assertTrue(black > 20 * 700, "the digits' black background is drawn: " + black);
        assertTrue(white > 0, "the white pixels are drawn");
        List<Path> files = Charts.save(g, dir.resolve("grid"));
        assertEquals((byte) 0x89, Files.readAllBytes(files.get(0))[0]);
        String svg = Files.readString(files.get(1));
        assertTrue(svg.contains("<svg") && svg.contains("<image"), "the SVG embeds the pixels");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DigitCharts.grid(new double[][] {{1, 2}},
                ImageShape.MNIST, 4, "t")).getMessage().contains("images[0] must have 784 coordinates, was 2"));
    }

    @Test
    void stackedImagesAreDrawnInColourOneChannelPerDigit() {
        double[] x = new double[2352];
        Arrays.fill(x, -1);
        Arrays.fill(x, 0, 784, 1);   // channel 0 (red) fully on
        ImageGrid g = DigitCharts.realAndGenerated(new double[][] {x}, new double[][] {x}, ImageShape.STACKED_MNIST, 4,
                "stacked");
        BufferedImage img = Charts.image(g);
        boolean red = false;
        for (int y = 0; y < img.getHeight() && !red; y++) {
            for (int xx = 0; xx < img.getWidth() && !red; xx++) {
                red = (img.getRGB(xx, y) & 0xFFFFFF) == 0xFF0000;
            }
        }
        assertTrue(red);
    }

    @Test
    void coverageShowsTenDigitsAndTheUnsureShare() {
        double[][] p = {DigitCoverageTest.row(1, 0.99), DigitCoverageTest.row(7, 0.95), DigitCoverageTest.row(3, 0.4)};
        CoverageReport r = DigitCoverage.digits(p, uniform(), ClassifierThresholds.digits());
        CategoryChart c = DigitCharts.coverage(r, "gen");
        assertEquals(List.of("real data (labels)", "generated"), List.copyOf(c.getSeriesMap().keySet()));
        assertEquals(11, c.getSeriesMap().get("generated").getXData().size());
        assertEquals("unsure", List.copyOf(c.getSeriesMap().get("generated").getXData()).get(10));
        assertEquals(Styler.LegendPosition.OutsideS, c.getStyler().getLegendPosition(), "the legend hides no bar");
        assertTrue(c.getTitle().contains("2/10 digits covered, 67% confident"), c.getTitle());
        assertTrue(DigitCharts.coverage(r, "real", "real digits").getSeriesMap().containsKey("real digits"));
        CategoryChart both = DigitCharts.coverage(r, r, "gen");
        assertTrue(both.getSeriesMap().containsKey("real digits (classifier)"));
        Charts.image(c);
        CoverageReport stacked = DigitCoverage.stacked(new double[][][] {p, p, p}, DigitCoverageTest.uniform(1000),
                ClassifierThresholds.stackedMnist());
        assertThrows(IllegalArgumentException.class, () -> DigitCharts.coverage(stacked, "x"));
    }

    private static double[] uniform() {
        double[] u = new double[10];
        Arrays.fill(u, 0.1);
        return u;
    }

    @Test
    void timelinesHaveALinePerDigitOrTheModesCovered() {
        double[][] ones = {DigitCoverageTest.row(1, 0.99), DigitCoverageTest.row(1, 0.99)};
        double[][] mixed = {DigitCoverageTest.row(1, 0.99), DigitCoverageTest.row(8, 0.99)};
        CoverageReport a = DigitCoverage.digits(ones, uniform(), ClassifierThresholds.digits());
        CoverageReport b = DigitCoverage.digits(mixed, uniform(), ClassifierThresholds.digits());
        ModeTimeline t = new ModeTimeline(new int[] {10, 20}, List.of(a, b));
        XYChart c = DigitCharts.timeline(t, "digits");
        assertEquals(11, c.getSeriesMap().size());
        assertArrayEquals(new double[] {1, 0.5}, c.getSeriesMap().get("digit 1").getYData());
        XYChart m = DigitCharts.coveredOverTraining(t, "covered");
        assertArrayEquals(new double[] {1, 2}, m.getSeriesMap().get("modes covered").getYData());
        Charts.image(c);
        Charts.image(m);
    }
}
