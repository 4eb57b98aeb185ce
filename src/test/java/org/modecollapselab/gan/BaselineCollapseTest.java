package org.modecollapselab.gan;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.modecollapselab.data.GaussianMixture1D;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.metric.CoverageThresholds;
import org.modecollapselab.study.SeedStudy;
import tech.tablesaw.api.Table;

/**
 * The statistical claim notebook 01 rests on: the plain GAN of {@link GanConfig#temperatureCollapse()} collapses
 * on the temperature data in most seeds, while {@link GanConfig#temperatureBalanced()} covers both modes in most
 * seeds, so the collapse comes from the settings, not from the data or the metric. Seeds 1..6 (fixed).
 */
class BaselineCollapseTest {
    static final int STEPS = Integer.getInteger("mcl.collapseTest.steps", 1200);
    static final int SEEDS = Integer.getInteger("mcl.collapseTest.seeds", 6);

    @Test
    void collapseSettingsCollapseInMostSeedsAndBalancedSettingsDoNot() {
        GaussianMixture1D data = TemperatureData.aliceSpringsAndSouthPole();
        CoverageThresholds th = CoverageThresholds.standard();
        Table collapse = SeedStudy.run(data, GanConfig.temperatureCollapse(), "collapse preset", SEEDS, STEPS, th);
        Table balanced = SeedStudy.run(data, GanConfig.temperatureBalanced(), "balanced preset", SEEDS, STEPS, th);
        System.out.println(collapse.printAll());
        System.out.println(balanced.printAll());
        int c = SeedStudy.collapsedCount(collapse);
        int b = SeedStudy.collapsedCount(balanced);
        assertEquals(SEEDS, collapse.rowCount());
        assertTrue(c >= Math.ceil(0.8 * SEEDS), "collapse preset collapsed in " + c + "/" + SEEDS + " seeds");
        assertTrue(b <= SEEDS / 3, "balanced preset collapsed in " + b + "/" + SEEDS + " seeds");
        // the collapse preset stays where it collapsed: hopping needs a weaker D (HoppingBaselineTest)
        int hopping = collapse.intColumn("hops").isGreaterThanOrEqualTo(2).size();
        assertTrue(hopping <= 1, "collapse preset hopped at least twice in " + hopping + "/" + SEEDS + " seeds");
    }
}
