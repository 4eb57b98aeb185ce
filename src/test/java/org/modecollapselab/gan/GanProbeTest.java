package org.modecollapselab.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.modecollapselab.catalog.Objectives;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.GaussianMixture;
import org.modecollapselab.data.TemperatureData;

/** The probe every chart asks: one grid rule, snapshots for any objective, fields equal to point-wise scores. */
class GanProbeTest {
    static GanConfig small() {
        return GanConfig.temperatureCollapse().withGeneratorHidden(8).withDiscriminatorHidden(16).withBatchSize(32);
    }

    @Test
    void snapshotsOfTheGanAsItIsNowAreTrainingsSnapshots() {
        Gan g = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), small());
        TrainingResult r = g.train(10, TrainingOptions.forSteps(10).withSnapshotEvery(10).withSnapshotSize(30));
        Snapshot now = g.probe().snapshot(30, small().seed() ^ 0x5EEDL);
        Snapshot last = r.lastSnapshot();
        assertEquals(last.step(), now.step());
        assertArrayEquals(last.probeX(), now.probeX());
        assertArrayEquals(last.probeD(), now.probeD());
        assertArrayEquals(last.samples()[7], now.samples()[7]);
        assertArrayEquals(g.probeGrid(200), g.probe().axis(0, 200));
        assertEquals(GanProbe.SNAPSHOT_GRID, now.probeX().length);
    }

    @Test
    void aCriticsSnapshotShowsItsValue() {
        Gan g = Objectives.parse("wgan-gp").create(TemperatureData.aliceSpringsAndSouthPole(), small());
        g.train(3, TrainingOptions.forSteps(3).withSnapshotSize(10));
        Snapshot s = g.probe().snapshot(20, 1);
        assertFalse(s.scoreIsProbability());
        assertArrayEquals(g.discriminatorScore(s.probeX()), s.probeD());
        assertThrows(IllegalStateException.class, () -> g.discriminatorProbability(s.probeX()));
    }

    @Test
    void aFieldIsTheScoreOfEveryPointOfTheGrid() {
        GaussianMixture ring = GaussianMixture.teachingRing();
        Gan g = Gan.create(ring, GanConfig.ringCollapse().withGeneratorHidden(8).withDiscriminatorHidden(8)
                .withBatchSize(32));
        g.train(3, TrainingOptions.forSteps(3).withSnapshotSize(10));
        double[] xs = g.probe().axis(0, 4);
        double[] ys = g.probe().axis(1, 3);
        double[][] field = g.probe().scoreField(xs, ys);
        assertEquals(3, field.length);
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                assertEquals(g.discriminatorScore(new double[][] {{xs[i], ys[j]}})[0], field[j][i], 1e-6);
            }
        }
        // The grid spans every mode ±4σ, widened by 10% on each side.
        double lo = -2 - 4 * 0.1;
        double hi = 2 + 4 * 0.1;
        double pad = GanProbe.PAD * (hi - lo);
        assertEquals(lo - pad, xs[0], 1e-12);
        assertEquals(hi + pad, xs[3], 1e-12);
        assertThrows(IllegalStateException.class, () -> Gan.create(TemperatureData.aliceSpringsAndSouthPole(),
                small()).probe().scoreField(xs, ys));
    }
}
