package org.modecollapselab.step;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.DataSource;
import org.modecollapselab.nn.Network;
import org.modecollapselab.nn.Optimizer;
import org.modecollapselab.objective.Objective;
import org.modecollapselab.util.Check;
import org.modecollapselab.util.NdArrays;
import org.modecollapselab.util.Workspaces;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The project's one training step (Goodfellow et al., "Generative Adversarial Nets", 2014): {@code k} updates of
 * D on fresh real and generated batches, then one update of G; remedies take part through their {@link StepHook}s
 * in the order {@link StepHook} describes. This file is the whole step, top to bottom: wiring (the networks, the
 * optimisers and the hooks), the D update, the G update, playing the two halves by hand, and the checks on what
 * hooks return.
 *
 * <p>Data are standardised ({@link Standardiser}) before they reach the networks; the losses are the
 * configuration's {@link Objective} on D's first output, in double precision. Weights, data draws and noise all
 * derive from the configuration's seed, so the same seed gives the same numbers on CPU. A remedy at its neutral
 * setting ({@link Remedy#neutral()}) takes no part in the step: the step gives it {@link StepHook#NONE} without
 * calling {@link Remedy#start}.
 */
public final class TrainingStep {
    // One workspace per thread, shared by every GAN: a step never runs inside another, the workspace grows to the
    // largest step it has seen, and notebooks that create many GANs do not keep one memory block per GAN.
    private static final String WORKSPACE_ID = "mcl-gan-step";

    private final GanConfig config;
    private final Objective objective;
    private final Network generator;
    private final Network discriminator;
    private final Optimizer generatorOptimizer;
    private final Optimizer discriminatorOptimizer;
    private final List<Remedy> remedies;
    private final List<StepHook> hooks;
    private final Transforms transforms;
    private final double generatorObjectiveWeight;
    private final Standardiser standardiser;
    private final Batches batches;
    private final SplittableRandom noiseRng;
    private int step;
    private StepStats lastFinite;
    /** The step begun by {@link #stepDiscriminator} and not yet ended by {@link #stepGenerator}, or null. */
    private InProgress manual;
    /** D's loss and scores on its latest update (any step), or null before the first. */
    private double[] latestDiscriminatorNumbers;
    private final DivergenceGuard.Watch watch = new DivergenceGuard.Watch();

    // ---------------------------------------------------------------- wiring

    /**
     * Checks data, configuration and remedies, builds both networks and starts every remedy's hook
     * ({@link Wiring}).
     *
     * @param remedies in the order their hooks run and their transforms compose
     */
    public TrainingStep(DataSource data, GanConfig config, List<? extends Remedy> remedies) {
        Wiring w = new Wiring(data, config, remedies);
        this.remedies = w.remedies;
        this.config = w.config;
        this.objective = w.config.objective();
        this.standardiser = w.standardiser;
        this.noiseRng = w.noiseRng;
        this.generator = w.generator;
        this.discriminator = w.discriminator;
        this.generatorOptimizer = w.generatorOptimizer;
        this.discriminatorOptimizer = w.discriminatorOptimizer;
        this.hooks = w.hooks;
        this.transforms = w.transforms;
        this.generatorObjectiveWeight = w.generatorObjectiveWeight;
        this.batches = w.batches;
    }

    /**
     * Checks data, configuration and remedies as the constructor does, without building networks (for studies that
     * validate every run before training any), and returns the configuration after the remedies' adjustments.
     */
    public static GanConfig check(DataSource data, GanConfig config, List<? extends Remedy> remedies) {
        return Wiring.check(data, config, remedies);
    }


    // ---------------------------------------------------------------- the step

    /**
     * One training step: {@code discriminatorSteps} updates of D on fresh real and fake batches, then one
     * update of G.
     *
     * @throws TrainingDivergedException when a loss is NaN or infinite, or (checked as the {@link DivergenceGuard}
     *                                   says) G's samples ran beyond the guard's limit
     */
    public StepStats step() {
        requireNoStepInProgress("step()");
        // Every temporary array of the step lives in a workspace: one block, learnt in the first step and reused,
        // released when the step ends. Without it ~60% of a step went to allocating native buffers, and freed
        // arrays waited for the garbage collector (RSS grew to ~2.8 GB for a 2×64 GAN). Parameters, gradients
        // and optimiser state were created outside and are updated in place. Hooks that keep an array beyond
        // the step must detach() it.
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(Workspaces.PER_ITERATION,
                WORKSPACE_ID)) {
            InProgress p = begin();
            for (int k = 0; k < config.discriminatorSteps(); k++) {
                discriminatorUpdate(p);
            }
            return generatorUpdate(p);
        }
    }

    /**
     * What a step has done so far: its context, its D updates and D's numbers on the latest of them. A step begins
     * with the hooks' {@code beforeStep} and ends with G's update.
     */
    private static final class InProgress {
        final Views.Context context;
        int discriminatorUpdates;
        double dLoss;
        double realScore;
        double fakeScore;
        Views.Discriminator last;

        InProgress(Views.Context context) {
            this.context = context;
        }
    }

    private InProgress begin() {
        Views.Context context = new Views.Context(step + 1, config, generator, discriminator);
        for (StepHook h : hooks) {
            h.beforeStep(context);
        }
        return new InProgress(context);
    }

    /** One D update of the step in progress: a fresh real and fake batch, D's loss, the hooks' terms, D's update. */
    private void discriminatorUpdate(InProgress p) {
        int b = config.batchSize();
        Batches.Batch real = batches.real(b);
        Batches.Batch latent = batches.latent(b, noiseRng, null);
        INDArray fakeSamples = generator.output(latent.x());
        for (StepHook h : hooks) {
            fakeSamples = checkedFakes(h.discriminatorFakes(p.context, p.discriminatorUpdates, latent.x(),
                    fakeSamples, latent.labels()), fakeSamples);
        }
        InputTransform.Applied[] realSeen = transforms.apply(real.x(), real.labels(), false);
        InputTransform.Applied[] fakeSeen = transforms.apply(fakeSamples, latent.labels(), true);
        INDArray realIn = Transforms.seen(realSeen, real.x());
        INDArray fakeIn = Transforms.seen(fakeSeen, fakeSamples);
        // One forward pass over real and fake together: rows [0, nr) real, [nr, nr + nf) fake.
        int nr = (int) realIn.rows();
        int nf = (int) fakeIn.rows();
        Network.Pass pass = discriminator.forward(Nd4j.vstack(realIn, fakeIn));
        double[] outputs = NdArrays.firstColumn(pass.output());
        double[] realLogits = Arrays.copyOfRange(outputs, 0, nr);
        double[] fakeLogits = Arrays.copyOfRange(outputs, nr, nr + nf);
        double[] realGradient = new double[nr];
        double[] fakeGradient = new double[nf];
        double dLoss = objective.discriminatorLoss(realLogits, fakeLogits, realGradient, fakeGradient);
        double[] gradient = new double[nr + nf];
        System.arraycopy(realGradient, 0, gradient, 0, nr);
        System.arraycopy(fakeGradient, 0, gradient, nr, nf);
        INDArray outputGradient = outputGradient(gradient);
        discriminator.backward(pass, outputGradient, true, false);
        Views.Discriminator phase = new Views.Discriminator(p.context, p.discriminatorUpdates, realIn, fakeIn,
                real.labels(), latent.labels(), latent.x(), pass, outputGradient, realSeen, fakeSeen);
        if (transforms.trainable()) {
            phase.trainTransforms(transforms);
        }
        for (StepHook h : hooks) {
            dLoss += h.discriminatorTerms(phase);
        }
        discriminatorOptimizer.step();
        for (StepHook h : hooks) {
            h.afterDiscriminatorUpdate(p.context);
        }
        p.dLoss = dLoss;
        p.realScore = objective.meanScore(realLogits);
        p.fakeScore = objective.meanScore(fakeLogits);
        p.last = phase;
        p.discriminatorUpdates++;
        latestDiscriminatorNumbers = new double[] {p.dLoss, p.realScore, p.fakeScore};
    }

    /** G's update, which ends the step in progress. */
    private StepStats generatorUpdate(InProgress p) {
        int b = config.batchSize();
        Views.Context context = p.context;
        int s = context.step();
        Network opponent = opponent(context);
        Batches.Batch latent = batches.latent(b, noiseRng, null);
        Network.Pass gPass = generator.forward(latent.x());
        // The guard looks at the batch G has just drawn (standardised units: data standard deviations from the
        // mean), one reduction every checkEvery steps; it changes nothing in the step.
        boolean check = watch.guard().checks(s);
        double farthest = check ? gPass.output().amaxNumber().doubleValue() : 0;
        InputTransform.Applied[] fakeSeen = transforms.apply(gPass.output(), latent.labels(), true);
        Network.Pass dPass = opponent.forward(Transforms.seen(fakeSeen, gPass.output()));
        double[] fakeLogits = NdArrays.firstColumn(dPass.output());
        double[] lossGradient = new double[fakeLogits.length];
        double objectiveLoss = objective.generatorLoss(fakeLogits, lossGradient);
        INDArray fakeGrad;
        double gLoss;
        if (generatorObjectiveWeight == 0) {
            // A remedy replaces G's objective (unrolling): no backward pass for it.
            fakeGrad = gPass.output().ulike().assign(0);
            gLoss = 0;
        } else {
            fakeGrad = Transforms.back(fakeSeen, opponent.backward(dPass, outputGradient(lossGradient), false, true));
            gLoss = objectiveLoss;
            if (generatorObjectiveWeight != 1) {
                fakeGrad.muli(generatorObjectiveWeight);
                gLoss *= generatorObjectiveWeight;
            }
        }
        Views.Generator phase = new Views.Generator(context, opponent, latent, gPass, dPass, fakeGrad, objectiveLoss,
                fakeSeen, p.last);
        for (StepHook h : hooks) {
            gLoss += h.generatorTerms(phase);
        }
        generator.backward(gPass, fakeGrad, true, false);
        generatorOptimizer.step();

        step = s;
        StepStats stats = new StepStats(s, p.dLoss, gLoss, p.realScore, p.fakeScore);
        if (!stats.isFinite()) {
            throw new TrainingDivergedException(stats, lastFinite);
        }
        lastFinite = stats;
        if (check) {
            watch.check(stats, farthest);
        }
        for (StepHook h : hooks) {
            h.afterStep(context);
        }
        return stats;
    }

    // ---------------------------------------------------------------- playing by hand

    /**
     * {@code k} updates of D alone, as the one step makes them: the student's half of the game. They belong to
     * the step in progress (begun by the first of them), which {@link #stepGenerator} ends; with
     * {@code discriminatorSteps} D updates before each G update, manual steps give the same numbers as
     * {@link #step()}. Runs outside the step's workspace (its arrays must outlive the call).
     *
     * @return D's loss and scores on its latest update (the step's number is the step in progress)
     * @throws IllegalArgumentException when k &lt; 1
     */
    public StepStats stepDiscriminator(int k) {
        Check.atLeast("k", k, 1);
        for (int i = 0; i < k; i++) {
            if (manual == null) {
                manual = begin();
            }
            discriminatorUpdate(manual);
        }
        return new StepStats(manual.context.step(), manual.dLoss, Double.NaN, manual.realScore, manual.fakeScore);
    }

    /**
     * {@code k} updates of G alone, each ending a step: the first ends the step in progress with its D updates,
     * each further one is a step without a D update. A step without a D update reports D's numbers of the latest
     * D update.
     *
     * @return the last step's numbers
     * @throws IllegalArgumentException when k &lt; 1
     * @throws IllegalStateException    when D was never updated (G would learn from an untrained D's verdict)
     */
    public StepStats stepGenerator(int k) {
        Check.atLeast("k", k, 1);
        if (latestDiscriminatorNumbers == null) {
            throw new IllegalStateException("stepGenerator needs a trained discriminator: D has had 0 updates; call "
                    + "stepDiscriminator(k) (or step()) first");
        }
        StepStats stats = null;
        for (int i = 0; i < k; i++) {
            InProgress p = manual != null ? manual : begin();
            manual = null;
            if (p.discriminatorUpdates == 0) {
                p.dLoss = latestDiscriminatorNumbers[0];
                p.realScore = latestDiscriminatorNumbers[1];
                p.fakeScore = latestDiscriminatorNumbers[2];
            }
            stats = generatorUpdate(p);
        }
        return stats;
    }

    /** D updates made by {@link #stepDiscriminator} in the step in progress (0 when none is in progress). */
    public int discriminatorUpdatesInProgress() {
        return manual == null ? 0 : manual.discriminatorUpdates;
    }

    /**
     * Refuses {@code what} (e.g. "train(...)") while a step begun by {@link #stepDiscriminator} waits for G's update.
     *
     * @throws IllegalStateException when a step is in progress
     */
    public void requireNoStepInProgress(String what) {
        Check.notBlank("what", what);
        if (manual != null) {
            throw new IllegalStateException(what + " needs the step in progress to be finished: D has made "
                    + manual.discriminatorUpdates + " update(s) by stepDiscriminator since G's last update; call "
                    + "stepGenerator(1) first");
        }
    }

    // ---------------------------------------------------------------- checks on what hooks return

    /** The batch a hook shows D as generated: {@code fake} itself, or a batch of its shape. */
    private static INDArray checkedFakes(INDArray shown, INDArray fake) {
        if (shown != fake && (shown == null || !Arrays.equals(shown.shape(), fake.shape()))) {
            throw new IllegalStateException("a remedy's discriminatorFakes must return a batch of shape "
                    + Arrays.toString(fake.shape()) + ", was " + (shown == null ? "null"
                    : Arrays.toString(shown.shape())));
        }
        return shown;
    }

    /** The network G trains against this step: D, or the one network a hook substitutes for it. */
    private Network opponent(StepContext context) {
        Network opponent = discriminator;
        String by = null;
        for (int i = 0; i < hooks.size(); i++) {
            Network o = hooks.get(i).generatorOpponent(context);
            if (o == null) {
                continue;
            }
            String label = remedies.get(i).label();
            if (by != null) {
                throw new IllegalStateException("at most one remedy may substitute the D that G trains against, "
                        + "but " + by + " and " + label + " both did at step " + context.step());
            }
            if (o.inputs() != discriminator.inputs() || o.outputs() != discriminator.outputs()) {
                throw new IllegalStateException("remedy " + label + " must substitute a network of D's shape ("
                        + discriminator.inputs() + " → " + discriminator.outputs() + "), was " + o.inputs() + " → "
                        + o.outputs());
            }
            opponent = o;
            by = label;
        }
        return opponent;
    }


    /** ∂loss/∂(D's first output) as D's output gradient: a column, or the first of D's output columns. */
    private INDArray outputGradient(double[] g) {
        return NdArrays.inFirstColumn(g, discriminator.outputs(), config.dataType());
    }

    // ---------------------------------------------------------------- what the GAN around the step reads

    /** The configuration the step trains with (after the remedies' adjustments). */
    public GanConfig config() {
        return config;
    }

    public Network generator() {
        return generator;
    }

    public Network discriminator() {
        return discriminator;
    }

    /** The remedies, in the order given. */
    public List<Remedy> remedies() {
        return remedies;
    }

    /** The hooks, one per remedy in the remedies' order ({@link StepHook#NONE} for a neutral remedy). */
    public List<StepHook> hooks() {
        return hooks;
    }

    /** Steps trained so far. */
    public int stepsDone() {
        return step;
    }

    /** The map between data units and the networks' standardised units. */
    public Standardiser standardiser() {
        return standardiser;
    }

    /** How the step stops (or warns about) runs that go nowhere; {@link DivergenceGuard#standard()} by default. */
    public DivergenceGuard divergenceGuard() {
        return watch.guard();
    }

    public void setDivergenceGuard(DivergenceGuard guard) {
        watch.use(Check.notNull("guard", guard));
    }

    /**
     * G's input for {@code n} samples (noise, then every hook's codes) drawn from {@code rng}, outside the step's
     * own streams; {@code labels}, when not null, asks for those classes (a conditional GAN).
     *
     * @throws IllegalStateException when {@code labels} is given but no remedy conditions G on the class
     */
    public INDArray latent(int n, RandomGenerator rng, int[] labels) {
        Check.atLeast("n", n, 1);
        Check.notNull("rng", rng);
        if (labels != null) {
            for (int i = 0; i < labels.length; i++) {
                Check.atLeast("labels[" + i + "]", labels[i], 0);
            }
        }
        if (labels != null && labels.length != n) {
            throw new IllegalArgumentException("labels must have n = " + n + " entries, was " + labels.length);
        }
        return batches.latent(n, rng, labels).x();
    }
}
