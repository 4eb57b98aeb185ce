package org.modecollapselab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.modecollapselab.data.DataSource;
import org.modecollapselab.data.GaussianMixture;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.config.GanConfig;
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
 * 2→3×200→1 with 5-piece maxout, batch 100, Adam 10⁻⁴ β₁ 0.8).
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
            default -> throw new IllegalArgumentException("benchmark must be one of temperature, ring; was '" + name
                    + "'");
        };
    }

    /** The data of a benchmark case. */
    public static DataSource data(String benchmark) {
        config(benchmark);
        return benchmark.equals("ring") ? GaussianMixture.pacganRing() : TemperatureData.aliceSpringsAndSouthPole();
    }

    public static void main(String[] args) throws Exception {
        Check.noNulls("args", args);
        if (args.length != 3) {
            throw new IllegalArgumentException("args must be <benchmark> <warmupSteps> <steps>, was "
                    + java.util.Arrays.toString(args));
        }
        String name = args[0];
        int warmup = whole("warmupSteps", args[1]);
        int steps = whole("steps", args[2]);
        double sps = StepTimer.stepsPerSecond(Gan.create(data(name), config(name)), warmup, steps);
        System.out.printf(Locale.ROOT, "case=%s steps_per_s=%.1f peak_rss_mib=%.0f%n", name, sps, peakRssMib());
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
