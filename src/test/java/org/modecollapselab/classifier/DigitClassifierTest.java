package org.modecollapselab.classifier;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modecollapselab.data.ImageShape;
import org.modecollapselab.data.mnist.MnistDigits;
import org.modecollapselab.data.mnist.NeedsMnist;
import org.modecollapselab.data.mnist.StackedMnist;
import org.modecollapselab.data.mnist.TestData;
import org.modecollapselab.metric.ClassifierThresholds;
import org.modecollapselab.metric.CoverageReport;

/** The stored DL4J classifier, its claimed accuracy, and the scorer that reads generated digits with it. */
@NeedsMnist
class DigitClassifierTest {
    @TempDir
    Path tmp;

    @Test
    void theStoredClassifierReachesItsStatedAccuracyOnTheDigitsItDidNotTrainOn() {
        DigitClassifier c = DigitClassifier.standard();
        assertEquals(c.parameterCount(), Long.parseLong(c.info().getProperty("parameters")));
        // Offline the classifier was trained on 8,000 test digits and scored on the other 2,000 of this fixed split.
        assertEquals("MnistDigits.holdOut(" + TrainClassifier.HELD_OUT + ", " + TrainClassifier.HOLD_OUT_SEED + ")",
                c.info().getProperty("held_out_split"));
        MnistDigits heldOut = TestData.testDigits().holdOut(TrainClassifier.HELD_OUT, TrainClassifier.HOLD_OUT_SEED)
                .heldOut();
        double acc = c.accuracy(heldOut);
        assertEquals(Double.parseDouble(c.info().getProperty("accuracy")), acc, 1e-9,
                "the accuracy stored beside the weights is what they reach");
        assertTrue(acc >= 0.97, "accuracy " + acc);
        assertTrue(c.describe().contains("on 2,000 held-out MNIST test digits"), c.describe());
    }

    @Test
    void probabilitiesAreDistributionsAndOutOfRangePixelsAreClipped() {
        DigitClassifier c = DigitClassifier.standard();
        double[][] x = TestData.testDigits().first(3);
        double[][] p = c.probabilities(x);
        for (double[] row : p) {
            assertEquals(1, Arrays.stream(row).sum(), 1e-4);
        }
        double[][] louder = new double[3][];
        for (int i = 0; i < 3; i++) {
            louder[i] = Arrays.stream(x[i]).map(v -> v > 0 ? 5 : -5).toArray();   // clipped to ±1
        }
        assertArrayEquals(c.predict(x), c.predict(louder));
        double[][] nan = {x[0].clone()};
        nan[0][5] = Double.NaN;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.probabilities(nan)).getMessage()
                .contains("images[0][5] must be finite, was NaN"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.probabilities(new double[][] {{1, 2}}))
                .getMessage().contains("must hold 784 pixels"));
    }

    @Test
    void trainingLearnsAndSavingKeepsTheNetworkExactly() {
        MnistDigits all = TestData.testDigits();
        MnistDigits train = all.subset(IntStream.range(0, 600).toArray(), "600");
        MnistDigits test = all.subset(IntStream.range(9000, 9500).toArray(), "500");
        DigitClassifier c = DigitClassifier.train(train, 3, 0, 3, null);
        double acc = c.accuracy(test);
        assertTrue(acc > 0.5, "three epochs on 600 digits reach " + acc + " (chance: 0.1)");
        Path zip = tmp.resolve("c.zip");
        var info = new java.util.Properties();
        info.setProperty("accuracy", Double.toString(acc));
        c.withInfo(info).save(zip);
        DigitClassifier back = DigitClassifier.load(zip);
        double[][] x = test.first(20);
        for (int i = 0; i < 20; i++) {
            assertArrayEquals(c.probabilities(x)[i], back.probabilities(x)[i], 1e-7);
        }
        assertEquals(Double.toString(acc), back.info().getProperty("accuracy"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DigitClassifier.train(train, 1, 5, 1, null))
                .getMessage().contains("maxShift must be <= 4"));
    }

    @Test
    void realDigitsCoverEveryDigitAndADataSetOfOnesAndSevensCoversTwo() {
        MnistDigits d = TestData.testDigits();
        DigitScorer scorer = DigitScorer.digits(d);
        CoverageReport real = scorer.score(d.asSampler(), 2000, 1);
        assertEquals(10, real.modesCovered());
        assertTrue(real.highQualityFraction() > 0.9, real.toString());
        assertTrue(real.kl() < 0.02, real.toString());
        int[] onesAndSevens = IntStream.range(0, d.size()).filter(i -> d.label(i) == 1 || d.label(i) == 7).toArray();
        CoverageReport collapsed = scorer.score(d.subset(onesAndSevens, "1s and 7s").asSampler(), 2000, 1);
        assertEquals(2, collapsed.modesCovered());
        assertTrue(collapsed.kl() > 1.5, collapsed.toString());
        // Drawn in chunks: the same seed gives the same report; the first chunk is the sampler's own first draw.
        assertArrayEquals(real.counts(), scorer.score(d.asSampler(), 2000, 1).counts());
        assertArrayEquals(scorer.score(d.asSampler().sample(500, 4)).counts(),
                scorer.score(d.asSampler(), 500, 4).counts());
    }

    @Test
    void realStackedMnistCoversNearlyAllThousandModes() {
        MnistDigits d = TestData.testDigits();
        StackedMnist s = StackedMnist.of(d);
        DigitScorer scorer = DigitScorer.stackedMnist(s);
        // 5,000 real samples: about 1,000·(1 − e⁻⁵) ≈ 993 modes appear at all; the classifier errs on a few digits.
        // (Chunks of 1,000 drawn from independent streams: with overlapping streams only ~945 modes appeared.)
        CoverageReport r = scorer.score(s.asSampler(), 5000, 2);
        assertTrue(r.modesCovered() >= 975, r.modesCovered() + " modes");
        assertTrue(r.kl() < 0.25, "KL " + r.kl());
        int[] ones = IntStream.range(0, d.size()).filter(i -> d.label(i) == 1 || d.label(i) == 7).toArray();
        StackedMnist onesAndSevens = StackedMnist.of(d.subset(ones, "1s and 7s"));
        // The papers' count (every sample, one covers a mode): the 8 triples of 1s and 7s, and a few dozen modes
        // from the classifier's misreadings (one digit in fifty, three digits a sample).
        CoverageReport papers = scorer.score(onesAndSevens.asSampler(), 1000, 2);
        boolean[] covered = papers.covered();
        for (int m : new int[] {111, 117, 171, 177, 711, 717, 771, 777}) {
            assertTrue(covered[m], "mode " + m);
        }
        assertTrue(papers.modesCovered() >= 8 && papers.modesCovered() <= 60, papers.modesCovered() + " modes");
        // Confident samples only, 1% of the samples per mode: exactly the 2³ triples.
        assertEquals(8, scorer.withThresholds(new ClassifierThresholds(0.9, 0.01, true))
                .score(onesAndSevens.asSampler(), 1000, 2).modesCovered());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> scorer.score(d.asSampler(), 10, 1)).getMessage()
                .contains("sampler must draw images of 3×28×28"));
        assertEquals(ImageShape.STACKED_MNIST.pixels(), s.dimension());
    }
}
