package org.modecollapselab.catalog;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.GaussianMixture;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.gan.Method;
import org.modecollapselab.gan.TrainingOptions;
import org.modecollapselab.gan.TrainingResult;
import org.modecollapselab.nn.OptimizerSpec;
import org.modecollapselab.objective.Objective;
import org.modecollapselab.plot.Charts;
import org.modecollapselab.remedy.clipping.WeightClipping;
import org.modecollapselab.remedy.gradientpenalty.GradientPenalty;
import org.modecollapselab.study.StudyCommand;

/** The objective catalog, objectives crossed with remedies, and how charts label a score that is no probability. */
class ObjectivesTest {

    @Test
    void namesParseToSettings() {
        assertTrue(Objectives.parse("gan").neutral());
        assertEquals(Objective.standard(), Objectives.parse("gan").objective());
        assertFalse(Objectives.parse("gan-minimax").neutral());
        ObjectiveSetting wgan = Objectives.parse("wgan");
        assertEquals("WGAN (clip c=0.01)", wgan.label());
        assertEquals(List.of(WeightClipping.paper()), wgan.remedies());
        assertEquals(0, wgan.discriminatorSteps(), "the objective alone keeps the data set's n_critic");
        assertEquals("WGAN (clip c=0.05)", Objectives.parse("wgan:0.05").label());
        ObjectiveSetting paper = Objectives.parse("wgan-paper");
        assertEquals(5, paper.discriminatorSteps());
        assertEquals(OptimizerSpec.Kind.RMSPROP, paper.optimizer().kind());
        GanConfig c = paper.configure(GanConfig.ringCollapse().withSeed(9));
        assertEquals(5, c.discriminatorSteps());
        assertEquals(5e-5, c.generatorOptimizer().learningRate());
        assertEquals(Objective.wasserstein(), c.objective());
        assertEquals(9, c.seed());
        assertEquals("WGAN-GP (λ=10)", Objectives.parse("wgan-gp").label());
        assertEquals(List.of(GradientPenalty.of(1)), Objectives.parse("wgan-gp:1").remedies());
        assertEquals("WGAN-GP (one-sided, λ=10)", Objectives.parse("wgan-gp-one-sided").label());
        assertEquals(OptimizerSpec.adam(1e-4, 0, 0.9), Objectives.parse("wgan-gp-paper").optimizer());
        assertEquals("LSGAN", Objectives.parse("lsgan").label());
        assertEquals("hinge", Objectives.parse("hinge").label());
        assertEquals("f-GAN (squared Hellinger)", Objectives.parse("f-gan:hellinger").label());
        for (String name : Objectives.ALL) {
            assertNotNull(Objectives.parse(name));
        }
    }

    @Test
    void badNamesAreNamed() {
        assertEquals("name (the divergence) must be one of kl, reverse-kl, js, pearson, hellinger; was 'tv'",
                assertThrows(IllegalArgumentException.class, () -> Objectives.parse("f-gan:tv")).getMessage());
        assertEquals("objective 'f-gan' needs a divergence after ':', one of kl, reverse-kl, js, pearson, hellinger",
                assertThrows(IllegalArgumentException.class, () -> Objectives.parse("f-gan")).getMessage());
        assertEquals("clip must be > 0 (or +Infinity for no clipping), was 0.0",
                assertThrows(IllegalArgumentException.class, () -> Objectives.parse("wgan:0")).getMessage());
        assertEquals("lambda must be finite and >= 0, was -2.0",
                assertThrows(IllegalArgumentException.class, () -> Objectives.parse("wgan-gp:-2")).getMessage());
        assertEquals("objective 'lsgan:2' takes no argument after ':', was '2'",
                assertThrows(IllegalArgumentException.class, () -> Objectives.parse("lsgan:2")).getMessage());
        assertEquals("objective 'wgan:x' must have a number after ':', was 'x'",
                assertThrows(IllegalArgumentException.class, () -> Objectives.parse("wgan:x")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Objectives.parse("wasserstein")).getMessage()
                .startsWith("spec (the objective) must be one of gan, gan-minimax, wgan[:c], "));
        assertThrows(IllegalArgumentException.class, () -> Objectives.parse(null));
    }

