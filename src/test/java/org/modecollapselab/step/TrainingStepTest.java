package org.modecollapselab.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.remedy.packing.Packing;

/** What the step does for every remedy: the neutral guard, and the widths checked before any network is built. */
class TrainingStepTest {

    @Test
    void aNeutralRemedyIsNotStarted() {
        Remedy neverStarted = new Remedy() {
            @Override
            public String label() {
                return "neutral";
            }

            @Override
            public boolean neutral() {
                return true;
            }

            @Override
            public StepHook start(Setup setup) {
                throw new AssertionError("a neutral remedy must not be started");
            }
        };
        Packing pack1 = new Packing(1);
        Gan g = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), GanConfig.temperatureCollapse(), neverStarted,
                pack1);
        assertSame(StepHook.NONE, g.stateOf(neverStarted));
        assertSame(StepHook.NONE, g.stateOf(pack1));
        g.step();
    }

    @Test
    void widthsAreCheckedBeforeAnyNetworkIsBuilt() {
        Remedy noInput = new Remedy() {
            @Override
            public String label() {
                return "no input";
            }

            @Override
            public boolean neutral() {
                return false;
            }

            @Override
            public int discriminatorInputWidth(int width) {
                return 0;
            }

            @Override
            public StepHook start(Setup setup) {
                throw new AssertionError("never reached");
            }
        };
        String message = assertThrows(IllegalArgumentException.class, () -> Gan.check(
                TemperatureData.aliceSpringsAndSouthPole(), GanConfig.temperatureCollapse(), List.of(noInput)))
                .getMessage();
        assertEquals("D input width after no input must be >= 1, was 0", message);
    }
}
