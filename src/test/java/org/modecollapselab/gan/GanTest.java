package org.modecollapselab.gan;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.nn.Mlp;
import org.nd4j.linalg.api.buffer.DataType;
import tech.tablesaw.api.Table;

class GanTest {
    static GanConfig small() {
        return GanConfig.temperatureCollapse().withGeneratorHidden(8).withDiscriminatorHidden(16).withBatchSize(32);
    }

    @Test
    void sameSeedSameNumbers() {
        Gan a = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), small().withSeed(3));
        Gan b = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), small().withSeed(3));
        Gan c = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), small().withSeed(4));
        for (int i = 0; i < 25; i++) {
            StepStats sa = a.step();
            StepStats sb = b.step();
            assertEquals(sa, sb);
            c.step();
        }
        assertEquals(a.generator().parameters(), b.generator().parameters());
        assertEquals(a.discriminator().parameters(), b.discriminator().parameters());
        assertNotEquals(a.generator().parameters(), c.generator().parameters());
        assertArrayEquals(a.sample(10, 1)[3], b.sample(10, 1)[3]);
    }

    @Test
    void trainingRecordsHistoryAndSnapshots() {
        Gan g = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), small());
        List<Integer> seen = new ArrayList<>();
        TrainingResult r = g.train(40, TrainingOptions.forSteps(40).withHistoryEvery(10).withSnapshotEvery(15)
                .withSnapshotSize(50).withListener(new TrainingListener() {
                    @Override
                    public void onStep(Gan gan, StepStats s) {
                        seen.add(s.step());
                    }
                }));
        assertEquals(40, seen.size());
        assertEquals(1, r.firstStep());
        assertEquals(40, r.lastStep());
        Table h = r.history();
        assertEquals(List.of("step", "d_loss", "g_loss", "d_real", "d_fake", "seconds"), h.columnNames());
        assertEquals(List.of(10, 20, 30, 40), h.intColumn("step").asList());
        assertEquals(List.of(15, 30, 40), r.snapshots().stream().map(Snapshot::step).toList());
        assertEquals(50, r.lastSnapshot().samples().length);
        assertEquals(200, r.lastSnapshot().probeD().length);
        TrainingResult more = g.train(5);
        assertEquals(41, more.firstStep());
        assertEquals(45, g.stepsDone());
    }

    @Test
    void trainsOnTwoDimensionalDataWithThePacganArchitecture() {
        var ring = org.modecollapselab.data.GaussianMixture.pacganRing();
        GanConfig c = GanConfig.pacgan2d().withGeneratorHidden(16, 16).withDiscriminatorHidden(8).withBatchSize(20);
        Gan g = Gan.create(ring, c);
        assertTrue(g.generator().spec().batchNorm());
        assertEquals(5, g.discriminator().spec().maxoutPieces());
        TrainingResult r = g.train(6, TrainingOptions.forSteps(6).withSnapshotEvery(3).withSnapshotSize(40));
        assertEquals(40, r.lastSnapshot().samples().length);
        assertEquals(2, r.lastSnapshot().samples()[7].length);
        assertEquals(0, r.lastSnapshot().probeX().length, "no D(x) probe for 2-D data");
        double[][] s = g.sample(10, 3);
        assertEquals(2, s[9].length);
        assertNotEquals(s[0][0], s[0][1]);
        assertEquals(8, r.timeline(ring.modes(), org.modecollapselab.metric.CoverageThresholds.veegan())
                .reports().get(0).modes());
    }

    @Test
    void hooksRunInOrderAndTheirGradientsAreApplied() {
        GanConfig cfg = small().withDataType(DataType.DOUBLE)
                .withDiscriminatorOptimizer(OptimizerSpec.sgd(0.1)).withGeneratorOptimizer(OptimizerSpec.sgd(0.1));
        List<String> calls = new ArrayList<>();
        StepHook pushFirstWeight = new StepHook() {
            @Override
            public void beforeStep(Gan gan, int step) {
                calls.add("before" + step);
            }

            @Override
            public double discriminatorTerms(DiscriminatorBatch b) {
                calls.add("d" + b.step());
                b.discriminator().gradients().putScalar(0, b.discriminator().gradients().getDouble(0) + 5.0);
                return 100;
            }

            @Override
            public double generatorTerms(GeneratorBatch b) {
                calls.add("g" + b.step());
                assertEquals(b.fake().shape()[0], b.fakeGradient().shape()[0]);
                return 1000;
            }

            @Override
            public void afterStep(Gan gan, StepStats s) {
                calls.add("after" + s.step());
            }
        };
        Gan plain = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), cfg);
        Gan hooked = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), cfg, pushFirstWeight);
        StepStats sp = plain.step();
        StepStats sh = hooked.step();
        assertEquals(List.of("before1", "d1", "g1", "after1"), calls);
        assertEquals(sp.discriminatorLoss() + 100, sh.discriminatorLoss(), 1e-9);
        // G's own loss differs slightly (D moved differently), the hook's 1000 is added on top of it.
        assertTrue(sh.generatorLoss() > 1000 && sh.generatorLoss() < 1000 + 2 * sp.generatorLoss(), "" + sh);
        Mlp dp = plain.discriminator();
        Mlp dh = hooked.discriminator();
        assertEquals(dp.parameters().getDouble(0) - 0.1 * 5.0, dh.parameters().getDouble(0), 1e-12);
        assertEquals(dp.parameters().getDouble(1), dh.parameters().getDouble(1), 1e-15);
    }

    @Test
    void divergenceStopsWithTheStepAndLastFiniteLosses() {
        StepHook poison = new StepHook() {
            @Override
            public double discriminatorTerms(DiscriminatorBatch b) {
                if (b.step() == 4) {
                    b.discriminator().gradients().putScalar(0, Double.NaN);
                }
                return 0;
            }
        };
        Gan g = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), small(), poison);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> g.train(10));
        assertEquals(4, e.step());
        assertEquals(3, e.lastFinite().step());
        assertTrue(e.getMessage().startsWith("Training diverged at step 4: D loss "), e.getMessage());
        assertTrue(e.getMessage().contains("Last finite losses at step 3: D loss "), e.getMessage());
    }

    @Test
    void badConfigIsNamed() {
        assertEquals("batchSize must be >= 2, was 0",
                assertThrows(IllegalArgumentException.class, () -> small().withBatchSize(0)).getMessage());
        assertEquals("generatorHidden[0] must be >= 1, was -4",
                assertThrows(IllegalArgumentException.class, () -> small().withGeneratorHidden(-4)).getMessage());
        assertEquals("discriminatorSteps must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> small().withDiscriminatorSteps(0)).getMessage());
        assertEquals("latentDim must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> small().withLatentDim(0)).getMessage());
        assertEquals("dataType must be FLOAT or DOUBLE, was HALF",
                assertThrows(IllegalArgumentException.class, () -> small().withDataType(DataType.HALF)).getMessage());
        Gan g = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), small());
        assertEquals("steps must be >= 1, was 0", assertThrows(IllegalArgumentException.class, () -> g.train(0)).getMessage());
    }
}
