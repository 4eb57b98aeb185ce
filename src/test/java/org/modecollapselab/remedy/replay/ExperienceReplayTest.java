package org.modecollapselab.remedy.replay;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.gan.Method;
import org.modecollapselab.step.DiscriminatorPhase;
import org.modecollapselab.step.Remedy;
import org.modecollapselab.remedy.RemedyAssertions;
import org.modecollapselab.step.Setup;
import org.modecollapselab.step.StepHook;
import org.modecollapselab.study.StudyCase;
import org.modecollapselab.util.NdArrays;

class ExperienceReplayTest {

    @Test
    void fractionZeroIsThePlainGanExactly() {
        RemedyAssertions.assertSameAsPlainGan(new ExperienceReplay(100, 1, 0), 3);
        RemedyAssertions.assertSameAsPlainGan(ExperienceReplay.of(0), 4);
    }

    /** A remedy after the replay that records, at each D update, the generated batch D trained on. */
    static final class Probe implements Remedy {
        final List<double[][]> fakes = new ArrayList<>();

        @Override
        public String label() {
            return "probe";
        }

        @Override
        public boolean neutral() {
            return false;
        }

        @Override
        public StepHook start(Setup setup) {
            return new StepHook() {
                @Override
                public double discriminatorTerms(DiscriminatorPhase phase) {
                    fakes.add(NdArrays.rows(phase.fake()));
                    return 0;
                }
            };
        }
    }

    @Test
    void theBufferFillsThenReplacesAndDSeesReplayedRows() {
        // capacity 100 with batches of 64 pushed every 2 steps: 64, 64 (full at 100), then random replacement
        ExperienceReplay replay = new ExperienceReplay(100, 2, 0.25);
        Probe probe = new Probe();
        Gan g = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), GanConfig.temperatureCollapse().withSeed(2),
                replay, probe);
        ExperienceReplay.Buffer buffer = (ExperienceReplay.Buffer) g.stateOf(replay);
        g.step();
        assertEquals(64, buffer.size());
        g.step();
        assertEquals(64, buffer.size());   // step 2 pushes nothing
        g.step();
        assertEquals(100, buffer.size());
        assertEquals(128, buffer.pushed());
        for (int i = 0; i < 4; i++) {
            g.step();
        }
        assertEquals(100, buffer.size());
        assertEquals(64 * 4, buffer.pushed());
        // at step 7, 16 of D's 64 generated rows (a quarter) are rows of the buffer, the rest G's fresh samples
        double[][] seen = probe.fakes.get(6);
        double[][] kept = buffer.contents();
        assertEquals(64, seen.length);
        for (int r = 0; r < 16; r++) {
            final double v = seen[r][0];
            assertTrue(java.util.Arrays.stream(kept).anyMatch(k -> k[0] == v), "row " + r + " should be replayed");
        }
    }

    @Test
    void badSettingsAreRefusedByName() {
        assertEquals("capacity must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> new ExperienceReplay(0, 1, 0.5)).getMessage());
        assertEquals("pushEvery must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> new ExperienceReplay(10, 0, 0.5)).getMessage());
        assertEquals("fraction must be in [0.0, 1.0], was 1.5",
                assertThrows(IllegalArgumentException.class, () -> ExperienceReplay.of(1.5)).getMessage());
        assertEquals("fraction must be in [0.0, 1.0], was -0.1",
                assertThrows(IllegalArgumentException.class, () -> ExperienceReplay.of(-0.1)).getMessage());
        assertEquals("fraction must be in [0.0, 1.0], was NaN",
                assertThrows(IllegalArgumentException.class, () -> ExperienceReplay.of(Double.NaN)).getMessage());
        assertEquals("fraction must replace at least one of the batch's 64 rows (fraction >= 0.0078125), was 0.001",
                assertThrows(IllegalArgumentException.class, () -> Gan.create(TemperatureData
                        .aliceSpringsAndSouthPole(), GanConfig.temperatureCollapse(), ExperienceReplay.of(0.001)))
                        .getMessage());
    }

    /**
     * On the hopping baseline (seeds 1–6, 2,000 steps) replaying all of D's fakes from the buffer cuts the hops by
     * more than a third on average and in most seeds; on the ring (seeds 1–3, 500 steps) it cuts them too.
     */
    @Test
    void replayingDsFakesFromTheBufferReducesHops() {
        Method replay = Method.of(ExperienceReplay.of(1.0));
        int[][] t = RemedyAssertions.compareHops(StudyCase.named("temperature-hopping"), replay, 6);
        double plain = RemedyAssertions.mean(t[0]);
        double replayed = RemedyAssertions.mean(t[1]);
        assertTrue(replayed <= plain * 2 / 3, "replay f=1: mean hops " + replayed + " vs plain " + plain);
        int fewer = 0;
        for (int s = 0; s < 6; s++) {
            fewer += t[1][s] < t[0][s] ? 1 : 0;
        }
        assertTrue(fewer >= 4, "replay f=1 hopped less than the plain GAN in " + fewer + "/6 seeds");
        int[][] r = RemedyAssertions.compareHops(StudyCase.named("ring").withSteps(500), replay, 3);
        assertTrue(RemedyAssertions.mean(r[1]) < RemedyAssertions.mean(r[0]),
                "ring: replay f=1 mean hops " + RemedyAssertions.mean(r[1]) + " vs plain " + RemedyAssertions.mean(r[0]));
    }
}
