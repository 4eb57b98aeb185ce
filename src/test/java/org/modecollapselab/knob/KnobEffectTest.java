package org.modecollapselab.knob;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.modecollapselab.remedy.RemedyAssertions;
import org.modecollapselab.remedy.catalog.Remedies;

/**
 * What two knobs did in our measurements (pinned, as the README and notebook 08 say): on the temperature collapse
 * preset (seeds 1–3, 1,200 steps) dropout 0.3 in D and weight decay 10⁻³ leave the collapse in every seed.
 */
class KnobEffectTest {

    @Test
    void dropoutAndWeightDecayDoNotUndoTheTemperatureCollapse() {
        double[] d = RemedyAssertions.temperatureModes(Remedies.parse("dropout:0.3"), 3, 1200);
        assertEquals(1.0, d[0], 0);
        assertEquals(1.0, d[1], 0, "measured: dropout 0.3 in D does not help here");
        assertEquals(1.0, RemedyAssertions.temperatureModes(Remedies.parse("weight-decay:0.001"), 3, 1200)[1], 0,
                "measured: weight decay 1e-3 does not help here");
    }
}
