package org.modecollapselab.study;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.modecollapselab.classifier.DigitScorer;
import org.modecollapselab.config.Dcgan;
import org.modecollapselab.data.mnist.NeedsMnist;
import org.modecollapselab.data.mnist.TestData;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.gan.Method;
import org.modecollapselab.gan.TrainingOptions;
import org.modecollapselab.metric.ClassifierThresholds;
import org.modecollapselab.metric.CoverageScorer;
import org.modecollapselab.nn.conv.DcganDiscriminator;
import org.modecollapselab.nn.conv.DcganGenerator;
import org.modecollapselab.step.Remedy;
import org.modecollapselab.remedy.featurematching.FeatureMatching;
import org.modecollapselab.remedy.minibatch.MinibatchDiscrimination;
import org.modecollapselab.remedy.packing.Packing;
import org.modecollapselab.remedy.unrolled.Unrolling;
import tech.tablesaw.api.Table;

/** The study engine on image data: runs scored by the digit classifier, Stacked MNIST's own protocol. */
class MnistStudyTest {
    @Test
    @NeedsMnist
    void mnistRunsAreScoredByTheClassifierOnTenDigits() {
        StudyCase c = StudyCase.mnist(TestData.testDigits()).withSteps(20);
        assertInstanceOf(DigitScorer.class, c.scorer());
        Study.Run run = Study.run(c, Method.of(new Packing(2)), 1, new Study.Protocol(300, 2, 50));
        assertEquals(10, run.modes());
        assertEquals("mnist", run.dataset());
        assertInstanceOf(ClassifierThresholds.class, run.coverage().thresholds());
        assertEquals(300, run.coverage().samples());
        Table seeds = SeedStudy.run(c, Method.plain(), 1, new Study.Protocol(200, 2, 50));
        assertTrue(seeds.columnNames().containsAll(List.of("share 0", "share 9", "modes_covered")), seeds.columnNames()
                .toString());
    }

    @Test
    @NeedsMnist
    void stackedMnistIsScoredOnItsThousandModesWithThePapersSampleCount() {
        StudyCase c = StudyCase.stackedMnist(TestData.testDigits()).withSteps(5);
        assertEquals(2352, c.data().dimension());
        assertEquals(1000, c.scorer().modes());
        Study.Task stacked = new Study.Task(c, Method.plain(), 1);
        Study.Task ring = new Study.Task(StudyCase.named("ring"), Method.plain(), 1);
        NamedPlan plan = new NamedPlan("remedies", List.of("ring"), List.of("plain"), 1, 0);
        assertEquals(26_000, plan.protocol(stacked).evaluationSamples());
        assertEquals(500, new NamedPlan("remedies", List.of("ring"), List.of("plain"), List.of(), 1, 0, 500).protocol(stacked)
                .evaluationSamples());
        assertEquals(2500, plan.protocol(ring).evaluationSamples());
        Study.Run run = Study.run(c, Method.plain(), 1, new Study.Protocol(200, 2, 20));
        assertEquals(1000, run.modes());
    }

    /**
     * The convolutional case on real digits: the small DCGAN as G and D, and the remedies that work with it
     * (packing, feature matching, minibatch discrimination, first-order unrolling) run through the study engine a
     * few steps each with finite losses; exact unrolling is refused by name.
     */
    @Test
    @NeedsMnist
    void mnistDcganCaseTrainsTheConvolutionalNetworksWithTheirRemedies() {
        StudyCase c = StudyCase.mnistDcgan(TestData.testDigits()).withSteps(3);
        assertEquals("mnist-dcgan", c.name());
        assertEquals(Dcgan.small(1), c.config().generatorArchitecture());
        Gan plain = Gan.create(c.data(), c.config());
        assertInstanceOf(DcganGenerator.class, plain.generator());
        assertInstanceOf(DcganDiscriminator.class, plain.discriminator());
        for (Remedy r : List.of(new Packing(2), new FeatureMatching(1), MinibatchDiscrimination.of(4),
                Unrolling.firstOrder(2))) {
            Study.Run run = Study.run(c, Method.of(r), 1, new Study.Protocol(100, 2, 3));
            assertEquals(10, run.modes(), r.label());
            assertEquals(100, run.coverage().samples(), r.label());
            Gan g = Gan.create(c.data(), c.config(), r);
            for (int i = 0; i < 2; i++) {
                assertTrue(g.step().isFinite(), r.label());
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gan.create(c.data(), c.config(), Unrolling.exact(3)));
        assertTrue(e.getMessage().startsWith("discriminatorArchitecture must give exact second-order products"),
                e.getMessage());
    }

    @Test
    void theGaussianScorerGivesTheSameReportAsBefore() {
        StudyCase ring = StudyCase.named("ring");
        var samples = ring.data().asSampler().sample(300, 4);
        CoverageScorer s = ring.scorer();
        assertArrayEquals(org.modecollapselab.metric.ModeCoverage.evaluate(samples, ring.data().modes(),
                org.modecollapselab.metric.CoverageThresholds.veegan()).counts(), s.score(samples).counts());
        assertEquals(List.of("mode 0", "mode 1", "mode 2", "mode 3", "mode 4", "mode 5", "mode 6", "mode 7"),
                s.modeNames());
    }

    @Test
    @NeedsMnist
    void defaultSnapshotsOfImagesAreBounded() {
        assertEquals(TrainingOptions.forSteps(3000), TrainingOptions.forSteps(3000, 2));
        TrainingOptions images = TrainingOptions.forSteps(3000, 784);
        assertEquals(150, images.snapshotEvery());
        assertEquals(255, images.snapshotSize());
        assertTrue((long) images.snapshotSize() * 20 * 784 <= TrainingOptions.SNAPSHOT_BUDGET);
        Gan g = Gan.create(TestData.testDigits(), StudyCase.mnist(TestData.testDigits()).config());
        var r = g.train(40);
        assertEquals(20, r.snapshots().size(), "a snapshot every 2 steps");
        assertEquals(255, r.lastSnapshot().samples().length);
    }
}
