package org.modecollapselab.knob;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.gan.Method;
import org.modecollapselab.gan.TrainingOptions;
import org.modecollapselab.nn.OptimizerSpec;
import org.modecollapselab.catalog.Remedies;

class KnobTest {
    private static final GanConfig RING = GanConfig.ringCollapse();

    @Test
    void eachKnobChangesItsSettingOnly() {
        assertEquals(List.of(32, 32), Knob.GENERATOR_WIDTH.apply(RING, 32).generatorHidden());
        assertEquals(List.of(512), Knob.DISCRIMINATOR_WIDTH.apply(RING, 512).discriminatorHidden());
        assertEquals(List.of(128, 128, 128), Knob.GENERATOR_DEPTH.apply(RING, 3).generatorHidden());
        assertEquals(List.of(), Knob.DISCRIMINATOR_DEPTH.apply(RING, 0).discriminatorHidden());
        GanConfig r = Knob.LEARNING_RATE_RATIO.apply(RING, 4);
        assertEquals(1e-3, r.generatorOptimizer().learningRate(), 0);
        assertEquals(4e-3, r.discriminatorOptimizer().learningRate(), 1e-15);
        assertEquals(0.9, Knob.BETA1.apply(RING, 0.9).discriminatorOptimizer().beta1(), 0);
        assertEquals(1e-4, Knob.WEIGHT_DECAY.apply(RING, 1e-4).generatorOptimizer().weightDecay(), 0);
        assertEquals(0, Knob.DISCRIMINATOR_WEIGHT_DECAY.apply(RING, 1e-4).generatorOptimizer().weightDecay(), 0);
        assertEquals(0.5, Knob.DISCRIMINATOR_DROPOUT.apply(RING, 0.5).discriminatorDropout(), 0);
        GanConfig d = Knob.DISCRIMINATOR_DROPOUT.apply(RING, 0.5);
        assertEquals(RING, d.withDiscriminatorDropout(0), "nothing else changed");
        assertEquals(RING, Knob.DISCRIMINATOR_DROPOUT.apply(RING, 0));
    }

    @Test
    void labelsValuesAndNeutrality() {
        assertEquals("D dropout 0.3", Knob.DISCRIMINATOR_DROPOUT.label(0.3));
        assertEquals("64", Knob.format(64));
        assertEquals("0.001", Knob.format(1e-3));
        assertEquals("0.00123", Knob.format(0.0012345));
        assertEquals("0", Knob.format(0));
        assertTrue(new KnobSetting(Knob.DISCRIMINATOR_DROPOUT, 0).neutral());
        assertFalse(new KnobSetting(Knob.DISCRIMINATOR_DROPOUT, 0.1).neutral());
        assertFalse(new KnobSetting(Knob.GENERATOR_WIDTH, 128).neutral(), "a width is never 'off'");
        assertEquals(Knob.LEARNING_RATE_RATIO, Knob.named("lr-ratio"));
    }

    @Test
    void badValuesAreNamed() {
        assertEquals("g-width value must be a whole number in [0, 65536], was 1.5",
                assertThrows(IllegalArgumentException.class, () -> Knob.GENERATOR_WIDTH.apply(RING, 1.5)).getMessage());
        assertEquals("g-width value: generatorHidden[0] must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> Knob.GENERATOR_WIDTH.apply(RING, 0)).getMessage());
        assertEquals("lr-ratio value: ratio must be finite and > 0, was 0.0", assertThrows(IllegalArgumentException.class,
                () -> Knob.LEARNING_RATE_RATIO.apply(RING, 0)).getMessage());
        assertEquals("dropout value: discriminatorDropout must be in [0.0, 1.0), was 1.0", assertThrows(IllegalArgumentException.class,
                () -> Knob.DISCRIMINATOR_DROPOUT.apply(RING, 1)).getMessage());
        assertEquals("weight-decay value: generator must be finite and >= 0, was -0.001", assertThrows(IllegalArgumentException.class,
                () -> Knob.WEIGHT_DECAY.apply(RING, -1e-3)).getMessage());
        assertEquals("dropout value must be finite, was NaN", assertThrows(IllegalArgumentException.class,
                () -> new KnobSetting(Knob.DISCRIMINATOR_DROPOUT, Double.NaN)).getMessage());
        GanConfig sgd = RING.withGeneratorOptimizer(OptimizerSpec.sgd(0.01));
        assertEquals("beta1 value: generatorOptimizer must be Adam for the beta1 knob, was SGD(lr=0.01)",
                assertThrows(IllegalArgumentException.class, () -> Knob.BETA1.apply(sgd, 0.9)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Knob.named("momentum")).getMessage()
                .startsWith("id (the knob) must be one of g-width, d-width,"));
        // A study checks every setting before training any.
        assertThrows(IllegalArgumentException.class, () -> new KnobSetting(Knob.GENERATOR_DEPTH, -1)
                .check(TemperatureData.aliceSpringsAndSouthPole(), GanConfig.temperatureCollapse()));
    }

    @Test
    void aSettingTrainsThePlainGanWithItsConfiguration() {
        Method m = Remedies.parse("dropout:0.2");
        assertEquals("D dropout 0.2", m.label());
        var trained = m.train(TemperatureData.aliceSpringsAndSouthPole(), GanConfig.temperatureCollapse(), 5,
                TrainingOptions.forSteps(5));
        assertTrue(((org.modecollapselab.gan.Gan) trained.sampler()).discriminator().describe().contains("dropout 0.2"));
    }

    @Test
    void theCatalogKnowsTheNewRemediesAndKnobs() {
        for (String name : Remedies.TRICKS) {
            Method m = Remedies.parse(name);
            m.check(TemperatureData.aliceSpringsAndSouthPole(), GanConfig.temperatureCollapse());
        }
        assertEquals("InfoGAN K=4 λ=1", Remedies.parse("infogan:4").label());
        assertEquals("instance noise σ=1", Remedies.parse("instance-noise:1").label());
        assertEquals("label smoothing 0.8", Remedies.parse("label-smoothing:0.8").label());
        assertEquals("MSGAN λ=2", Remedies.parse("msgan:2").label());
        assertEquals("spectral norm", Remedies.parse("spectral-norm").label());
        assertEquals("D/G lr ratio 4", Remedies.parse("lr-ratio:4").label());
        assertEquals("lambda must be finite and >= 0, was -1.0",
                assertThrows(IllegalArgumentException.class, () -> Remedies.parse("msgan:-1")).getMessage());
        assertEquals("remedy 'spectral-norm:2' takes no argument after ':', was '2'",
                assertThrows(IllegalArgumentException.class, () -> Remedies.parse("spectral-norm:2")).getMessage());
    }
}
