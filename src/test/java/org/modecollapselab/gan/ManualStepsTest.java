package org.modecollapselab.gan;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.GaussianMixture;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.remedy.featurematching.FeatureMatching;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.modecollapselab.step.StepStats;

/** Playing by hand: D's and G's updates one at a time, through the one step. */
class ManualStepsTest {
    static GanConfig small(int discriminatorSteps) {
        return GanConfig.temperatureCollapse().withGeneratorHidden(8).withDiscriminatorHidden(16).withBatchSize(32)
                .withDiscriminatorSteps(discriminatorSteps).withSeed(5);
    }

    static Gan temperature(GanConfig c) {
        return Gan.create(TemperatureData.aliceSpringsAndSouthPole(), c);
    }

    static List<StepStats> recorded(Gan g, int steps) {
        List<StepStats> out = new ArrayList<>();
        g.train(steps, new TrainingListener() {
            @Override
            public void onStep(Gan gan, StepStats s) {
                out.add(s);
            }
        });
        return out;
    }

    @Test
    void manualStepsMixedWithTrainingGiveTheSameNumbersAsTraining() {
        Gan trained = temperature(small(3));
        List<StepStats> reference = recorded(trained, 10);

        Gan mixed = temperature(small(3));
        List<StepStats> got = new ArrayList<>(recorded(mixed, 4));
        mixed.stepDiscriminator(1);
        assertEquals(1, mixed.discriminatorUpdatesInProgress());
        StepStats d = mixed.stepDiscriminator(2);
        assertEquals(5, d.step(), "the D updates belong to step 5, in progress");
        assertEquals(4, mixed.stepsDone());
        got.add(mixed.stepGenerator(1));
        assertEquals(0, mixed.discriminatorUpdatesInProgress());
        got.add(mixed.step());
        got.addAll(recorded(mixed, 4));

        assertEquals(reference, got);
        assertEquals(trained.generator().parameters(), mixed.generator().parameters());
        assertEquals(trained.discriminator().parameters(), mixed.discriminator().parameters());
    }

    @Test
    void manualStepsGoThroughTheRemediesHooks() {
        var ring = GaussianMixture.teachingRing();
        var config = GanConfig.ringCollapse().withGeneratorHidden(16).withDiscriminatorHidden(16).withBatchSize(64);
        Gan trained = Gan.create(ring, config, new FeatureMatching(0.5));
        trained.train(3);
        Gan manual = Gan.create(ring, config, new FeatureMatching(0.5));
        for (int i = 0; i < 3; i++) {
            manual.stepDiscriminator(1);
            manual.stepGenerator(1);
        }
        assertEquals(trained.generator().parameters(), manual.generator().parameters());
        assertEquals(trained.discriminator().parameters(), manual.discriminator().parameters());
        // A G update without a D update before it has no real batch: feature matching says so by name.
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> manual.stepGenerator(1));
        assertTrue(e.getMessage().contains("made no D update"), e.getMessage());
    }

    @Test
    void fiveDiscriminatorUpdatesThenOneGeneratorUpdateIsOneStep() {
        Gan plain = temperature(small(1));
        plain.step();
        Gan played = temperature(small(1));
        played.stepDiscriminator(5);
        assertEquals(0, played.stepsDone());
        INDArray gBefore = played.generator().parameters().dup();
        StepStats s = played.stepGenerator(1);
        assertEquals(1, s.step());
        assertEquals(1, played.stepsDone());
        assertNotEquals(gBefore, played.generator().parameters());
        assertNotEquals(plain.discriminator().parameters(), played.discriminator().parameters(),
                "five D updates move D further than one");
    }

    @Test
    void generatorUpdatesAloneLeaveTheDiscriminatorAlone() {
        Gan g = temperature(small(1));
        StepStats d = g.stepDiscriminator(1);
        INDArray dParams = g.discriminator().parameters().dup();
        StepStats last = g.stepGenerator(3);
        assertEquals(3, g.stepsDone());
        assertEquals(dParams, g.discriminator().parameters());
        assertEquals(d.discriminatorLoss(), last.discriminatorLoss(), "a step without D update reports D's latest");
        assertTrue(Double.isFinite(last.generatorLoss()));
    }

    @Test
    void badUseIsRefusedByName() {
        Gan g = temperature(small(1));
        assertEquals("k must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> g.stepDiscriminator(0)).getMessage());
        assertEquals("k must be >= 1, was -2",
                assertThrows(IllegalArgumentException.class, () -> g.stepGenerator(-2)).getMessage());
        assertTrue(assertThrows(IllegalStateException.class, () -> g.stepGenerator(1)).getMessage()
                .startsWith("stepGenerator needs a trained discriminator: D has had 0 updates"));
        g.stepDiscriminator(2);
        String m = assertThrows(IllegalStateException.class, () -> g.train(5)).getMessage();
        assertTrue(m.startsWith("train(...) needs the step in progress to be finished: D has made 2 update(s)"), m);
        assertThrows(IllegalStateException.class, g::step);
        assertEquals(0, g.stepsDone());
        g.stepGenerator(1);
        g.train(2);
        assertEquals(3, g.stepsDone());
    }
}
