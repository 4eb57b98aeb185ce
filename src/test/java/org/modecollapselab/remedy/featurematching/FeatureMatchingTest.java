package org.modecollapselab.remedy.featurematching;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.modecollapselab.TestArrays;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.nn.Activation;
import org.modecollapselab.nn.Init;
import org.modecollapselab.nn.Mlp;
import org.modecollapselab.nn.MlpSpec;
import org.modecollapselab.remedy.RemedyAssertions;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Feature matching's mechanics. Whether it raises mode coverage is not asserted here: on the temperature collapse
 * preset it measured no better than the plain GAN (README); that claim belongs to the remedies issue's study.
 */
class FeatureMatchingTest {

    static INDArray random(long rows, long cols, long seed) {
        return TestArrays.gaussian(rows, cols, seed);
    }

    @Test
    void weightZeroIsThePlainGanExactly() {
        RemedyAssertions.assertSameAsPlainGan(new FeatureMatching(0), 9);
    }

    @Test
    void weightChangesTheGeneratorsUpdateAndReportedLoss() {
        GanConfig c = GanConfig.temperatureCollapse().withSeed(9);
        Gan plain = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), c);
        Gan fm = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), c, new FeatureMatching(1));
        var sp = plain.step();
        var sf = fm.step();
        assertEquals(sp.discriminatorLoss(), sf.discriminatorLoss(), 0, "D's update is untouched");
        assertNotEquals(sp.generatorLoss(), sf.generatorLoss());
        assertNotEquals(plain.generator().parameters(), fm.generator().parameters());
    }

    @Test
    void inputGradientMatchesFiniteDifferences() {
        Mlp d = new Mlp(new MlpSpec(2, List.of(5, 4), 1, Activation.TANH, Activation.IDENTITY, Init.PYTORCH_DEFAULT),
                DataType.DOUBLE, 3);
        INDArray x = random(7, 2, 1);
        INDArray realMean = random(1, 4, 2);
        INDArray[] lg = FeatureMatching.lossAndInputGradient(d, d.forward(x), realMean);
        double h = 1e-6;
        for (int r = 0; r < x.rows(); r++) {
            for (int j = 0; j < x.columns(); j++) {
                double v = x.getDouble(r, j);
                x.putScalar(r, j, v + h);
                double up = FeatureMatching.lossAndInputGradient(d, d.forward(x), realMean)[0].getDouble(0);
                x.putScalar(r, j, v - h);
                double down = FeatureMatching.lossAndInputGradient(d, d.forward(x), realMean)[0].getDouble(0);
                x.putScalar(r, j, v);
                assertEquals((up - down) / (2 * h), lg[1].getDouble(r, j), 1e-7, "x[" + r + "," + j + "]");
            }
        }
        INDArray f = d.forward(x).features().mean(true, 0).sub(realMean);
        assertEquals(f.mul(f).sumNumber().doubleValue(), lg[0].getDouble(0), 1e-12);
    }

    @Test
    void badSettingsAreNamed() {
        assertEquals("weight must be in [0.0, 1.0], was 1.5",
                assertThrows(IllegalArgumentException.class, () -> new FeatureMatching(1.5)).getMessage());
        assertEquals("discriminatorHidden must have >= 1 layer for feature matching, was []",
                assertThrows(IllegalArgumentException.class, () -> Gan.create(TemperatureData.aliceSpringsAndSouthPole(),
                        GanConfig.temperatureCollapse().withDiscriminatorHidden(), new FeatureMatching(0.5))).getMessage());
    }

    /**
     * Seeds 1–6, 500 steps on the ring: feature matching, pure and hybrid, raises the modes captured. Measured on this
     * machine: plain 0.67 ± 0.21, feature matching 8.0 ± 0, hybrid 8.0 ± 0 of 8 (bound: a gain of 3).
     */
    @Test
    @Tag("slow")
    void featureMatchingRaisesModeCoverageOnTheRing() {
        RemedyAssertions.assertRaisesModes(RemedyAssertions.ring(500), new FeatureMatching(1), 6, 2, 3);
        RemedyAssertions.assertRaisesModes(RemedyAssertions.ring(500), new FeatureMatching(0.5), 6, 2, 3);
    }
}
