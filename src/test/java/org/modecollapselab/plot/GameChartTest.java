package org.modecollapselab.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.GaussianMixture;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.remedy.packing.Packing;

class GameChartTest {
    static final GanConfig SMALL = GanConfig.ringCollapse().withGeneratorHidden(32, 32).withDiscriminatorHidden(32)
            .withBatchSize(64).withDataType(org.nd4j.linalg.api.buffer.DataType.DOUBLE);

    @Test
    void generatorPushIsMinusTheGradientOfEachSamplesGeneratorLoss() {
        var ring = GaussianMixture.teachingRing();
        Gan gan = Gan.create(ring, SMALL);
        gan.train(30);
        double[][] x = gan.sample(5, 3L);
        double[][] push = gan.generatorPush(x);
        double h = 1e-5;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 2; j++) {
                double[] a = x[i].clone();
                double[] b = x[i].clone();
                a[j] += h;
                b[j] -= h;
                // Non-saturating loss of one sample: −log D(x); the push is −∂/∂x of it = ∂ log D / ∂x.
                double fd = (Math.log(gan.discriminatorProbability(new double[][] {a})[0])
                        - Math.log(gan.discriminatorProbability(new double[][] {b})[0])) / (2 * h);
                assertEquals(fd, push[i][j], 1e-5 * Math.max(1, Math.abs(fd)), "sample " + i + ", coordinate " + j);
            }
        }
        assertEquals(0, gan.generatorPush(new double[0][]).length);
        assertThrows(IllegalArgumentException.class, () -> gan.generatorPush(new double[][] {{1, 2, 3}}));
    }

    @Test
    void manifoldIsGsImageOfTheLatentPoints() {
        Gan gan = Gan.create(GaussianMixture.teachingRing(), SMALL);
        double[][] z = {{0.1, -0.2}, {1.5, 0.3}};
        double[][] a = gan.generate(z);
        assertEquals(2, a.length);
        assertArrayEquals(a[1], gan.generate(new double[][] {z[1]})[0], 1e-12);
        assertEquals("latent[0] must have 2 values (latentDim), was 1",
                assertThrows(IllegalArgumentException.class, () -> gan.generate(new double[][] {{1}})).getMessage());
    }

    @Test
    void gameChartShowsTheVerdictSamplesArrowsAndManifold() throws Exception {
        var ring = GaussianMixture.teachingRing();
        Gan gan = Gan.create(ring, SMALL);
        gan.train(150);
        double[][] real = ring.sample(400, 1L);
        XYChart c = Charts.game(gan, real, gan.sample(300, 2L), true, "The game, step " + gan.stepsDone());
        var names = List.copyOf(c.getSeriesMap().keySet());
        assertTrue(names.contains("real") && names.contains("generated"), names.toString());
        assertTrue(names.contains("G's push −∂ℓ_G/∂x"), names.toString());
        assertTrue(names.contains("G's manifold (image of a latent grid)"), names.toString());
        BufferedImage img = Charts.image(c);
        int greenish = 0;
        int purplish = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                Color p = new Color(img.getRGB(x, y));
                greenish += p.getGreen() > p.getRed() + 20 && p.getGreen() > p.getBlue() + 20 ? 1 : 0;
                purplish += p.getBlue() > p.getGreen() + 20 && p.getRed() > p.getGreen() + 10 ? 1 : 0;
            }
        }
        assertTrue(greenish > 200 && purplish > 200, "heatmap shows both verdicts: green " + greenish + ", purple "
                + purplish);
        Path out = Path.of("target", "test-figures");
        var files = Charts.save(c, out.resolve("game"));
        assertTrue(Files.readString(files.get(1)).contains("<svg"));

        Gan packed = Gan.create(ring, SMALL, new Packing(2));
        XYChart p = Charts.game(packed, real, packed.sample(100, 2L), false, "packed");
        assertTrue(p.getTitle().contains("no heatmap"));
        assertFalse(p.getSeriesMap().containsKey("G's push −∂ℓ_G/∂x"));
    }
}
