package org.modecollapselab.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.modecollapselab.data.GaussianMixture;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class SeveralGanChartsTest {

    @Test
    void modesByGeneratorsPlotsTheMeanShareWithStandardErrors() {
        // ring: seeds capture 1,2,4 and 1,4,6 of 8 modes after 1..3 generators
        XYChart c = SeveralGanCharts.modesByGenerators("growth", List.of("ring"),
                List.<double[][]>of(new double[][] {{1, 2, 4}, {1, 4, 6}}), new int[] {8});
        var s = c.getSeriesMap().get("ring (8 modes)");
        assertNotNull(s);
        assertArrayEquals(new double[] {1, 2, 3}, s.getXData(), 0);
        assertArrayEquals(new double[] {12.5, 37.5, 62.5}, s.getYData(), 1e-12);
        assertArrayEquals(new double[] {0, 12.5, 12.5}, s.getExtraValues(), 1e-12);   // s.e. of (2, 4)/8 → 12.5%
        BufferedImage img = Charts.image(c);
        assertEquals(Charts.WIDTH, img.getWidth());
        assertEquals("names, captured and totals must have the same length (one entry per data set, at least one), were 1, 0 and 1",
                assertThrows(IllegalArgumentException.class, () -> SeveralGanCharts.modesByGenerators("g",
                        List.of("ring"), List.<double[][]>of(), new int[] {8})).getMessage());
    }

    @Test
    void componentsGetASeriesEach() {
        var ring = GaussianMixture.teachingRing();
        XYChart c = SeveralGanCharts.components(ring.sample(100, 1L), List.of(ring.sample(10, 2L), ring.sample(10, 3L)),
                List.of("generator 1", "generator 2"), ring.modes(), "parts");
        assertEquals(List.of("real", "generator 1", "generator 2", "mode centres"),
                List.copyOf(c.getSeriesMap().keySet()));
        assertEquals("components and names must have the same length (one component per name), was 2 components "
                + "and 1 names", assertThrows(IllegalArgumentException.class,
                () -> SeveralGanCharts.components(new double[0][], List.of(new double[0][], new double[0][]),
                        List.of("a"), ring.modes(), "x")).getMessage());
    }

    @Test
    void studyChartsShowHops() {
        Table summary = Table.create("summary", StringColumn.create("dataset", "ring", "ring"),
                StringColumn.create("remedy", "plain", "replay f=1.0"), IntColumn.create("modes_total", 8, 8),
                DoubleColumn.create("hops_mean", 110, 34), DoubleColumn.create("hops_se", 6, 1));
        CategoryChart c = Charts.remedyStudy(summary, "hops", "hops");
        assertEquals(List.of(110.0, 34.0), c.getSeriesMap().get("ring").getYData().stream()
                .map(Number::doubleValue).toList());
        assertEquals("hops of the dominant mode", c.getYAxisTitle());
    }
}
