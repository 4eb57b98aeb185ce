package org.modecollapselab.remedy.packing;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.study.SeedStudy;
import org.modecollapselab.remedy.RemedyAssertions;
import org.modecollapselab.metric.CoverageThresholds;
import tech.tablesaw.api.Table;

class PackingTest {

    @Test
    void packSizeOneIsThePlainGanExactly() {
        RemedyAssertions.assertSameAsPlainGan(new Packing(1), 5);
    }

    @Test
    void discriminatorJudgesPacks() {
        Gan g = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), GanConfig.temperatureCollapse(), new Packing(4));
        assertEquals(4, g.discriminator().inputs());
        assertFalse(g.judgesSingleSamples());
        g.train(5);   // snapshots skip D's response, which is undefined for single values
        assertThrows(IllegalStateException.class, () -> g.discriminatorProbability(new double[] {0}));
    }

    @Test
    void badPackSizesAreNamed() {
        assertEquals("packSize must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> new Packing(0)).getMessage());
        assertEquals("batchSize must be a multiple of packSize (3), was 64", assertThrows(IllegalArgumentException.class,
                () -> Gan.create(TemperatureData.aliceSpringsAndSouthPole(), GanConfig.temperatureCollapse(),
                        new Packing(3))).getMessage());
    }

    /** Over seeds 1–4, packs of 8 turn the collapse preset's complete collapse into coverage of both modes. */
    @Test
    void packingRaisesModeCoverageWhereThePlainGanCollapses() {
        var data = TemperatureData.aliceSpringsAndSouthPole();
        CoverageThresholds th = CoverageThresholds.standard();
        Table plain = SeedStudy.run(data, GanConfig.temperatureCollapse(), "plain", 4, 1200, th);
        Table packed = SeedStudy.run(data, GanConfig.temperatureCollapse(), List.of(new Packing(8)), "pack 8", 4,
                1200, th);
        System.out.println(plain.printAll());
        System.out.println(packed.printAll());
        double plainModes = plain.intColumn("modes_covered").mean();
        double packedModes = packed.intColumn("modes_covered").mean();
        assertTrue(plainModes <= 1.25, "the plain GAN should collapse here, mean modes covered " + plainModes);
        assertTrue(packedModes >= plainModes + 0.75, "packing: mean modes covered " + packedModes + " vs plain " + plainModes);
        assertTrue(SeedStudy.collapsedCount(packed) <= 1, "packing collapsed in " + SeedStudy.collapsedCount(packed) + "/4");
    }

    /** Seeds 1–3, 500 steps on the ring: packs of 4 raise the modes captured. */
    @Test
    void packingRaisesModeCoverageOnTheRing() {
        RemedyAssertions.assertRaisesRingCoverage(new Packing(4), 3, 500, 3);
    }
}
