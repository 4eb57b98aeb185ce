package org.modecollapselab.study;

import java.util.List;
import java.util.Locale;
import org.modecollapselab.data.DataSource;
import org.modecollapselab.data.GaussianMixture;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.classifier.DigitScorer;
import org.modecollapselab.config.Dcgan;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.mnist.Mnist;
import org.modecollapselab.data.mnist.MnistDigits;
import org.modecollapselab.data.mnist.StackedMnist;
import org.modecollapselab.metric.CoverageScorer;
import org.modecollapselab.metric.CoverageThresholds;
import org.modecollapselab.util.Check;

/**
 * A data set with the GAN, training length and coverage scoring a study uses for it.
 *
 * @param name   the name in commands and CSV files
 * @param data   the data
 * @param config the plain GAN (seeds are set per run)
 * @param steps  training steps per run, &gt;= 1
 * @param scorer how coverage is scored: by distance to the data's Gaussian modes
 *               ({@link CoverageScorer#nearestMode}), or by the digit classifier for MNIST and Stacked MNIST
 */
public record StudyCase(String name, DataSource data, GanConfig config, int steps, CoverageScorer scorer) {
    /** The study command's data sets. */
    public static final List<String> DEFAULTS = List.of("temperature", "temperature-hopping", "ring", "grid");

    public StudyCase {
        Check.notBlank("name", name);
        Check.notNull("data", data);
        Check.notNull("config", config);
        Check.atLeast("steps", steps, 1);
        Check.notNull("scorer", scorer);
    }

    /** A case scored by distance to the data's Gaussian modes with {@code thresholds}. */
    public StudyCase(String name, DataSource data, GanConfig config, int steps, CoverageThresholds thresholds) {
        this(name, data, config, steps, CoverageScorer.nearestMode(Check.notNull("data", data).modes(),
                Check.notNull("thresholds", thresholds)));
    }

    public StudyCase withSteps(int v) {
        return new StudyCase(name, data, config, v, scorer);
    }

    public StudyCase withConfig(GanConfig v) {
        return new StudyCase(name, data, v, steps, scorer);
    }

    /**
     * A data set by name: {@code temperature} (the 1-D collapse preset, 1,200 steps, 3σ and 5% per mode),
     * {@code temperature-hopping} (the hopping preset, 2,000 steps, the same thresholds),
     * {@code ring} and {@code grid} (the teaching mixtures with their collapse presets, VEEGAN's thresholds),
     * {@code pacgan-ring} and {@code pacgan-grid} (PacGAN's mixtures and architecture, 20,000 steps), {@code mnist}
     * and {@code stacked-mnist} ({@link #mnist}, {@link #stackedMnist}), {@code mnist-dcgan} ({@link #mnistDcgan}: the
     * same with convolutional networks); the digits come from {@link Mnist#obtain}: the data setting, the cache, or a
     * download.
     */
    public static StudyCase named(String dataset) {
        String spec = Check.notNull("dataset", dataset);
        String s = spec.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "temperature" -> new StudyCase(s, TemperatureData.aliceSpringsAndSouthPole(),
                    GanConfig.temperatureCollapse(), 1200, CoverageThresholds.standard());
            case "temperature-hopping" -> new StudyCase(s, TemperatureData.aliceSpringsAndSouthPole(),
                    GanConfig.temperatureHopping(), 2000, CoverageThresholds.standard());
            case "ring" -> new StudyCase(s, GaussianMixture.teachingRing(), GanConfig.ringCollapse(), 2000,
                    CoverageThresholds.veegan());
            case "grid" -> new StudyCase(s, GaussianMixture.teachingGrid(), GanConfig.gridCollapse(), 3000,
                    CoverageThresholds.veegan());
            case "pacgan-ring" -> new StudyCase(s, GaussianMixture.pacganRing(), GanConfig.pacgan2d(), 20000,
                    CoverageThresholds.veegan());
            case "pacgan-grid" -> new StudyCase(s, GaussianMixture.pacganGrid(), GanConfig.pacgan2d(), 20000,
                    CoverageThresholds.veegan());
            case "mnist" -> mnist(Mnist.obtain());
            case "stacked-mnist" -> stackedMnist(Mnist.obtain());
            case "mnist-dcgan" -> mnistDcgan(Mnist.obtain());
            default -> throw new IllegalArgumentException("dataset must be one of temperature, temperature-hopping, ring, grid, "
                    + "pacgan-ring, pacgan-grid, mnist, stacked-mnist, mnist-dcgan; was '" + spec + "'");
        };
    }

    /** Training steps of the MNIST cases. */
    public static final int MNIST_STEPS = 3000;

    /**
     * MNIST: the collapse preset {@link GanConfig#mnistCollapse()}, {@value #MNIST_STEPS} steps, digits read by the
     * stored classifier ({@link DigitScorer#digits}: confident at 90%, a digit covered by 2% of the samples).
     */
    public static StudyCase mnist(MnistDigits digits) {
        Check.notNull("digits", digits);
        return new StudyCase("mnist", digits, GanConfig.mnistCollapse(), MNIST_STEPS, DigitScorer.digits(digits));
    }

    /** Training steps of the convolutional MNIST case (a small DCGAN step costs about as much as 20 MLP steps). */
    public static final int MNIST_DCGAN_STEPS = 600;

    /**
     * MNIST with convolutional networks: the collapse preset {@link GanConfig#mnistCollapse()} (latent 16, Adam
     * 2·10⁻³ with β₁ = 0.9, batch 64) with the small DCGAN ({@link Dcgan#small(int)}, w = 8) as G and D instead of
     * its MLPs, {@value #MNIST_DCGAN_STEPS} steps, scored as {@link #mnist}. Remedies that need exact second-order
     * products (exact unrolling, the exact gradient penalty) are refused for it.
     */
    public static StudyCase mnistDcgan(MnistDigits digits) {
        Check.notNull("digits", digits);
        Dcgan net = Dcgan.small(1);
        return new StudyCase("mnist-dcgan", digits, GanConfig.mnistCollapse().withGeneratorArchitecture(net)
                .withDiscriminatorArchitecture(net), MNIST_DCGAN_STEPS, DigitScorer.digits(digits));
    }

    /**
     * Stacked MNIST: the same preset on three-channel images, {@value #MNIST_STEPS} steps, its 1,000 modes read by
     * the stored classifier channel by channel, counted as the papers count them ({@link DigitScorer#stackedMnist}).
     */
    public static StudyCase stackedMnist(MnistDigits digits) {
        Check.notNull("digits", digits);
        StackedMnist data = StackedMnist.of(digits);
        return new StudyCase("stacked-mnist", data, GanConfig.mnistCollapse(), MNIST_STEPS,
                DigitScorer.stackedMnist(data));
    }
}
