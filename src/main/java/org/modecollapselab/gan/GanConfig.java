package org.modecollapselab.gan;

import java.util.List;
import org.modecollapselab.nn.Activation;
import org.modecollapselab.nn.Init;
import org.modecollapselab.util.Check;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Hyperparameters of a GAN with MLP generator and discriminator. Immutable; each {@code with…} method
 * returns a copy, so a notebook can write {@code GanConfig.temperatureCollapse().withSeed(7).withBatchSize(64)}.
 *
 * @param latentDim               width of the noise vector z
 * @param latent                  distribution of z
 * @param generatorHidden         hidden widths of G
 * @param discriminatorHidden     hidden widths of D
 * @param generatorActivation     hidden activation of G
 * @param discriminatorActivation hidden activation of D
 * @param init                    weight initialisation of both networks
 * @param loss                    the generator's objective
 * @param generatorOptimizer      G's optimiser
 * @param discriminatorOptimizer  D's optimiser
 * @param batchSize               real and fake samples per step (each), &gt;= 2
 * @param discriminatorSteps      D updates per G update (k in Goodfellow et al.), &gt;= 1
 * @param seed                    seeds weights, data and noise; the same seed gives the same numbers on CPU
 * @param dataType                FLOAT (fast) or DOUBLE (for gradient checks)
 */
