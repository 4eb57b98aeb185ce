package org.modecollapselab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.modecollapselab.config.Dcgan;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.DataSource;
import org.modecollapselab.data.GaussianMixture;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.data.mnist.DownloadListener;
import org.modecollapselab.data.mnist.Mnist;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.metric.Mode;
import org.modecollapselab.metric.ModeSet;
import org.modecollapselab.nn.OptimizerSpec;
import org.modecollapselab.util.Check;

/**
 * Times the training step for {@code environment/bench}: {@code java … GanBenchmark <case> <warmupSteps> <steps>}
 * prints one line {@code case=<name> steps_per_s=<x> peak_rss_mib=<y>}. The PyTorch reference
 * ({@code environment/benchmark/pytorch_gan.py}) trains the same networks with the same settings.
 *
 * <p>Cases: {@code temperature} — the 1-D temperature GAN with 2×64 leaky-ReLU MLPs for G and D, latent 1,
 * batch 256, Adam(10⁻³, 0.5, 0.999), non-saturating loss, one D step per G step; {@code ring} — PacGAN's 2-D
 * ring with PacGAN's architecture ({@link GanConfig#pacgan2d()}: G 2→4×400→2 with batch norm and ReLU, D
 * 2→3×200→1 with 5-piece maxout, batch 100, Adam 10⁻⁴ β₁ 0.8); {@code dcgan} — the DCGAN for 28×28×1 images
 * ({@link Dcgan#mnist(int)}, w = 64, with {@link Dcgan#ganConfig()}: latent 100, N(0, 0.02²) weights, Adam 2·10⁻⁴
 * β₁ 0.5, batch 64); {@code dcgan-small} — the same with the small preset ({@link Dcgan#small(int)}, w = 8). The DCGAN
 * cases time the step, not the data: their real images are uniform random pixels of the right shape (no MNIST
 * needed); {@code mnist} — the MLP GAN on MNIST digits
 * ({@link GanConfig#mnistMlp()}: G 64→256→512→784 with leaky ReLU and tanh, D 784→512→256→1 with leaky ReLU, batch
 * 64, Adam 2·10⁻⁴ β₁ 0.5; 64 images per step), the digits from {@link Mnist#obtain()} (the data setting or the
 * download cache).
 */
public final class GanBenchmark {
    private GanBenchmark() {
    }

    /** The configuration of a benchmark case. */
    public static GanConfig config(String benchmark) {
        String name = Check.notNull("benchmark", benchmark);
        return switch (name) {
            case "temperature" -> GanConfig.temperatureCollapse().withGeneratorHidden(64, 64)
                    .withDiscriminatorHidden(64, 64).withBatchSize(256).withGeneratorOptimizer(OptimizerSpec.adam(1e-3))
                    .withDiscriminatorOptimizer(OptimizerSpec.adam(1e-3));
            case "ring" -> GanConfig.pacgan2d();
            case "dcgan" -> Dcgan.mnist(1).ganConfig();
            case "dcgan-small" -> Dcgan.small(1).ganConfig();
            case "mnist" -> GanConfig.mnistMlp();
            default -> throw new IllegalArgumentException("benchmark must be one of " + Arrays.toString(CASES) + ", was '"
                    + name + "'");
        };
    }

    /** The benchmark cases. */
    public static final String[] CASES = {"temperature", "ring", "dcgan", "dcgan-small", "mnist"};

    /** The data of a benchmark case. */
    public static DataSource data(String benchmark) {
        config(benchmark);
        return switch (benchmark) {
            case "ring" -> GaussianMixture.pacganRing();
            case "dcgan", "dcgan-small" -> new RandomImages(28);
            case "mnist" -> Mnist.obtain(DownloadListener.NONE);
            default -> TemperatureData.aliceSpringsAndSouthPole();
        };
    }

    /**
     * Uniform random pixels in [0, 1] of S×S one-channel images, standardised with mean and sd 0.5 to [−1, 1] (as
     * image data sets are for a tanh generator): what a DCGAN step costs does not depend on what the images show.
     */
    private record RandomImages(int size) implements DataSource {
        @Override
        public int dimension() {
            return size * size;
        }

        @Override
        public double[] sample(int n, RandomGenerator rng) {
            double[] v = new double[n * dimension()];
            for (int i = 0; i < v.length; i++) {
                v[i] = rng.nextDouble();
            }
            return v;
        }

        @Override
        public ModeSet modes() {
            double[] centre = new double[dimension()];
            Arrays.fill(centre, 0.5);
            return ModeSet.of(new Mode("uniform noise", centre, Math.sqrt(1.0 / 12), 1));
        }

        @Override
        public String name() {
            return "random " + size + "×" + size + " images";
        }

        @Override
        public double[] mean() {
            return constant(0.5);
        }

        @Override
        public double[] sd() {
            return constant(0.5);
        }

        private double[] constant(double v) {
            double[] a = new double[dimension()];
            Arrays.fill(a, v);
            return a;
        }
    }

    public static void main(String[] args) throws Exception {
        Check.noNulls("args", args);
        if (args.length != 3) {
            throw new IllegalArgumentException("args must be <benchmark> <warmupSteps> <steps>, was "
                    + Arrays.toString(args));
        }
        String name = args[0];
        int warmup = whole("warmupSteps", args[1]);
        int steps = whole("steps", args[2]);
        double sps = StepTimer.stepsPerSecond(Gan.create(data(name), config(name)), warmup, steps);
        System.out.printf(Locale.ROOT, "case=%s steps_per_s=%.3f peak_rss_mib=%.0f%n", name, sps, peakRssMib());
    }

    private static int whole(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'");
        }
    }

    /** Peak resident memory of this process (VmHWM), heap and off-heap together; NaN where not on Linux. */
    static double peakRssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (Exception e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
