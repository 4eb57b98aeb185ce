package org.modecollapselab.remedy.conditional;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.modecollapselab.study.StudyCase;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.GaussianMixture1D;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.remedy.RemedyAssertions;
import org.modecollapselab.sampler.ConditionalSampler;

class ConditionalGanTest {

    @Test
    void strengthZeroIsThePlainGanExactly() {
        RemedyAssertions.assertSameAsPlainGan(new ConditionalGan(2, 0), 3);
    }

    @Test
    void bothNetworksGetTheOneHot() {
        var data = TemperatureData.aliceSpringsAndSouthPole();
        Gan g = Gan.create(data, GanConfig.temperatureCollapse(), ConditionalGan.of(data));
        assertEquals(1 + 2, g.generator().inputs());
        assertEquals(1 + 2, g.discriminator().inputs());
        assertEquals("cGAN", ConditionalGan.of(data).label());
    }

    /** Trained for 800 steps on the collapse preset, G draws the class it is asked for. */
    @Test
    void sampledClassesLandInTheirModes() {
        GaussianMixture1D data = TemperatureData.aliceSpringsAndSouthPole(0.7);
        Gan g = Gan.create(data, GanConfig.temperatureCollapse().withSeed(2), ConditionalGan.of(data));
        g.train(800);
        ConditionalSampler c = g.asConditional();
        assertEquals(2, c.classes());
        for (int label = 0; label < 2; label++) {
            double mean = data.components().get(label).mean();
            double[][] s = c.sample(400, 11, label);
            long near = java.util.Arrays.stream(s).filter(x -> Math.abs(x[0] - mean) < 12).count();
            assertTrue(near >= 360, "class " + label + ": " + near + "/400 within 12 °C of " + mean);
        }
        // unconditional samples draw the classes as often as the data has them (70% hot)
        double[][] all = g.sample(2000, 5);
        long hot = java.util.Arrays.stream(all).filter(x -> x[0] > 5).count();
        assertEquals(0.7, hot / 2000.0, 0.06);
    }

    @Test
    void badSettingsAndDataAreRefusedByName() throws Exception {
        assertEquals("classes must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> new ConditionalGan(0, 1)).getMessage());
        assertEquals("strength must be finite and >= 0, was -1.0",
                assertThrows(IllegalArgumentException.class, () -> new ConditionalGan(2, -1)).getMessage());
        assertEquals("strength must be finite and >= 0, was NaN",
                assertThrows(IllegalArgumentException.class, () -> new ConditionalGan(2, Double.NaN)).getMessage());
        var data = TemperatureData.aliceSpringsAndSouthPole();
        assertEquals("classes must equal the data's classes (2), was 3", assertThrows(IllegalArgumentException.class,
                () -> Gan.create(data, GanConfig.temperatureCollapse(), new ConditionalGan(3, 1))).getMessage());
        Path csv = Files.createTempFile("readings", ".csv");
        TemperatureData.sampleTable(data, 100, 1).write().csv(csv.toFile());
        var readings = TemperatureData.readCsv(csv);
        assertEquals("data must have class labels for a conditional GAN, but 'readings" + csv.getFileName()
                        .toString().substring("readings".length()) + "' has none",
                assertThrows(IllegalArgumentException.class, () -> ConditionalGan.of(readings)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Gan.create(readings, GanConfig.temperatureCollapse(),
                new ConditionalGan(2, 1)));
        Gan plain = Gan.create(data, GanConfig.temperatureCollapse());
        assertEquals("asConditional needs a remedy that conditions G on the class (a conditional GAN), but this GAN "
                + "has no remedies", assertThrows(IllegalStateException.class, plain::asConditional).getMessage());
        Gan c = Gan.create(data, GanConfig.temperatureCollapse(), ConditionalGan.of(data));
        assertEquals("label must be in [0, 2) (the data's classes), was 2",
                assertThrows(IllegalArgumentException.class, () -> c.sample(5, 1, 2)).getMessage());
        Files.deleteIfExists(csv);
    }

    /** On the temperature collapse preset (seeds 1–3, 1,200 steps) the conditional GAN covers more modes. */
    @Test
    void conditioningRaisesCoverageWhereThePlainGanCollapses() {
        org.modecollapselab.remedy.RemedyAssertions.assertRaisesCoverage(StudyCase.named("temperature"),
                org.modecollapselab.catalog.Remedies.parse("cgan"), 3, 1.0, 0.5);
    }
}
