package org.modecollapselab.gan;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.modecollapselab.SeedTrials;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.mnist.NeedsMnist;
import org.modecollapselab.data.mnist.TestData;
import org.modecollapselab.remedy.featurematching.FeatureMatching;
import org.modecollapselab.study.Study;
import org.modecollapselab.study.StudyCase;

/**
 * The claim notebook 10 rests on, over seeds 1..6: the plain GAN of {@link GanConfig#mnistCollapse()} draws only a
 * few of the ten digits (as the digit classifier reads them) in most seeds, and feature matching — one of the remedies
 * — draws more of them, so the collapse comes from the GAN's training, not from the data or the metric (real digits
 * cover all ten: {@code DigitClassifierTest}). Measured on this machine: at most 3 digits in 6 of 6 seeds (1, 0, 1, 0,
 * 1, 2 digits; bound: three quarters); feature matching 3.2 ± 0.3 digits against 0.8 ± 0.3 (bound: 1 more, three
 * standard errors of the difference inside). With SkylakeX kernels: 3.8 ± 0.5 against 0.3 ± 0.2.
 */
@NeedsMnist
@Tag("slow")
class MnistCollapseTest {
    static final int STEPS = 1000;
    static final int SEEDS = 6;
    /** "A few digits": at most this many covered (2% of the samples each, confidently read). */
    static final int FEW = 3;
    /** Scored on 1,000 samples; 10 snapshots of 200 for the hops. */
    static final Study.Protocol PROTOCOL = new Study.Protocol(1000, 10, 200);

    @Test
    void thePlainGanDrawsAFewDigitsAndFeatureMatchingMore() {
        StudyCase c = StudyCase.mnist(TestData.testDigits()).withSteps(STEPS);
        List<SeedTrials.Runs> r = SeedTrials.all(c, SEEDS, PROTOCOL, Method.plain(),
                Method.of(new FeatureMatching(1)));
        SeedTrials.assertMeanAtLeast(r.get(0).fraction("at most " + FEW + " digits", x -> x.modesCaptured() <= FEW),
                0.75);
        SeedTrials.assertGainAtLeast(r.get(0).modes(), r.get(1).modes(), 1);
    }
}
