package org.modecollapselab.gan;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.modecollapselab.data.DataSource;
import org.modecollapselab.metric.Mode;
import org.modecollapselab.nn.Activation;
import org.modecollapselab.nn.Mlp;
import org.modecollapselab.nn.MlpSpec;
import org.modecollapselab.util.Check;
import org.modecollapselab.util.NdArrays;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A GAN with MLP generator and discriminator (Goodfellow et al., "Generative Adversarial Nets", 2014), and
 * the project's one training step: {@code k} discriminator updates, then one generator update.
 *
 * <p>Data are standardised with the data source's mean and standard deviation before training, and generated
 * samples are mapped back to data units. The discriminator outputs a logit; losses and their gradients with
 * respect to the logits are computed in double precision ({@link Losses}), everything else is ND4J.
 * Remedies plug in as {@link StepHook}s. Weights, data draws and noise all derive from the config's seed,
 * so the same seed gives the same numbers on CPU.
 */
public final class Gan {
    private final DataSource data;
    private final GanConfig config;
    private final Mlp generator;
    private final Mlp discriminator;
    private final Optimizer generatorOptimizer;
    private final Optimizer discriminatorOptimizer;
    private final List<StepHook> hooks;
    private final SplittableRandom dataRng;
    private final SplittableRandom noiseRng;
    private final double[] mean;
    private final double[] sd;
    private final int dim;
    private int step;
    private StepStats lastFinite;
    // One workspace per thread, shared by every GAN: a step never runs inside another, the workspace grows to the
    // largest step it has seen, and notebooks that create many GANs do not keep one memory block per GAN.
    private static final String WORKSPACE_ID = "mcl-gan-step";
    private static final String EVAL_WORKSPACE_ID = "mcl-gan-eval";

