package org.modecollapselab.remedy.conditional;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.modecollapselab.SeedTrials;
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

    /**
     * Where the GAN trains — the balanced preset, 800 steps — G draws the class it is asked for, and unconditional
     * samples draw the classes as often as the data has them (70 % hot): over seeds 1–4, on average at least 85 % of
     * the worse class's samples within 12 °C of its mode, and a hot share within 0.06 of 0.7. Measured on this machine:
     * the worse class 0.99 ± 0.01 within 12 °C; on the collapse preset it is 0.47 ± 0.27 (seeds 1 and 4: 0, the GAN did
     * not learn to use the label), which is why this test trains the balanced preset.
     */
    @Test
    @Tag("slow")
    void sampledClassesLandInTheirModes() {
        GaussianMixture1D data = TemperatureData.aliceSpringsAndSouthPole(0.7);
        int[] seeds = SeedTrials.seeds(4);
        double[] near = new double[seeds.length];
        double[] hotShare = new double[seeds.length];
        for (int i = 0; i < seeds.length; i++) {
            Gan g = Gan.create(data, GanConfig.temperatureBalanced().withSeed(seeds[i]), ConditionalGan.of(data));
            g.train(800);
            ConditionalSampler c = g.asConditional();
            assertEquals(2, c.classes());
            near[i] = 1;
            for (int label = 0; label < 2; label++) {
                double mean = data.components().get(label).mean();
                double[][] s = c.sample(400, 11, label);
                near[i] = Math.min(near[i], java.util.Arrays.stream(s).filter(x -> Math.abs(x[0] - mean) < 12).count()
                        / 400.0);
            }
            double[][] all = g.sample(2000, 5);
            hotShare[i] = java.util.Arrays.stream(all).filter(x -> x[0] > 5).count() / 2000.0;
        }
        SeedTrials.assertMeanAtLeast(new SeedTrials.Measure("cGAN: the worse class's share within 12 °C", seeds, near),
                0.85);
        SeedTrials.Measure hot = new SeedTrials.Measure("cGAN: hot share of unconditional samples", seeds, hotShare);
        SeedTrials.assertMeanAtLeast(hot, 0.64);
        SeedTrials.assertMeanAtMost(hot, 0.76);
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

    /**
     * A marginal effect, tested as one: on the temperature collapse preset (1,200 steps), where the plain GAN
     * collapses in every seed, the conditional GAN covers both modes in some seeds and not in others — it has to learn
     * to use the label, and with the collapse preset's fast optimisers it often does not. Over seeds 1–16 it covers
     * both modes in at least 3 seeds and not in all 16 (neither "never" nor "reliably"). Measured on this machine,
     * seeds 1–12: both modes in 8 of 12 (modes 1.58 ± 0.19 against the plain GAN's 1.0); SkylakeX kernels, seeds 1–8: 3
     * of 8 (1.13 ± 0.30, two seeds with no mode covered); the shipped study (results/remedies-ii, 5 seeds): 1.6 ± 0.2.
     * At a rate of 0.6 a draw of 16 seeds covers both modes in every seed with probability 3·10⁻⁴, in fewer than 3 with
     * 10⁻⁴.
     */
    @Test
    @Tag("slow")
    void onTheCollapsePresetConditioningHelpsInSomeSeedsOnly() {
        SeedTrials.Runs cgan = SeedTrials.of(RemedyAssertions.temperature(),
                org.modecollapselab.catalog.Remedies.parse("cgan"), 16);
        System.out.println(cgan.modes());
        SeedTrials.Measure both = cgan.fraction("seeds with both modes covered", r -> r.modesCaptured() == 2);
        SeedTrials.assertMeanAtLeast(both, 3.0 / 16);
        SeedTrials.assertMeanAtMost(both, 15.0 / 16);
    }
}
