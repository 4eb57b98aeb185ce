package org.modecollapselab.config;

import java.util.Arrays;
import java.util.List;
import org.modecollapselab.nn.Activation;
import org.modecollapselab.nn.Init;
import org.modecollapselab.nn.OptimizerSpec;
import org.modecollapselab.objective.GeneratorLoss;
import org.modecollapselab.objective.Objective;
import org.modecollapselab.util.Check;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Hyperparameters of a GAN: its networks (MLPs by default), objective, optimisers, batch and seed. Immutable; each
 * {@code with…} method
 * returns a copy, so a notebook can write {@code GanConfig.temperatureCollapse().withSeed(7).withBatchSize(64)}.
 *
 * @param latentDim               width of the noise vector z
 * @param latent                  distribution of z
 * @param generatorHidden         hidden widths of G
 * @param discriminatorHidden     hidden widths of D
 * @param generatorActivation     hidden activation of G
 * @param discriminatorActivation hidden activation of D
 * @param init                    weight initialisation of both networks
 * @param generatorBatchNorm      batch normalisation after each hidden linear layer of G (as in PacGAN's 2-D
 *                                experiments; batch statistics in training and sampling alike)
 * @param discriminatorMaxout     maxout pieces per hidden unit of D (1: a plain layer; 5 in PacGAN's 2-D experiments)
 * @param objective               what D and G optimise (the original GAN's with the non-saturating G loss by
 *                                default)
 * @param generatorOptimizer      G's optimiser
 * @param discriminatorOptimizer  D's optimiser
 * @param batchSize               real and fake samples per step (each), &gt;= 2
 * @param discriminatorSteps      D updates per G update (k in Goodfellow et al.), &gt;= 1
 * @param seed                    seeds weights, data and noise; the same seed gives the same numbers on CPU
 * @param dataType                FLOAT (fast) or DOUBLE (for gradient checks)
 * @param generatorArchitecture   how G is built ({@link Architecture#MLP}: from the MLP settings above)
 * @param discriminatorArchitecture how D is built ({@link Architecture#MLP}: from the MLP settings above)
 * @param discriminatorDropout    probability that a hidden unit of D is dropped in D's training passes (in both
 *                                players' updates; never when D's verdict is shown), in [0, 1); 0 for none (MLP D)
 */
public record GanConfig(int latentDim, Latent latent, List<Integer> generatorHidden, List<Integer> discriminatorHidden,
                        Activation generatorActivation, Activation discriminatorActivation, Init init,
                        boolean generatorBatchNorm, int discriminatorMaxout,
                        Objective objective, OptimizerSpec generatorOptimizer, OptimizerSpec discriminatorOptimizer,
                        int batchSize, int discriminatorSteps, long seed, DataType dataType,
                        Architecture generatorArchitecture, Architecture discriminatorArchitecture,
                        double discriminatorDropout) {

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
        Check.atLeast("discriminatorMaxout", discriminatorMaxout, 1);
        Check.notNull("objective", objective);
        Check.notNull("generatorOptimizer", generatorOptimizer);
        Check.notNull("discriminatorOptimizer", discriminatorOptimizer);
        Check.atLeast("batchSize", batchSize, 2);
        Check.atLeast("discriminatorSteps", discriminatorSteps, 1);
        Check.notNull("dataType", dataType);
        if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
            throw new IllegalArgumentException("dataType must be FLOAT or DOUBLE, was " + dataType);
        }
        Check.notNull("generatorArchitecture", generatorArchitecture);
        Check.notNull("discriminatorArchitecture", discriminatorArchitecture);
        Check.inHalfOpen("discriminatorDropout", discriminatorDropout, 0, 1);
        if (discriminatorDropout > 0 && discriminatorArchitecture != Architecture.MLP) {
            throw new IllegalArgumentException("discriminatorDropout needs the MLP discriminator architecture (other "
                    + "architectures bring their own), was " + discriminatorDropout + " with " + discriminatorArchitecture);
        }
        fitsDataType("generatorOptimizer", generatorOptimizer, dataType);
        fitsDataType("discriminatorOptimizer", discriminatorOptimizer, dataType);
    }

    /**
     * An optimiser's settings must be numbers of the parameters' data type: a learning rate beyond FLOAT's range
     * (e.g. 1e39) becomes ∞ in a FLOAT update, and an epsilon below its smallest number becomes 0.
     */
    private static void fitsDataType(String name, OptimizerSpec o, DataType dataType) {
        if (dataType != DataType.FLOAT) {
            return;
        }
        if (o.learningRate() > Float.MAX_VALUE) {
            throw new IllegalArgumentException(name + ".learningRate must be <= " + Float.MAX_VALUE
                    + " (the largest FLOAT, the parameters' data type), was " + o.learningRate());
        }
        if (o.kind() != OptimizerSpec.Kind.SGD && o.epsilon() < Float.MIN_NORMAL) {
            throw new IllegalArgumentException(name + ".epsilon must be >= " + Float.MIN_NORMAL
                    + " (the smallest normal FLOAT, the parameters' data type), was " + o.epsilon());
        }
    }

    /** Without dropout in D. */
    public GanConfig(int latentDim, Latent latent, List<Integer> generatorHidden, List<Integer> discriminatorHidden,
                     Activation generatorActivation, Activation discriminatorActivation, Init init,
                     boolean generatorBatchNorm, int discriminatorMaxout, Objective objective,
                     OptimizerSpec generatorOptimizer, OptimizerSpec discriminatorOptimizer, int batchSize,
                     int discriminatorSteps, long seed, DataType dataType, Architecture generatorArchitecture,
                     Architecture discriminatorArchitecture) {
        this(latentDim, latent, generatorHidden, discriminatorHidden, generatorActivation, discriminatorActivation,
                init, generatorBatchNorm, discriminatorMaxout, objective, generatorOptimizer, discriminatorOptimizer,
                batchSize, discriminatorSteps, seed, dataType, generatorArchitecture, discriminatorArchitecture, 0);
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
                Activation.LEAKY_RELU, Init.PYTORCH_DEFAULT, false, 1, Objective.standard(),
                OptimizerSpec.adam(5e-3, 0.9, 0.999), OptimizerSpec.adam(5e-3, 0.9, 0.999), 64, 1, 1L, DataType.FLOAT, Architecture.MLP, Architecture.MLP);
    }

    /**
     * A plain GAN whose generator <em>hops</em> between the temperature modes — the cat-and-mouse loop in its pure
     * form (README, "A baseline that hops"): the collapse preset with a discriminator of one hidden layer of 4 units.
     * G sits on one mode for a hundred steps or more while D learns to call its values fake, then jumps to the other
     * mode, and back; in 2,000 steps the dominant mode switched at least twice in 6 of 6 seeds.
     */
    public static GanConfig temperatureHopping() {
        return temperatureCollapse().withDiscriminatorHidden(4);
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

    /**
     * A plain GAN that collapses on the teaching ring ({@code GaussianMixture.teachingRing()}): the networks of
     * the unrolled-GAN paper's ring experiment (Metz et al. 2017: G 2→2×128→2, D 2→128→1, ReLU) with a 2-D
     * latent, Adam 10⁻³ with β₁ = 0.5 for both, batches of 256. Within 2,000 steps it sits on at most one mode
     * at a time and moves between them (README, "2-D settings that collapse").
     */
    public static GanConfig ringCollapse() {
        return new GanConfig(2, Latent.GAUSSIAN, List.of(128, 128), List.of(128), Activation.RELU, Activation.RELU,
                Init.PYTORCH_DEFAULT, false, 1, Objective.standard(), OptimizerSpec.adam(1e-3, 0.5, 0.999),
                OptimizerSpec.adam(1e-3, 0.5, 0.999), 256, 1, 1L, DataType.FLOAT, Architecture.MLP, Architecture.MLP);
    }

    /** The same GAN for the teaching grid ({@code GaussianMixture.teachingGrid()}). */
    public static GanConfig gridCollapse() {
        return ringCollapse();
    }

    /**
     * The 2-D architecture of PacGAN's Table 1 (Lin et al. 2018, from the paper's code): latent 2-D N(0, I);
     * G 2→4×400→2 with batch normalisation and ReLU; D 2→3×200→1 with 5-piece maxout units; weights N(0, 0.02²),
     * biases 0; Adam 10⁻⁴ with β₁ = 0.8 for both; batches of 100; the non-saturating generator loss (the code's
     * generator loss, softplus(D(x)) + softplus(−D(G(z))), differs from it by a term that does not depend on G).
     * Departure: batch normalisation uses batch statistics when sampling too (the code keeps running averages; with
     * 2,500 samples scored at once the two agree up to sampling noise).
     */
    public static GanConfig pacgan2d() {
        return new GanConfig(2, Latent.GAUSSIAN, List.of(400, 400, 400, 400), List.of(200, 200, 200), Activation.RELU,
                Activation.IDENTITY, Init.NORMAL_002, true, 5, Objective.standard(),
                OptimizerSpec.adam(1e-4, 0.8, 0.999), OptimizerSpec.adam(1e-4, 0.8, 0.999), 100, 1, 1L, DataType.FLOAT, Architecture.MLP, Architecture.MLP);
    }

    /**
     * A plain MLP GAN that collapses on MNIST (see the README, "MNIST: a GAN that draws a few digits"): the
     * temperature collapse recipe on digits — a small generator (latent 16, one hidden layer of 128 leaky-ReLU units,
     * tanh output: {@link ImageMlp#TANH}), a discriminator with one hidden layer of 256 leaky-ReLU units, and both
     * players on Adam with a fast learning rate (2·10⁻³) and heavy momentum (β₁ = 0.9); batches of 64, the
     * non-saturating loss. It works for any image size (Stacked MNIST: G's output and D's input are 2,352 wide).
     */
    public static GanConfig mnistCollapse() {
        return new GanConfig(16, Latent.GAUSSIAN, List.of(128), List.of(256), Activation.LEAKY_RELU,
                Activation.LEAKY_RELU, Init.PYTORCH_DEFAULT, false, 1, Objective.standard(),
                OptimizerSpec.adam(2e-3, 0.9, 0.999), OptimizerSpec.adam(2e-3, 0.9, 0.999), 64, 1, 1L, DataType.FLOAT,
                ImageMlp.TANH, Architecture.MLP);
    }

    /**
     * A conventional MLP GAN for MNIST, the benchmark's: latent 64, G 64→256→512→784 with leaky ReLU and a tanh
     * output, D 784→512→256→1 with leaky ReLU, Adam 2·10⁻⁴ with β₁ = 0.5 for both, batches of 64.
     */
    public static GanConfig mnistMlp() {
        return mnistCollapse().withLatentDim(64).withGeneratorHidden(256, 512).withDiscriminatorHidden(512, 256)
                .withGeneratorOptimizer(OptimizerSpec.adam(2e-4, 0.5, 0.999))
                .withDiscriminatorOptimizer(OptimizerSpec.adam(2e-4, 0.5, 0.999));
    }

    private Builder toBuilder() {
        return new Builder(this);
    }

    public GanConfig withLatentDim(int v) {
        return toBuilder().latentDim(v).build();
    }

    public GanConfig withLatent(Latent v) {
        return toBuilder().latent(v).build();
    }

    public GanConfig withGeneratorHidden(Integer... widths) {
        return toBuilder().generatorHidden(Arrays.asList(Check.notNull("generatorHidden", widths))).build();
    }

    public GanConfig withDiscriminatorHidden(Integer... widths) {
        return toBuilder().discriminatorHidden(Arrays.asList(Check.notNull("discriminatorHidden", widths)))
                .build();
    }

    public GanConfig withActivations(Activation generatorActivation, Activation discriminatorActivation) {
        return toBuilder().generatorActivation(generatorActivation).discriminatorActivation(discriminatorActivation)
                .build();
    }

    public GanConfig withInit(Init v) {
        return toBuilder().init(v).build();
    }

    public GanConfig withGeneratorBatchNorm(boolean v) {
        return toBuilder().generatorBatchNorm(v).build();
    }

    public GanConfig withDiscriminatorMaxout(int pieces) {
        return toBuilder().discriminatorMaxout(pieces).build();
    }

    /** The original GAN objective with generator loss {@code v} (minimax or non-saturating). */
    public GanConfig withLoss(GeneratorLoss v) {
        return withObjective(Objective.gan(Check.notNull("loss", v)));
    }

    public GanConfig withObjective(Objective v) {
        return toBuilder().objective(v).build();
    }

    public GanConfig withGeneratorArchitecture(Architecture v) {
        return toBuilder().generatorArchitecture(v).build();
    }

    public GanConfig withDiscriminatorArchitecture(Architecture v) {
        return toBuilder().discriminatorArchitecture(v).build();
    }

    public GanConfig withGeneratorOptimizer(OptimizerSpec v) {
        return toBuilder().generatorOptimizer(v).build();
    }

    public GanConfig withDiscriminatorOptimizer(OptimizerSpec v) {
        return toBuilder().discriminatorOptimizer(v).build();
    }

    /** Sets both learning rates. */
    public GanConfig withLearningRates(double generatorLearningRate, double discriminatorLearningRate) {
        Check.positive("generatorLearningRate", generatorLearningRate);
        Check.positive("discriminatorLearningRate", discriminatorLearningRate);
        return toBuilder().generatorOptimizer(generatorOptimizer.withLearningRate(generatorLearningRate))
                .discriminatorOptimizer(discriminatorOptimizer.withLearningRate(discriminatorLearningRate)).build();
    }

    /** Dropout in D's hidden layers with probability {@code p} (see the record's parameter). */
    public GanConfig withDiscriminatorDropout(double p) {
        return toBuilder().discriminatorDropout(p).build();
    }

    /** Weight decay λ on both optimisers (see {@link OptimizerSpec}). */
    public GanConfig withWeightDecay(double generator, double discriminator) {
        Check.nonNegative("generator", generator);
        Check.nonNegative("discriminator", discriminator);
        return toBuilder().generatorOptimizer(generatorOptimizer.withWeightDecay(generator))
                .discriminatorOptimizer(discriminatorOptimizer.withWeightDecay(discriminator)).build();
    }

    public GanConfig withBatchSize(int v) {
        return toBuilder().batchSize(v).build();
    }

    public GanConfig withDiscriminatorSteps(int v) {
        return toBuilder().discriminatorSteps(v).build();
    }

    public GanConfig withSeed(long v) {
        return toBuilder().seed(v).build();
    }

    public GanConfig withDataType(DataType v) {
        return toBuilder().dataType(v).build();
    }

    /** A mutable copy for the {@code with…} methods; validation happens in {@link #build()}. */
    private static final class Builder {
        private int latentDim;
        private Latent latent;
        private List<Integer> generatorHidden;
        private List<Integer> discriminatorHidden;
        private Activation generatorActivation;
        private Activation discriminatorActivation;
        private Init init;
        private boolean generatorBatchNorm;
        private int discriminatorMaxout;
        private Objective objective;
        private OptimizerSpec generatorOptimizer;
        private OptimizerSpec discriminatorOptimizer;
        private int batchSize;
        private int discriminatorSteps;
        private long seed;
        private DataType dataType;
        private Architecture generatorArchitecture;
        private Architecture discriminatorArchitecture;
        private double discriminatorDropout;

        Builder(GanConfig c) {
            latentDim = c.latentDim;
            latent = c.latent;
            generatorHidden = c.generatorHidden;
            discriminatorHidden = c.discriminatorHidden;
            generatorActivation = c.generatorActivation;
            discriminatorActivation = c.discriminatorActivation;
            init = c.init;
            generatorBatchNorm = c.generatorBatchNorm;
            discriminatorMaxout = c.discriminatorMaxout;
            objective = c.objective;
            generatorOptimizer = c.generatorOptimizer;
            discriminatorOptimizer = c.discriminatorOptimizer;
            batchSize = c.batchSize;
            discriminatorSteps = c.discriminatorSteps;
            seed = c.seed;
            dataType = c.dataType;
            generatorArchitecture = c.generatorArchitecture;
            discriminatorArchitecture = c.discriminatorArchitecture;
            discriminatorDropout = c.discriminatorDropout;
        }

        Builder latentDim(int v) { latentDim = v; return this; }
        Builder latent(Latent v) { latent = v; return this; }
        Builder generatorHidden(List<Integer> v) { generatorHidden = v; return this; }
        Builder discriminatorHidden(List<Integer> v) { discriminatorHidden = v; return this; }
        Builder generatorActivation(Activation v) { generatorActivation = v; return this; }
        Builder discriminatorActivation(Activation v) { discriminatorActivation = v; return this; }
        Builder init(Init v) { init = v; return this; }
        Builder generatorBatchNorm(boolean v) { generatorBatchNorm = v; return this; }
        Builder discriminatorMaxout(int v) { discriminatorMaxout = v; return this; }
        Builder objective(Objective v) { objective = v; return this; }
        Builder generatorOptimizer(OptimizerSpec v) { generatorOptimizer = v; return this; }
        Builder discriminatorOptimizer(OptimizerSpec v) { discriminatorOptimizer = v; return this; }
        Builder batchSize(int v) { batchSize = v; return this; }
        Builder discriminatorSteps(int v) { discriminatorSteps = v; return this; }
        Builder seed(long v) { seed = v; return this; }
        Builder dataType(DataType v) { dataType = v; return this; }
        Builder generatorArchitecture(Architecture v) { generatorArchitecture = v; return this; }
        Builder discriminatorArchitecture(Architecture v) { discriminatorArchitecture = v; return this; }
        Builder discriminatorDropout(double v) { discriminatorDropout = v; return this; }

        GanConfig build() {
            return new GanConfig(latentDim, latent, generatorHidden, discriminatorHidden, generatorActivation,
                    discriminatorActivation, init, generatorBatchNorm, discriminatorMaxout, objective, generatorOptimizer,
                    discriminatorOptimizer, batchSize, discriminatorSteps, seed, dataType, generatorArchitecture,
                    discriminatorArchitecture, discriminatorDropout);
        }
    }
}