    /** Objectives × remedies: labels, baseline, and the default objective keeping the remedies' own labels. */
    @Test
    void objectivesCrossWithRemedies() {
        List<Method> m = StudyCommand.methods(List.of("gan", "wgan-gp"), List.of("plain", "packing:2"));
        assertEquals(List.of("plain", "packing m=2", "WGAN-GP (λ=10)", "WGAN-GP (λ=10) + packing m=2"),
                m.stream().map(Method::label).toList());
        assertEquals(List.of(true, false, false, false), m.stream().map(Method::neutral).toList());
        assertEquals(List.of("plain", "packing m=2"), StudyCommand.methods(null, List.of("plain", "packing:2"))
                .stream().map(Method::label).toList());
        ObjectiveSetting.WithObjective w = (ObjectiveSetting.WithObjective) m.get(3);
        assertEquals(2, w.oneGan().remedies().size());
        assertEquals(GradientPenalty.of(10), w.oneGan().remedies().get(0));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StudyCommand.methods(List.of("gan", "gan"),
                List.of("plain"))).getMessage().contains("objectives must have distinct names, was 'gan' twice"));
        // Trained through the study's path: the objective is applied, the GAN trains.
        var trained = m.get(3).train(GaussianMixture.teachingRing(), GanConfig.ringCollapse().withBatchSize(32), 3,
                TrainingOptions.forSteps(3));
        assertEquals(Objective.wasserstein(), ((Gan) trained.sampler()).config().objective());
    }

    /** A WGAN critic's score is labelled as such in D's probe, the snapshot, the history chart and the value field. */
    @Test
    void aCriticIsNotCalledAProbability(@TempDir Path dir) {
        var data = TemperatureData.aliceSpringsAndSouthPole();
        Gan critic = Objectives.parse("wgan-gp").create(data, GanConfig.temperatureCollapse().withBatchSize(32));
        TrainingResult r = critic.train(10, TrainingOptions.forSteps(10).withSnapshotEvery(5).withSnapshotSize(50));
        assertEquals("critic value", r.scoreName());
        assertFalse(r.scoreIsProbability());
        assertEquals("critic value", r.lastSnapshot().scoreName());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> critic.discriminatorProbability(new double[] {0}));
        assertEquals("discriminatorProbability needs an objective whose score is a probability, but WGAN scores by "
                + "critic value (use discriminatorScore)", e.getMessage());
        assertEquals(3, critic.discriminatorScore(new double[] {-20, 0, 30}).length);
        XYChart s = Charts.snapshot(data.sample(200, 1L), r.lastSnapshot(), 30, "°C");
        assertTrue(s.getSeriesMap().containsKey("critic value (right axis)"), s.getSeriesMap().keySet().toString());
        assertTrue(s.getTitle().endsWith("and critic value"));
        XYChart l = Charts.losses(r, "losses");
        assertTrue(l.getSeriesMap().containsKey("critic value, real (right axis)"), l.getSeriesMap().keySet().toString());
        // The GAN keeps its probability labels.
        Gan gan = Gan.create(data, GanConfig.temperatureCollapse().withBatchSize(32));
        TrainingResult rg = gan.train(5, TrainingOptions.forSteps(5).withSnapshotEvery(5).withSnapshotSize(50));
        assertTrue(Charts.snapshot(data.sample(200, 1L), rg.lastSnapshot(), 30, "°C").getSeriesMap()
                .containsKey("D(x) (right axis)"));
        assertTrue(Charts.losses(rg, "l").getSeriesMap().containsKey("D(real) (right axis)"));
        // 2-D: the value field bands the critic's own range, and D's probability in tenths.
        var ring = GaussianMixture.teachingRing();
        Gan ringCritic = Objectives.parse("wgan-gp").create(ring, GanConfig.ringCollapse().withBatchSize(32));
        ringCritic.train(5);
        XYChart field = Charts.valueField(ringCritic, ringCritic.sample(100, 1L), "critic");
        assertTrue(field.getSeriesMap().keySet().stream().anyMatch(k -> k.startsWith("critic value ")),
                field.getSeriesMap().keySet().toString());
        assertTrue(field.getSeriesMap().containsKey("generated"));
        assertTrue(field.getSeriesMap().containsKey("mode centres"));
        Gan ringGan = Gan.create(ring, GanConfig.ringCollapse().withBatchSize(32));
        XYChart pField = Charts.valueField(ringGan, new double[0][], "D");
        assertTrue(pField.getSeriesMap().keySet().stream().allMatch(k -> k.startsWith("D(x) 0.") || k.startsWith(
                "D(x) 1") || k.equals("mode centres")), pField.getSeriesMap().keySet().toString());
        assertEquals(2, Charts.save(field, dir.resolve("field")).size());
        assertEquals("values must have one row per y (2), was 1", assertThrows(IllegalArgumentException.class,
                () -> Charts.valueField(new double[] {0, 1}, new double[] {0, 1}, new double[][] {{0, 1}}, "v", false,
                        new double[0][], ring.modes(), "t")).getMessage());
    }
}