    private static final WorkspaceConfiguration STEP_WORKSPACE = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.3)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();

    private Gan(DataSource data, GanConfig config, List<StepHook> hooks) {
        this.data = Check.notNull("data", data);
        this.config = Check.notNull("config", config);
        this.hooks = List.copyOf(hooks);
        this.dim = data.dimension();
        this.mean = data.mean();
        this.sd = data.sd();
        for (int i = 0; i < dim; i++) {
            Check.positive("data sd[" + i + "]", sd[i]);
        }
        SplittableRandom root = new SplittableRandom(config.seed());
        long gSeed = root.nextLong();
        long dSeed = root.nextLong();
        this.dataRng = root.split();
        this.noiseRng = root.split();
        this.generator = new Mlp(new MlpSpec(config.latentDim(), config.generatorHidden(), dim,
                config.generatorActivation(), Activation.IDENTITY, config.init(), config.generatorBatchNorm(), 1),
                config.dataType(), gSeed);
        int dInputs = dim;
        for (StepHook h : this.hooks) {
            h.check(config, dim);
            dInputs = h.discriminatorInputWidth(dInputs);
        }
        this.discriminator = new Mlp(new MlpSpec(dInputs, config.discriminatorHidden(), 1,
                config.discriminatorActivation(), Activation.IDENTITY, config.init(), false,
                config.discriminatorMaxout()), config.dataType(), dSeed);
        this.generatorOptimizer = new Optimizer(config.generatorOptimizer(), generator);
        this.discriminatorOptimizer = new Optimizer(config.discriminatorOptimizer(), discriminator);
    }

    /** A new GAN for {@code data}, with optional remedy hooks. */
    public static Gan create(DataSource data, GanConfig config, StepHook... hooks) {
        for (int i = 0; i < hooks.length; i++) {
            Check.notNull("hooks[" + i + "]", hooks[i]);
        }
        return new Gan(data, config, List.of(hooks));
    }

    public GanConfig config() {
        return config;
    }

    public DataSource data() {
        return data;
    }

    public Mlp generator() {
        return generator;
    }

    public Mlp discriminator() {
        return discriminator;
    }

    /** Steps trained so far. */
    public int stepsDone() {
        return step;
    }

    // ---------------------------------------------------------------- the one training step

    /**
     * One training step: {@code discriminatorSteps} updates of D on fresh real and fake batches, then one
     * update of G.
     *
     * @throws TrainingDivergedException when a loss is NaN or infinite
     */
    public StepStats step() {
        // Every temporary array of the step lives in a workspace: one block, learnt in the first step and reused,
        // released when the step ends. Without it ~60% of a step went to allocating native buffers, and freed
        // arrays waited for the garbage collector (RSS grew to ~2.8 GB for a 2×64 GAN). Parameters, gradients
        // and optimiser state were created outside and are updated in place. Hooks that keep an array beyond
        // the step must detach() it.
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(STEP_WORKSPACE, WORKSPACE_ID)) {
            return stepInWorkspace();
        }
    }

    private StepStats stepInWorkspace() {
        int s = step + 1;
        for (StepHook h : hooks) {
            h.beforeStep(this, s);
        }
        int b = config.batchSize();
        double dLoss = 0;
        double realScore = 0;
        double fakeScore = 0;
        for (int k = 0; k < config.discriminatorSteps(); k++) {
            INDArray real = toDiscriminator(realBatch(b));
            INDArray fake = toDiscriminator(generator.output(noise(b, noiseRng)));
            // One forward pass over real and fake together: rows [0, n) real, [n, 2n) fake.
            int n = (int) real.rows();
            Mlp.Pass pass = discriminator.forward(Nd4j.vstack(real, fake));
            double[] logits = values(pass.output());
            double[] lr = java.util.Arrays.copyOfRange(logits, 0, n);
            double[] lf = java.util.Arrays.copyOfRange(logits, n, 2 * n);
            double[] gr = new double[n];
            double[] gf = new double[n];
            dLoss = Losses.discriminator(lr, lf, 1.0, gr, gf);
            realScore = Losses.meanProbability(lr);
            fakeScore = Losses.meanProbability(lf);
            double[] grad = new double[2 * n];
            System.arraycopy(gr, 0, grad, 0, n);
            System.arraycopy(gf, 0, grad, n, n);
            INDArray outputGradient = column(grad);
            discriminator.backward(pass, outputGradient, true, false);
            for (StepHook h : hooks) {
                dLoss += h.discriminatorTerms(new StepHook.DiscriminatorBatch(this, s, real, fake, pass,
                        outputGradient));
            }
            discriminatorOptimizer.step();
        }

        INDArray z = noise(b, noiseRng);
        Mlp.Pass gPass = generator.forward(z);
        Mlp.Pass dPass = discriminator.forward(toDiscriminator(gPass.output()));
        double[] lf = values(dPass.output());
        double[] gl = new double[lf.length];
        double gLoss = Losses.generator(config.loss(), lf, gl);
        double baseLoss = gLoss;
        INDArray fakeGrad = fromDiscriminator(discriminator.backward(dPass, column(gl), false, true));
        for (StepHook h : hooks) {
            gLoss += h.generatorTerms(new StepHook.GeneratorBatch(this, s, z, gPass, dPass, fakeGrad, baseLoss));
        }
        generator.backward(gPass, fakeGrad, true, false);
        generatorOptimizer.step();

        step = s;
        StepStats stats = new StepStats(s, dLoss, gLoss, realScore, fakeScore);
        if (!stats.isFinite()) {
            throw new TrainingDivergedException(stats, lastFinite);
        }
        lastFinite = stats;
        for (StepHook h : hooks) {
            h.afterStep(this, stats);
        }
        return stats;
    }

    /** Samples as D sees them: each hook's {@link StepHook#toDiscriminator}, in order. */
    private INDArray toDiscriminator(INDArray samples) {
        INDArray x = samples;
        for (StepHook h : hooks) {
            x = h.toDiscriminator(x);
        }
        return x;
    }

    /**
     * ∂loss/∂(D's input) back to ∂loss/∂samples: each hook's {@link StepHook#fromDiscriminator}, in reverse. Public
     * for hooks that differentiate their own terms through D.
     */
    public INDArray fromDiscriminator(INDArray gradient) {
        INDArray g = gradient;
        for (int i = hooks.size() - 1; i >= 0; i--) {
            g = hooks.get(i).fromDiscriminator(g);
        }
        return g;
    }

    /** Whether D judges single samples (no hook changed its input), so that D(x) of one value makes sense. */
    public boolean judgesSingleSamples() {
        return discriminator.spec().inputs() == dim;
    }

    // ---------------------------------------------------------------- the loop

    /** Trains {@code steps} steps with default recording (about 200 history rows, 100 snapshots). */
    public TrainingResult train(int steps, TrainingListener... listeners) {
        TrainingOptions o = TrainingOptions.forSteps(steps);
        for (TrainingListener l : listeners) {
            o = o.withListener(l);
        }
        return train(steps, o);
    }

    /**
     * Trains {@code steps} more steps, recording history and snapshots as {@code options} say.
     *
     * @throws TrainingDivergedException when a loss becomes NaN or infinite (listeners are not told onEnd)
     */
    public TrainingResult train(int steps, TrainingOptions options) {
        Check.atLeast("steps", steps, 1);
        Check.notNull("options", options);
        int first = step + 1;
        int last = step + steps;
        long t0 = System.nanoTime();
        IntColumn hStep = IntColumn.create("step");
        DoubleColumn hD = DoubleColumn.create("d_loss");
        DoubleColumn hG = DoubleColumn.create("g_loss");
        DoubleColumn hReal = DoubleColumn.create("d_real");
        DoubleColumn hFake = DoubleColumn.create("d_fake");
        DoubleColumn hSec = DoubleColumn.create("seconds");
        List<Snapshot> snaps = new ArrayList<>();
        double[] acc = new double[4];
        int accN = 0;
        for (TrainingListener l : options.listeners()) {
            l.onStart(this, first, last);
        }
        INDArray snapshotNoise = noise(options.snapshotSize(), new SplittableRandom(config.seed() ^ 0x5EEDL));
        for (int i = 0; i < steps; i++) {
            StepStats st = step();
            acc[0] += st.discriminatorLoss();
            acc[1] += st.generatorLoss();
            acc[2] += st.realScore();
            acc[3] += st.fakeScore();
            accN++;
            for (TrainingListener l : options.listeners()) {
                l.onStep(this, st);
            }
            boolean end = i == steps - 1;
            if ((st.step() - first + 1) % options.historyEvery() == 0 || end) {
                hStep.append(st.step());
                hD.append(acc[0] / accN);
                hG.append(acc[1] / accN);
                hReal.append(acc[2] / accN);
                hFake.append(acc[3] / accN);
                hSec.append((System.nanoTime() - t0) / 1e9);
                java.util.Arrays.fill(acc, 0);
                accN = 0;
            }
            if ((st.step() - first + 1) % options.snapshotEvery() == 0 || end) {
                Snapshot snap = snapshot(snapshotNoise);
                snaps.add(snap);
                for (TrainingListener l : options.listeners()) {
                    l.onSnapshot(this, snap);
                }
            }
        }
        Table history = Table.create("training history", hStep, hD, hG, hReal, hFake, hSec);
        TrainingResult result = new TrainingResult(history, snaps, first, last, (System.nanoTime() - t0) / 1e9);
        for (TrainingListener l : options.listeners()) {
            l.onEnd(this, result);
        }
        return result;
    }

    // ---------------------------------------------------------------- sampling

    /** {@code n} generated samples in data units, from noise drawn with {@code seed}. */
    public double[][] sample(int n, long seed) {
        Check.atLeast("n", n, 1);
        return evaluate(() -> toDataUnits(generator.output(noise(n, new SplittableRandom(seed)))));
    }

    /**
     * Runs an evaluation (sampling, D's response) in its own workspace and returns its Java result: its ND4J
     * temporaries are released at once instead of waiting for the garbage collector (without this, a notebook's
     * snapshots and samples let the kernel's native memory climb to its JavaCPP limit).
     */
    private <T> T evaluate(java.util.function.Supplier<T> f) {
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(STEP_WORKSPACE, EVAL_WORKSPACE_ID)) {
            return f.get();
        }
    }

    /** D's probability that each 1-D value (in data units) is real. */
    public double[] discriminatorProbability(double[] xs) {
        if (dim != 1) {
            throw new IllegalStateException("discriminatorProbability(double[]) needs 1-D data, was " + dim + "-D");
        }
        if (!judgesSingleSamples()) {
            throw new IllegalStateException("discriminatorProbability(double[]) needs a D that judges single samples, "
                    + "but D's input is " + discriminator.spec().inputs() + " wide (packing?)");
        }
        double[] std = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            std[i] = (xs[i] - mean[0]) / sd[0];
        }
        double[] logits = evaluate(() -> values(discriminator.output(column(std))));
        for (int i = 0; i < logits.length; i++) {
            logits[i] = Losses.sigmoid(logits[i]);
        }
        return logits;
    }

    /** D's probability that each point (rows of {@code points}, in data units, any dimension) is real. */
    public double[] discriminatorProbability(double[][] points) {
        Check.notNull("points", points);
        if (!judgesSingleSamples()) {
            throw new IllegalStateException("discriminatorProbability needs a D that judges single samples, but D's "
                    + "input is " + discriminator.spec().inputs() + " wide (packing or minibatch features?)");
        }
        double[] std = new double[points.length * dim];
        for (int i = 0; i < points.length; i++) {
            if (points[i].length != dim) {
                throw new IllegalArgumentException("points[" + i + "] must have " + dim + " coordinates, was "
                        + points[i].length);
            }
            for (int j = 0; j < dim; j++) {
                std[i * dim + j] = (points[i][j] - mean[j]) / sd[j];
            }
        }
        double[] logits = evaluate(() -> values(discriminator.output(array(std, points.length, dim))));
        for (int i = 0; i < logits.length; i++) {
            logits[i] = Losses.sigmoid(logits[i]);
        }
        return logits;
    }

    /** A grid spanning every mode ±4σ, widened by 10% on each side (1-D). */
    public double[] probeGrid(int points) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Mode m : data.modes().modes()) {
            lo = Math.min(lo, m.center()[0] - 4 * m.sd());
            hi = Math.max(hi, m.center()[0] + 4 * m.sd());
        }
        double pad = 0.1 * (hi - lo);
        lo -= pad;
        hi += pad;
        double[] g = new double[points];
        for (int i = 0; i < points; i++) {
            g[i] = lo + (hi - lo) * i / (points - 1);
        }
        return g;
    }

    private Snapshot snapshot(INDArray z) {
        double[][] samples = evaluate(() -> toDataUnits(generator.output(z)));
        if (dim != 1 || !judgesSingleSamples()) {
            return new Snapshot(step, samples, new double[0], new double[0]);
        }
        double[] grid = probeGrid(200);
        return new Snapshot(step, samples, grid, discriminatorProbability(grid));
    }

    private double[][] toDataUnits(INDArray standardised) {
        double[] flat = values(standardised);
        int n = flat.length / dim;
        double[][] out = new double[n][dim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                out[i][j] = flat[i * dim + j] * sd[j] + mean[j];
            }
        }
        return out;
    }

    private INDArray realBatch(int n) {
        double[] x = data.sample(n, dataRng);
        for (int i = 0; i < x.length; i++) {
            int j = i % dim;
            x[i] = (x[i] - mean[j]) / sd[j];
        }
        return array(x, n, dim);
    }

    private INDArray noise(int n, SplittableRandom rng) {
        double[] z = new double[n * config.latentDim()];
        boolean gaussian = config.latent() == GanConfig.Latent.GAUSSIAN;
        for (int i = 0; i < z.length; i++) {
            z[i] = gaussian ? rng.nextGaussian() : 2 * rng.nextDouble() - 1;
        }
        return array(z, n, config.latentDim());
    }

    private INDArray column(double[] v) {
        return array(v, v.length, 1);
    }

    /** An array of the config's data type, filled from Java. */
    private INDArray array(double[] v, long rows, long cols) {
        return NdArrays.of(v, rows, cols, config.dataType());
    }

    private static double[] values(INDArray a) {
        return NdArrays.values(a);
    }
}
