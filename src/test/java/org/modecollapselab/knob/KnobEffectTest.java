package org.modecollapselab.knob;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.modecollapselab.SeedTrials;
import org.modecollapselab.remedy.RemedyAssertions;
import org.modecollapselab.catalog.Remedies;
import org.modecollapselab.study.Study;

/**
 * What knobs did in our measurements (as the README and notebook 09 say): on the temperature collapse preset (1,200
 * steps) dropout 0.3 in D and weight decay 10⁻³ do not undo the collapse; on the ring (600 steps) a D learning rate 16
 * times G's covers nearly every mode where the preset's ratio 1 collapses. Measured on this machine (docs/testing.md
 * has other seeds and kernels): seeds 1–12, dropout 1.0 ± 0.17 (two seeds with no mode covered at all: not converged),
 * weight decay 1.08 ± 0.08, against the plain GAN's 1.0 ± 0; the bound, 0.5 above, is three standard errors away. Ring,
 * seeds 1–6: ratio 1 0.5 ± 0.2, ratio 16 8.0 ± 0 (bounds 2 and 6).
 */
@Tag("slow")
class KnobEffectTest {

    @Test
    void dropoutAndWeightDecayDoNotUndoTheTemperatureCollapse() {
        RemedyAssertions.assertDoesNotRaiseModes(RemedyAssertions.temperature(), Remedies.parse("dropout:0.3"), 12, 0.5);
        RemedyAssertions.assertDoesNotRaiseModes(RemedyAssertions.temperature(), Remedies.parse("weight-decay:0.001"),
                12, 0.5);
    }

    @Test
    void aSixteenTimesFasterDCoversTheRing() {
        var r = SeedTrials.all(RemedyAssertions.ring(600), 6, Study.Protocol.standard(),
                new KnobSetting(Knob.LEARNING_RATE_RATIO, 1), new KnobSetting(Knob.LEARNING_RATE_RATIO, 16));
        SeedTrials.assertMeanAtMost(r.get(0).modes(), 2);
        SeedTrials.assertMeanAtLeast(r.get(1).modes(), 6);
    }
}