public record GanConfig(int latentDim, Latent latent, List<Integer> generatorHidden, List<Integer> discriminatorHidden,
                        Activation generatorActivation, Activation discriminatorActivation, Init init,
                        GeneratorLoss loss, OptimizerSpec generatorOptimizer, OptimizerSpec discriminatorOptimizer,
                        int batchSize, int discriminatorSteps, long seed, DataType dataType) {

    /** Distribution of the generator's input noise. */
    public enum Latent { GAUSSIAN, UNIFORM }

    public GanConfig {
        Check.atLeast("latentDim", latentDim, 1);
        Check.notNull("latent", latent);
        checkWidths("generatorHidden", generatorHidden);
        checkWidths("discriminatorHidden", discriminatorHidden);
        generatorHidden = List.copyOf(generatorHidden);
        discriminatorHidden = List.copyOf(discriminatorHidden);
        Check.notNull("generatorActivation", generatorActivation);
        Check.notNull("discriminatorActivation", discriminatorActivation);
        Check.notNull("init", init);
        Check.notNull("loss", loss);
        Check.notNull("generatorOptimizer", generatorOptimizer);
        Check.notNull("discriminatorOptimizer", discriminatorOptimizer);
        Check.atLeast("batchSize", batchSize, 2);
        Check.atLeast("discriminatorSteps", discriminatorSteps, 1);
        Check.notNull("dataType", dataType);
        if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
            throw new IllegalArgumentException("dataType must be FLOAT or DOUBLE, was " + dataType);
        }
    }

    private static void checkWidths(String name, List<Integer> widths) {
        Check.notNull(name, widths);
        for (int i = 0; i < widths.size(); i++) {
            Check.notNull(name + "[" + i + "]", widths.get(i));
            Check.atLeast(name + "[" + i + "]", widths.get(i), 1);
        }
    }

    /**
     * A plain GAN that collapses on the temperature data in most seeds (see the README, "A baseline that
     * collapses"): a small generator (one hidden layer of 8 leaky-ReLU units, which can still draw two peaks)
     * fed a one-dimensional latent, a 2×64 discriminator, non-saturating loss, and both players on Adam with
     * a fast learning rate (5·10⁻³) and heavy momentum (β₁ = 0.9), batches of 64.
     */
    public static GanConfig temperatureCollapse() {
        return new GanConfig(1, Latent.GAUSSIAN, List.of(8), List.of(64, 64), Activation.LEAKY_RELU,
                Activation.LEAKY_RELU, Init.PYTORCH_DEFAULT, GeneratorLoss.NON_SATURATING,
                OptimizerSpec.adam(5e-3, 0.9, 0.999), OptimizerSpec.adam(5e-3, 0.9, 0.999), 64, 1, 1L, DataType.FLOAT);
    }

    /**
     * The same GAN with a larger generator (2×64) and gentler optimisers (Adam, 10⁻³, β₁ = 0.5): it covers
     * both temperature modes in most seeds. The contrast with {@link #temperatureCollapse()} is the
     * "capacity and learning rate" knob of the remedies.
     */
    public static GanConfig temperatureBalanced() {
        return temperatureCollapse().withGeneratorHidden(64, 64)
                .withGeneratorOptimizer(OptimizerSpec.adam(1e-3)).withDiscriminatorOptimizer(OptimizerSpec.adam(1e-3));
    }

    public GanConfig withLatentDim(int v) {
        return new GanConfig(v, latent, generatorHidden, discriminatorHidden, generatorActivation,
                discriminatorActivation, init, loss, generatorOptimizer, discriminatorOptimizer, batchSize,
                discriminatorSteps, seed, dataType);
    }

    public GanConfig withLatent(Latent v) {
        return new GanConfig(latentDim, v, generatorHidden, discriminatorHidden, generatorActivation,
                discriminatorActivation, init, loss, generatorOptimizer, discriminatorOptimizer, batchSize,
                discriminatorSteps, seed, dataType);
    }

    public GanConfig withGeneratorHidden(Integer... widths) {
        return new GanConfig(latentDim, latent, List.of(widths), discriminatorHidden, generatorActivation,
                discriminatorActivation, init, loss, generatorOptimizer, discriminatorOptimizer, batchSize,
                discriminatorSteps, seed, dataType);
    }

    public GanConfig withDiscriminatorHidden(Integer... widths) {
        return new GanConfig(latentDim, latent, generatorHidden, List.of(widths), generatorActivation,
                discriminatorActivation, init, loss, generatorOptimizer, discriminatorOptimizer, batchSize,
                discriminatorSteps, seed, dataType);
    }

    public GanConfig withActivations(Activation generator, Activation discriminator) {
        return new GanConfig(latentDim, latent, generatorHidden, discriminatorHidden, generator, discriminator,
                init, loss, generatorOptimizer, discriminatorOptimizer, batchSize, discriminatorSteps, seed, dataType);
    }

    public GanConfig withInit(Init v) {
        return new GanConfig(latentDim, latent, generatorHidden, discriminatorHidden, generatorActivation,
                discriminatorActivation, v, loss, generatorOptimizer, discriminatorOptimizer, batchSize,
                discriminatorSteps, seed, dataType);
    }

    public GanConfig withLoss(GeneratorLoss v) {
        return new GanConfig(latentDim, latent, generatorHidden, discriminatorHidden, generatorActivation,
                discriminatorActivation, init, v, generatorOptimizer, discriminatorOptimizer, batchSize,
                discriminatorSteps, seed, dataType);
    }

    public GanConfig withGeneratorOptimizer(OptimizerSpec v) {
        return new GanConfig(latentDim, latent, generatorHidden, discriminatorHidden, generatorActivation,
                discriminatorActivation, init, loss, v, discriminatorOptimizer, batchSize, discriminatorSteps, seed,
                dataType);
    }

    public GanConfig withDiscriminatorOptimizer(OptimizerSpec v) {
        return new GanConfig(latentDim, latent, generatorHidden, discriminatorHidden, generatorActivation,
                discriminatorActivation, init, loss, generatorOptimizer, v, batchSize, discriminatorSteps, seed,
                dataType);
    }

    /** Sets both learning rates. */
    public GanConfig withLearningRates(double generator, double discriminator) {
        return withGeneratorOptimizer(generatorOptimizer.withLearningRate(generator))
                .withDiscriminatorOptimizer(discriminatorOptimizer.withLearningRate(discriminator));
    }

    public GanConfig withBatchSize(int v) {
        return new GanConfig(latentDim, latent, generatorHidden, discriminatorHidden, generatorActivation,
                discriminatorActivation, init, loss, generatorOptimizer, discriminatorOptimizer, v, discriminatorSteps,
                seed, dataType);
    }

    public GanConfig withDiscriminatorSteps(int v) {
        return new GanConfig(latentDim, latent, generatorHidden, discriminatorHidden, generatorActivation,
                discriminatorActivation, init, loss, generatorOptimizer, discriminatorOptimizer, batchSize, v, seed,
                dataType);
    }

    public GanConfig withSeed(long v) {
        return new GanConfig(latentDim, latent, generatorHidden, discriminatorHidden, generatorActivation,
                discriminatorActivation, init, loss, generatorOptimizer, discriminatorOptimizer, batchSize,
                discriminatorSteps, v, dataType);
    }

    public GanConfig withDataType(DataType v) {
        return new GanConfig(latentDim, latent, generatorHidden, discriminatorHidden, generatorActivation,
                discriminatorActivation, init, loss, generatorOptimizer, discriminatorOptimizer, batchSize,
                discriminatorSteps, seed, v);
    }
}
