package org.modecollapselab.gan;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.modecollapselab.config.Architecture;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.DataSource;
import org.modecollapselab.metric.Mode;
import org.modecollapselab.nn.Network;
import org.modecollapselab.nn.Optimizer;
import org.modecollapselab.objective.Objective;
import org.modecollapselab.remedy.DiscriminatorPhase;
import org.modecollapselab.remedy.GeneratorPhase;
import org.modecollapselab.remedy.InputTransform;
import org.modecollapselab.remedy.LatentCodes;
import org.modecollapselab.remedy.Remedy;
import org.modecollapselab.remedy.Setup;
import org.modecollapselab.remedy.StepContext;
import org.modecollapselab.remedy.StepHook;
import org.modecollapselab.sampler.ConditionalSampler;
import org.modecollapselab.sampler.Sampler;
import org.modecollapselab.util.Check;
import org.modecollapselab.util.NdArrays;
import org.modecollapselab.util.Workspaces;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A GAN (Goodfellow et al., "Generative Adversarial Nets", 2014) and the project's one training step:
 * {@code k} discriminator updates, then one generator update.
 *
 * <p>Data are standardised with the data source's mean and standard deviation before training, and generated
 * samples are mapped back to data units. The networks are built by the configuration's {@link Architecture}s
 * (MLPs by default) and seen through {@link Network}; the losses are the configuration's {@link Objective}, on D's
 * first output, in double precision. Remedies plug in as {@link Remedy} values, each creating its
 * {@link StepHook} for this GAN. Weights, data draws and noise all derive from the config's seed, so the same seed
 * gives the same numbers on CPU. A GAN is a {@link Sampler}.
 */
public final class Gan implements Sampler {
    private final DataSource data;
    private final GanConfig config;
    private final Objective objective;
    private final Network generator;
    private final Network discriminator;
    private final Optimizer generatorOptimizer;
    private final Optimizer discriminatorOptimizer;
    private final List<Remedy> remedies;
    private final List<StepHook> hooks;
    /** The hooks' transforms of D's input, in order (hooks without one are left out). */
    private final InputTransform[] transforms;
    private final boolean trainableTransforms;
    private final boolean needsLabels;
    private final double generatorObjectiveWeight;
    private final SplittableRandom dataRng;
    private final SplittableRandom noiseRng;
    private final double[] mean;
    private final double[] sd;
    private final int dim;
    private int step;
    private StepStats lastFinite;
    /** The step begun by {@link #stepDiscriminator} and not yet ended by {@link #stepGenerator}, or null. */
    private StepInProgress manual;
    /** D's loss and scores on its latest update (any step), or null before the first. */
    private double[] latestDiscriminatorNumbers;
    private StepStats lastChecked;
    private DivergenceGuard guard = DivergenceGuard.standard();
    private boolean warned;
    // One workspace per thread, shared by every GAN: a step never runs inside another, the workspace grows to the
    // largest step it has seen, and notebooks that create many GANs do not keep one memory block per GAN.
    private static final String WORKSPACE_ID = "mcl-gan-step";
    private static final String EVAL_WORKSPACE_ID = "mcl-gan-eval";

    private static final WorkspaceConfiguration STEP_WORKSPACE = Workspaces.PER_ITERATION;

    private Gan(DataSource data, GanConfig requested, List<Remedy> remedies) {
        this.data = data;
        this.remedies = remedies;
        this.dim = data.dimension();
        this.mean = data.mean();
        this.sd = data.sd();
        this.config = checked(data, requested, remedies);
        this.objective = config.objective();
        this.needsLabels = remedies.stream().anyMatch(Remedy::needsLabels);
        SplittableRandom root = new SplittableRandom(config.seed());
        long gSeed = root.nextLong();
        long dSeed = root.nextLong();
        this.dataRng = root.split();
        this.noiseRng = root.split();
        int gInputs = config.latentDim();
        int dOutputs = 1;
        int[] widthBefore = new int[remedies.size()];
        int[] codeColumn = new int[remedies.size()];
        int[] outputColumn = new int[remedies.size()];
        int dInputs = dim;
        for (int i = 0; i < remedies.size(); i++) {
            Remedy r = remedies.get(i);
            widthBefore[i] = dInputs;
            codeColumn[i] = gInputs;
            outputColumn[i] = dOutputs;
            dInputs = Check.atLeast("D input width after " + r.label(), r.discriminatorInputWidth(dInputs), 1);
            gInputs += Check.atLeast("generatorInputExtra of " + r.label(), r.generatorInputExtra(), 0);
            dOutputs += Check.atLeast("discriminatorOutputExtra of " + r.label(), r.discriminatorOutputExtra(), 0);
        }
        this.generator = build(config.generatorArchitecture(), Architecture.Role.GENERATOR, gInputs, dim, gSeed);
        this.discriminator = build(config.discriminatorArchitecture(), Architecture.Role.DISCRIMINATOR, dInputs,
                dOutputs, dSeed);
        this.generatorOptimizer = new Optimizer(config.generatorOptimizer(), generator);
        this.discriminatorOptimizer = new Optimizer(config.discriminatorOptimizer(), discriminator);
        List<StepHook> hs = new ArrayList<>();
        List<InputTransform> ts = new ArrayList<>();
        double weight = 1;
        boolean trainable = false;
        for (int i = 0; i < remedies.size(); i++) {
            Remedy r = remedies.get(i);
            // The first remedy gets the GAN's seed, each further one a distinct seed of its own.
            long seed = i == 0 ? config.seed() : new SplittableRandom(config.seed() + i).nextLong();
            StepHook h = r.start(new Setup(config, dim, data.classes(), widthBefore[i], generator, discriminator,
                    seed, data.classes() > 0 ? data.classWeights() : new double[0], codeColumn[i], outputColumn[i]));
            if (h == null) {
                throw new IllegalStateException("remedy " + r.label() + " created no state (start returned null)");
            }
            hs.add(h);
            weight *= Check.inRange("generatorObjectiveWeight of " + r.label(), h.generatorObjectiveWeight(), 0, 1);
            InputTransform t = h.discriminatorInput();
            if (t != null) {
                ts.add(t);
                trainable |= t.trainable();
            }
        }
        this.hooks = List.copyOf(hs);
        this.transforms = ts.toArray(InputTransform[]::new);
        this.trainableTransforms = trainable;
        this.generatorObjectiveWeight = weight;
    }

    private Network build(Architecture a, Architecture.Role role, int inputs, int outputs, long seed) {
        Network n = a.build(role, inputs, outputs, config, seed);
        if (n == null || n.inputs() != inputs || n.outputs() != outputs || n.dataType() != config.dataType()) {
            throw new IllegalStateException("architecture " + a + " must build a " + role + " with " + inputs
                    + " inputs, " + outputs + " outputs and data type " + config.dataType() + ", built "
                    + (n == null ? "null" : n.describe() + " (" + n.inputs() + " → " + n.outputs() + ", "
                    + n.dataType() + ")"));
        }
        return n;
    }

    /** The configuration after the remedies' adjustments, once every remedy has checked it. */
    private static GanConfig checked(DataSource data, GanConfig requested, List<? extends Remedy> remedies) {
        int dim = data.dimension();
        double[] sd = data.sd();
        for (int i = 0; i < dim; i++) {
            Check.positive("data sd[" + i + "]", sd[i]);
        }
        GanConfig c = requested;
        for (Remedy r : remedies) {
            c = Check.notNull("config adjusted by " + r.label(), r.adjust(c));
        }
        for (Remedy r : remedies) {
            r.check(c, dim, data.classes());
        }
        if (data.classes() == 0 && remedies.stream().anyMatch(Remedy::needsLabels)) {
            throw new IllegalArgumentException("data must have class labels for "
                    + remedies.stream().filter(Remedy::needsLabels).map(Remedy::label).toList() + ", but '"
                    + data.name() + "' has none");
        }
        return c;
    }

    /**
     * Checks data, configuration and remedies as {@link #create} does, without building networks: for studies
     * that validate every run before training any.
     */
    public static void check(DataSource data, GanConfig config, List<? extends Remedy> remedies) {
        Check.notNull("data", data);
        Check.notNull("config", config);
        Check.notNull("remedies", remedies);
        for (int i = 0; i < remedies.size(); i++) {
            Check.notNull("remedies[" + i + "]", remedies.get(i));
        }
        checked(data, config, remedies);
    }

    /** A new GAN for {@code data}, with optional remedies (each creates its own state for this GAN). */
    public static Gan create(DataSource data, GanConfig config, Remedy... remedies) {
        Check.notNull("remedies", remedies);
        return create(data, config, java.util.Arrays.asList(remedies));
    }

    /** A new GAN for {@code data} with the remedies of a list, in order. */
    public static Gan create(DataSource data, GanConfig config, List<? extends Remedy> remedies) {
        Check.notNull("data", data);
        Check.notNull("config", config);
        Check.notNull("remedies", remedies);
        for (int i = 0; i < remedies.size(); i++) {
            Check.notNull("remedies[" + i + "]", remedies.get(i));
        }
        return new Gan(data, config, List.copyOf(remedies));
    }

    /** The configuration this GAN trains with (after the remedies' adjustments). */
    public GanConfig config() {
        return config;
    }

    public DataSource data() {
        return data;
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

    /** The state {@code remedy} created for this GAN (the first, if the same remedy was given twice). */
    public StepHook stateOf(Remedy remedy) {
        Check.notNull("remedy", remedy);
        for (int i = 0; i < remedies.size(); i++) {
            if (remedies.get(i) == remedy || remedies.get(i).equals(remedy)) {
                return hooks.get(i);
            }
        }
        throw new IllegalArgumentException("remedy must be one of this GAN's " + remedies.stream()
                .map(Remedy::label).toList() + ", was " + remedy.label());
    }

    /** How this GAN stops (or warns about) runs that go nowhere; {@link DivergenceGuard#standard()} by default. */
    public DivergenceGuard divergenceGuard() {
        return guard;
    }

    /**
     * Sets how this GAN stops (or warns about) runs that go nowhere, e.g. {@code DivergenceGuard.warn()} to watch a
     * diverging run go on in a notebook. Returns this GAN.
     */
    public Gan setDivergenceGuard(DivergenceGuard guard) {
        this.guard = Check.notNull("guard", guard);
        return this;
    }

    /** Steps trained so far. */
    public int stepsDone() {
        return step;
    }

    @Override
    public int dimension() {
        return dim;
    }

    /** "plain GAN", or the remedies' labels joined with " + ". */
    @Override
    public String label() {
        return remedies.isEmpty() ? "plain GAN" : String.join(" + ", remedies.stream().map(Remedy::label).toList());
    }

    // ---------------------------------------------------------------- the one training step

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
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(STEP_WORKSPACE, WORKSPACE_ID)) {
            return stepInWorkspace();
        }
    }

    private StepStats stepInWorkspace() {
        StepInProgress p = begin();
        for (int k = 0; k < config.discriminatorSteps(); k++) {
            discriminatorUpdate(p);
        }
        return generatorUpdate(p);
    }

    /**
     * What a step has done so far: its context, its D updates and D's numbers on the latest of them. A step begins
     * with the hooks' {@code beforeStep} and ends with G's update.
     */
    private static final class StepInProgress {
        final Context context;
        int discriminatorUpdates;
        double dLoss;
        double realScore;
        double fakeScore;
        DPhase last;

        StepInProgress(Context context) {
            this.context = context;
        }
    }

    private StepInProgress begin() {
        Context context = new Context(step + 1);
        for (StepHook h : hooks) {
            h.beforeStep(context);
        }
        return new StepInProgress(context);
    }

    /** One D update of the step in progress: a fresh real and fake batch, D's loss, the hooks' terms, D's update. */
    private void discriminatorUpdate(StepInProgress p) {
        int b = config.batchSize();
        Batch real = realBatch(b);
        Batch latent = latent(b, noiseRng, null);
        INDArray fakeSamples = generator.output(latent.x());
        for (StepHook h : hooks) {
            INDArray shown = h.discriminatorFakes(p.context, p.discriminatorUpdates, latent.x(), fakeSamples,
                    latent.labels());
            if (shown != fakeSamples && (shown == null || !java.util.Arrays.equals(shown.shape(),
                    fakeSamples.shape()))) {
                throw new IllegalStateException("a remedy's discriminatorFakes must return a batch of shape "
                        + java.util.Arrays.toString(fakeSamples.shape()) + ", was "
                        + (shown == null ? "null" : java.util.Arrays.toString(shown.shape())));
            }
            fakeSamples = shown;
        }
        Applied[] realSeen = toDiscriminator(real.x(), real.labels(), false);
        Applied[] fakeSeen = toDiscriminator(fakeSamples, latent.labels(), true);
        INDArray realIn = seen(realSeen, real.x());
        INDArray fakeIn = seen(fakeSeen, fakeSamples);
        // One forward pass over real and fake together: rows [0, nr) real, [nr, nr + nf) fake.
        int nr = (int) realIn.rows();
        int nf = (int) fakeIn.rows();
        Network.Pass pass = discriminator.forward(Nd4j.vstack(realIn, fakeIn));
        double[] outputs = firstColumn(pass.output());
        double[] lr = java.util.Arrays.copyOfRange(outputs, 0, nr);
        double[] lf = java.util.Arrays.copyOfRange(outputs, nr, nr + nf);
        double[] gr = new double[nr];
        double[] gf = new double[nf];
        double dLoss = objective.discriminatorLoss(lr, lf, gr, gf);
        double[] grad = new double[nr + nf];
        System.arraycopy(gr, 0, grad, 0, nr);
        System.arraycopy(gf, 0, grad, nr, nf);
        INDArray outputGradient = outputGradient(grad);
        discriminator.backward(pass, outputGradient, true, false);
        DPhase phase = new DPhase(p.context, p.discriminatorUpdates, realIn, fakeIn, real.labels(),
                latent.labels(), latent.x(), pass, outputGradient, realSeen, fakeSeen);
        if (trainableTransforms) {
            phase.trainTransforms();
        }
        for (StepHook h : hooks) {
            dLoss += h.discriminatorTerms(phase);
        }
        discriminatorOptimizer.step();
        for (StepHook h : hooks) {
            h.afterDiscriminatorUpdate(p.context);
        }
        p.dLoss = dLoss;
        p.realScore = objective.meanScore(lr);
        p.fakeScore = objective.meanScore(lf);
        p.last = phase;
        p.discriminatorUpdates++;
        latestDiscriminatorNumbers = new double[] {p.dLoss, p.realScore, p.fakeScore};
    }

    /** G's update, which ends the step in progress. */
    private StepStats generatorUpdate(StepInProgress p) {
        int b = config.batchSize();
        Context context = p.context;
        int s = context.step();
        Network opponent = opponent(context);
        Batch latent = latent(b, noiseRng, null);
        Network.Pass gPass = generator.forward(latent.x());
        // The guard looks at the batch G has just drawn (standardised units: data standard deviations from the
        // mean), one reduction every checkEvery steps; it changes nothing in the step.
        boolean check = guard.checks(s);
        double farthest = check ? gPass.output().amaxNumber().doubleValue() : 0;
        Applied[] fakeSeen = toDiscriminator(gPass.output(), latent.labels(), true);
        Network.Pass dPass = opponent.forward(seen(fakeSeen, gPass.output()));
        double[] lf = firstColumn(dPass.output());
        double[] gl = new double[lf.length];
        double objectiveLoss = objective.generatorLoss(lf, gl);
        INDArray fakeGrad;
        double gLoss;
        if (generatorObjectiveWeight == 0) {
            // A remedy replaces G's objective (unrolling): no backward pass for it.
            fakeGrad = gPass.output().ulike().assign(0);
            gLoss = 0;
        } else {
            fakeGrad = fromDiscriminator(fakeSeen, opponent.backward(dPass, outputGradient(gl), false, true));
            gLoss = objectiveLoss;
            if (generatorObjectiveWeight != 1) {
                fakeGrad.muli(generatorObjectiveWeight);
                gLoss *= generatorObjectiveWeight;
            }
        }
        GPhase phase = new GPhase(context, opponent, latent, gPass, dPass, fakeGrad, objectiveLoss, fakeSeen,
                p.last);
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
            guard(stats, farthest);
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
     * {@link #step()} and {@link #train}. Runs outside the step's workspace (its arrays must outlive the call).
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
            StepInProgress p = manual != null ? manual : begin();
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

    private void requireNoStepInProgress(String what) {
        if (manual != null) {
            throw new IllegalStateException(what + " needs the step in progress to be finished: D has made "
                    + manual.discriminatorUpdates + " update(s) by stepDiscriminator since G's last update; call "
                    + "stepGenerator(1) first");
        }
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

    /** Acts on the guard's check of step {@code stats.step()}: samples {@code farthest} data sds from the mean. */
    private void guard(StepStats stats, double farthest) {
        if (farthest <= guard.sampleLimit()) {
            lastChecked = stats;
            return;
        }
        String reason = String.format(java.util.Locale.ROOT, "generated samples reached %.3g data standard deviations "
                + "from the data's mean (limit %.4g, checked %s: DivergenceGuard)", farthest, guard.sampleLimit(),
                guard.checkEvery() == 1 ? "every step" : "every " + guard.checkEvery() + " steps");
        if (guard.action() == DivergenceGuard.Action.STOP) {
            throw new TrainingDivergedException(stats, lastChecked, reason);
        }
        if (!warned) {
            warned = true;
            System.err.println("Warning: step " + stats.step() + ": " + reason + "; training goes on "
                    + "(DivergenceGuard.Action.WARN).");
        }
    }

    /** One batch through one transform. */
    private record Applied(InputTransform.Applied applied) {
    }

    /**
     * Samples as D sees them: through each hook's transform, in order (empty when no hook has one);
     * {@code generated} tells the transforms whether the samples are G's.
     */
    private Applied[] toDiscriminator(INDArray samples, int[] labels, boolean generated) {
        Applied[] out = new Applied[transforms.length];
        INDArray x = samples;
        int[] l = labels;
        for (int i = 0; i < transforms.length; i++) {
            InputTransform.Applied a = transforms[i].apply(x, l, generated);
            out[i] = new Applied(a);
            if (l != null && a.output().rows() != l.length) {
                l = null;   // rows regrouped (packs): labels no longer belong to rows
            }
            x = a.output();
        }
        return out;
    }

    /** What D sees of a batch: the last transform's output, or the samples themselves. */
    private static INDArray seen(Applied[] applied, INDArray samples) {
        return applied.length == 0 ? samples : applied[applied.length - 1].applied().output();
    }

    /** ∂loss/∂(D's input) back to ∂loss/∂samples through every transform, in reverse. */
    private static INDArray fromDiscriminator(Applied[] applied, INDArray gradient) {
        INDArray g = gradient;
        for (int i = applied.length - 1; i >= 0; i--) {
            g = applied[i].applied().backward(g, false, true);
        }
        return g;
    }

    /** Whether D judges single samples (no hook changed its input), so that D(x) of one value makes sense. */
    public boolean judgesSingleSamples() {
        return discriminator.inputs() == dim;
    }

    // ---------------------------------------------------------------- what hooks see

    /** What every hook sees of a step; the phases add their batches and passes. */
    private class Context implements StepContext {
        private final int step;

        Context(int step) {
            this.step = step;
        }

        @Override
        public int step() {
            return step;
        }

        @Override
        public GanConfig config() {
            return config;
        }

        @Override
        public Network generator() {
            return generator;
        }

        @Override
        public Network discriminator() {
            return discriminator;
        }
    }

    private final class DPhase extends Context implements DiscriminatorPhase {
        private final int update;
        private final INDArray real;
        private final INDArray fake;
        private final int[] realLabels;
        private final int[] fakeLabels;
        private final INDArray latent;
        private final Network.Pass pass;
        private final INDArray outputGradient;
        private final Applied[] realSeen;
        private final Applied[] fakeSeen;
        private INDArray inputGradient;

        DPhase(Context context, int update, INDArray real, INDArray fake, int[] realLabels, int[] fakeLabels,
               INDArray latent, Network.Pass pass, INDArray outputGradient, Applied[] realSeen, Applied[] fakeSeen) {
            super(context.step());
            this.update = update;
            this.real = real;
            this.fake = fake;
            this.realLabels = realLabels;
            this.fakeLabels = fakeLabels;
            this.latent = latent;
            this.pass = pass;
            this.outputGradient = outputGradient;
            this.realSeen = realSeen;
            this.fakeSeen = fakeSeen;
        }

        /** D's loss gradient back into the transforms' own parameters (real rows, then fake rows). */
        void trainTransforms() {
            INDArray g = inputGradient();
            long nr = real.rows();
            back(realSeen, g.get(NDArrayIndex.interval(0, nr), NDArrayIndex.all()));
            back(fakeSeen, g.get(NDArrayIndex.interval(nr, g.rows()), NDArrayIndex.all()));
        }

        private void back(Applied[] applied, INDArray gradient) {
            INDArray g = gradient;
            int first = 0;
            while (first < applied.length && !transforms[first].trainable()) {
                first++;
            }
            for (int i = applied.length - 1; i >= first; i--) {
                g = applied[i].applied().backward(g, transforms[i].trainable(), i > first);
            }
        }

        @Override
        public int update() {
            return update;
        }

        @Override
        public INDArray real() {
            return real;
        }

        @Override
        public INDArray fake() {
            return fake;
        }

        @Override
        public int[] realLabels() {
            return realLabels;
        }

        @Override
        public int[] fakeLabels() {
            return fakeLabels;
        }

        @Override
        public INDArray latent() {
            return latent;
        }

        @Override
        public Network.Pass pass() {
            return pass;
        }

        @Override
        public INDArray outputGradient() {
            return outputGradient;
        }

        @Override
        public INDArray inputGradient() {
            if (inputGradient == null) {
                inputGradient = discriminator.backward(pass, outputGradient, false, true);
            }
            return inputGradient;
        }
    }

    private final class GPhase extends Context implements GeneratorPhase {
        private final Network opponent;
        private final Batch latent;
        private final Network.Pass generatorPass;
        private final Network.Pass discriminatorPass;
        private final INDArray fakeGradient;
        private final double objectiveLoss;
        private final Applied[] fakeSeen;
        private final DPhase last;

        GPhase(Context context, Network opponent, Batch latent, Network.Pass generatorPass, Network.Pass discriminatorPass,
               INDArray fakeGradient, double objectiveLoss, Applied[] fakeSeen, DPhase last) {
            super(context.step());
            this.opponent = opponent;
            this.latent = latent;
            this.generatorPass = generatorPass;
            this.discriminatorPass = discriminatorPass;
            this.fakeGradient = fakeGradient;
            this.objectiveLoss = objectiveLoss;
            this.fakeSeen = fakeSeen;
            this.last = last;
        }

        @Override
        public Network discriminator() {
            return opponent;
        }

        @Override
        public INDArray latent() {
            return latent.x();
        }

        @Override
        public int[] labels() {
            return latent.labels();
        }

        @Override
        public Network.Pass generatorPass() {
            return generatorPass;
        }

        @Override
        public Network.Pass discriminatorPass() {
            return discriminatorPass;
        }

        @Override
        public INDArray fakeGradient() {
            return fakeGradient;
        }

        @Override
        public double objectiveLoss() {
            return objectiveLoss;
        }

        @Override
        public INDArray fromDiscriminator(INDArray gradient) {
            return Gan.fromDiscriminator(fakeSeen, Check.notNull("gradient", gradient));
        }

        @Override
        public INDArray real() {
            return lastDiscriminatorUpdate().real();
        }

        @Override
        public int[] realLabels() {
            return lastDiscriminatorUpdate().realLabels();
        }

        @Override
        public Network.Pass lastDiscriminatorPass() {
            return lastDiscriminatorUpdate().pass();
        }

        private DPhase lastDiscriminatorUpdate() {
            if (last == null) {
                throw new IllegalStateException("this step made no D update (stepGenerator without stepDiscriminator "
                        + "before it), so there is no real batch of this step; a remedy that needs one (feature "
                        + "matching) needs stepDiscriminator(k) before each stepGenerator(1)");
            }
            return last;
        }
    }

    // ---------------------------------------------------------------- the loop

    /**
     * Trains {@code steps} steps with default recording (about 200 history rows, 100 snapshots; for images fewer
     * and smaller snapshots, see {@link TrainingOptions#forSteps(int, int)}).
     */
    public TrainingResult train(int steps, TrainingListener... listeners) {
        Check.noNulls("listeners", listeners);
        TrainingOptions o = TrainingOptions.forSteps(steps, dim);
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
        requireNoStepInProgress("train(...)");
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
        INDArray snapshotNoise = latent(options.snapshotSize(), new SplittableRandom(config.seed() ^ 0x5EEDL), null).x();
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
        TrainingResult result = new TrainingResult(history, snaps, first, last, (System.nanoTime() - t0) / 1e9,
                objective.scoreName(), objective.scoreIsProbability());
        for (TrainingListener l : options.listeners()) {
            l.onEnd(this, result);
        }
        return result;
    }

    // ---------------------------------------------------------------- sampling

    /** {@code n} generated samples in data units, from noise drawn with {@code seed}. */
    public double[][] sample(int n, long seed) {
        Check.atLeast("n", n, 1);
        return evaluate(() -> toDataUnits(generator.output(latent(n, new SplittableRandom(seed), null).x())));
    }

    /**
     * {@code n} generated samples of class {@code label} in data units, for a GAN whose G is conditioned on the class
     * by a remedy (a conditional GAN).
     *
     * @throws IllegalStateException when no remedy conditions G on the class
     */
    public double[][] sample(int n, long seed, int label) {
        Check.atLeast("n", n, 1);
        if (data.classes() == 0 || label < 0 || label >= data.classes()) {
            throw new IllegalArgumentException("label must be in [0, " + data.classes() + ") (the data's classes), was "
                    + label);
        }
        int[] labels = new int[n];
        java.util.Arrays.fill(labels, label);
        return evaluate(() -> toDataUnits(generator.output(latent(n, new SplittableRandom(seed), labels).x())));
    }

    /**
     * This GAN as a sampler of classes ({@code sample(n, seed, label)}), for a GAN whose G a remedy conditions on the
     * class (a conditional GAN); metrics and charts that take a {@link ConditionalSampler} accept it.
     *
     * @throws IllegalStateException when no remedy conditions G on the class
     */
    public ConditionalSampler asConditional() {
        if (data.classes() == 0 || remedies.stream().noneMatch(r -> r.needsLabels() && r.generatorInputExtra() > 0)) {
            throw new IllegalStateException("asConditional needs a remedy that conditions G on the class (a "
                    + "conditional GAN), but this GAN has " + (remedies.isEmpty() ? "no remedies" : label()));
        }
        Gan self = this;
        return new ConditionalSampler() {
            @Override
            public int classes() {
                return data.classes();
            }

            @Override
            public double[][] sample(int n, long seed, int label) {
                return self.sample(n, seed, label);
            }

            @Override
            public int dimension() {
                return dim;
            }

            @Override
            public double[][] sample(int n, long seed) {
                return self.sample(n, seed);
            }

            @Override
            public String label() {
                return self.label();
            }
        };
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

    /**
     * D's probability that each 1-D value (in data units) is real.
     *
     * @throws IllegalStateException when the objective's score is not a probability (a WGAN critic: use
     *                               {@link #discriminatorScore(double[])})
     */
    public double[] discriminatorProbability(double[] xs) {
        requireProbability();
        return discriminatorScore(xs);
    }

    /**
     * D's probability that each point (rows of {@code points}, in data units, any dimension) is real.
     *
     * @throws IllegalStateException when the objective's score is not a probability (a WGAN critic: use
     *                               {@link #discriminatorScore(double[][])})
     */
    public double[] discriminatorProbability(double[][] points) {
        requireProbability();
        return discriminatorScore(points);
    }

    private void requireProbability() {
        if (!objective.scoreIsProbability()) {
            throw new IllegalStateException("discriminatorProbability needs an objective whose score is a probability, "
                    + "but " + objective.label() + " scores by " + objective.scoreName() + " (use discriminatorScore)");
        }
    }

    /**
     * D's score ({@link Objective#score}, named by {@link Objective#scoreName()}) of each 1-D value (in data units):
     * the probability "real" for the GAN family, the critic's value for WGAN.
     */
    public double[] discriminatorScore(double[] xs) {
        Check.data("xs", xs);
        if (dim != 1) {
            throw new IllegalStateException("discriminatorScore(double[]) needs 1-D data, was " + dim + "-D");
        }
        if (!judgesSingleSamples()) {
            throw new IllegalStateException("discriminatorScore(double[]) needs a D that judges single samples, "
                    + "but D's input is " + discriminator.inputs() + " wide (packing?)");
        }
        double[] std = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            std[i] = (xs[i] - mean[0]) / sd[0];
        }
        return verdicts(std, std.length);
    }

    /** D's score (see {@link #discriminatorScore(double[])}) of each point (rows, data units, any dimension). */
    public double[] discriminatorScore(double[][] points) {
        Check.points("points", points, dim);
        if (!judgesSingleSamples()) {
            throw new IllegalStateException("discriminatorScore needs a D that judges single samples, but D's "
                    + "input is " + discriminator.inputs() + " wide (packing or minibatch features?)");
        }
        double[] std = new double[points.length * dim];
        for (int i = 0; i < points.length; i++) {
            for (int j = 0; j < dim; j++) {
                std[i * dim + j] = (points[i][j] - mean[j]) / sd[j];
            }
        }
        return verdicts(std, points.length);
    }

    /**
     * The direction G's loss pushes a generated sample at each point: −∂ℓ_G/∂x, the negative gradient of the
     * per-sample generator objective through D with respect to the sample (data units, any dimension). G's update
     * moves its samples along these arrows as far as its parameters allow; drawn over D's heatmap they show the
     * game (GAN Lab's "generator gradients"). Remedies' terms are not included: it is the objective's push.
     *
     * @throws IllegalStateException when D does not judge single samples (packing, minibatch features)
     */
    public double[][] generatorPush(double[][] points) {
        Check.notNull("points", points);
        if (!judgesSingleSamples()) {
            throw new IllegalStateException("generatorPush needs a D that judges single samples, but D's input is "
                    + discriminator.inputs() + " wide (packing or minibatch features?)");
        }
        int n = points.length;
        if (n == 0) {
            return new double[0][];
        }
        Check.points("points", points, dim);
        double[] std = standardised(points);
        double[] flat = evaluate(() -> {
            Network.Pass pass = discriminator.forward(array(std, n, dim));
            double[] outputs = firstColumn(pass.output());
            double[] gl = new double[n];
            objective.generatorLoss(outputs, gl);
            for (int i = 0; i < n; i++) {
                gl[i] *= n;   // the mean's gradient × n: each sample's own loss
            }
            return values(discriminator.backward(pass, outputGradient(gl), false, true));
        });
        double[][] out = new double[n][dim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                out[i][j] = -flat[i * dim + j] / sd[j];   // ∂/∂x_data = ∂/∂x_standardised ÷ sd
            }
        }
        return out;
    }

    /**
     * G's samples (data units) for given latent points: the image of a set of z, e.g. a grid of latent points
     * (G's manifold, as GAN Lab draws it).
     *
     * @param latent rows of {@code config().latentDim()} values
     * @throws IllegalStateException when a remedy adds codes to G's input (G's input is then not z alone)
     */
    public double[][] generate(double[][] latent) {
        Check.notNull("latent", latent);
        int width = generator.inputs();
        if (width != config.latentDim()) {
            throw new IllegalStateException("generate needs G's input to be the noise alone, but remedies add "
                    + (width - config.latentDim()) + " code column(s) to G's input");
        }
        if (latent.length == 0) {
            return new double[0][];
        }
        double[] z = new double[latent.length * width];
        for (int i = 0; i < latent.length; i++) {
            if (latent[i] == null || latent[i].length != width) {
                throw new IllegalArgumentException("latent[" + i + "] must have " + width + " values (latentDim), was "
                        + (latent[i] == null ? "null" : latent[i].length));
            }
            for (int j = 0; j < width; j++) {
                Check.finite("latent[" + i + "][" + j + "]", latent[i][j]);
                z[i * width + j] = latent[i][j];
            }
        }
        return evaluate(() -> toDataUnits(generator.output(array(z, latent.length, width))));
    }

    private double[] standardised(double[][] points) {
        double[] std = new double[points.length * dim];
        for (int i = 0; i < points.length; i++) {
            if (points[i] == null || points[i].length != dim) {
                throw new IllegalArgumentException("points[" + i + "] must have " + dim + " coordinates, was "
                        + (points[i] == null ? "null" : points[i].length));
            }
            for (int j = 0; j < dim; j++) {
                std[i * dim + j] = (points[i][j] - mean[j]) / sd[j];
            }
        }
        return std;
    }

    /** The objective's score (D's probability "real" for the GAN family) of D's first output for each row. */
    private double[] verdicts(double[] standardised, int rows) {
        double[] out = evaluate(() -> firstColumn(discriminator.output(array(standardised, rows, dim))));
        for (int i = 0; i < out.length; i++) {
            out[i] = objective.score(out[i]);
        }
        return out;
    }

    /** A grid spanning every mode ±4σ, widened by 10% on each side (1-D). */
    public double[] probeGrid(int points) {
        Check.atLeast("points", points, 2);
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
            return new Snapshot(step, samples, new double[0], new double[0], objective.scoreName(),
                    objective.scoreIsProbability());
        }
        double[] grid = probeGrid(200);
        return new Snapshot(step, samples, grid, discriminatorScore(grid), objective.scoreName(),
                objective.scoreIsProbability());
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

    /** A batch in standardised units with the class of each row (null when there are none). */
    private record Batch(INDArray x, int[] labels) {
    }

    private Batch realBatch(int n) {
        double[] x;
        int[] labels = null;
        if (needsLabels) {
            DataSource.Labelled l = data.sampleLabelled(n, dataRng);
            x = l.values();
            labels = l.labels();
        } else {
            x = data.sample(n, dataRng);
        }
        for (int i = 0; i < x.length; i++) {
            int j = i % dim;
            x[i] = (x[i] - mean[j]) / sd[j];
        }
        return new Batch(array(x, n, dim), labels);
    }

    /**
     * G's input for {@code n} samples: noise from {@code rng}, then each hook's codes (drawn from {@code rng} after
     * the noise), with the class labels the codes encode; {@code labels}, when not null, asks for those classes.
     */
    private Batch latent(int n, RandomGenerator rng, int[] labels) {
        int width = generator.inputs();
        int latentDim = config.latentDim();
        double[] z = new double[n * width];
        boolean gaussian = config.latent() == GanConfig.Latent.GAUSSIAN;
        if (width == latentDim) {
            for (int i = 0; i < z.length; i++) {
                z[i] = gaussian ? rng.nextGaussian() : 2 * rng.nextDouble() - 1;
            }
            if (labels != null) {
                throw new IllegalStateException("sampling one class needs a remedy that conditions G on the class "
                        + "(a conditional GAN), but this GAN has " + (remedies.isEmpty() ? "no remedies" : label()));
            }
            return new Batch(array(z, n, width), null);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < latentDim; j++) {
                z[i * width + j] = gaussian ? rng.nextGaussian() : 2 * rng.nextDouble() - 1;
            }
        }
        int col = latentDim;
        int[] encoded = null;
        for (int h = 0; h < hooks.size(); h++) {
            int extra = remedies.get(h).generatorInputExtra();
            if (extra == 0) {
                continue;
            }
            LatentCodes codes = hooks.get(h).latentCodes(n, rng, labels);
            if (codes == null || codes.width() != extra || codes.values().length != n * extra) {
                throw new IllegalStateException("remedy " + remedies.get(h).label() + " must give " + n + " rows of "
                        + extra + " latent codes, gave " + (codes == null ? "none"
                        : codes.values().length / codes.width() + " rows of " + codes.width()));
            }
            for (int i = 0; i < n; i++) {
                System.arraycopy(codes.values(), i * extra, z, i * width + col, extra);
            }
            col += extra;
            if (encoded == null) {
                encoded = codes.labels();
            }
        }
        if (labels != null && encoded == null) {
            throw new IllegalStateException("sampling one class needs a remedy that conditions G on the class "
                    + "(a conditional GAN), but this GAN has " + label());
        }
        return new Batch(array(z, n, width), encoded);
    }

    /** ∂loss/∂(D's first output) as D's output gradient: a column, or the first of D's output columns. */
    private INDArray outputGradient(double[] g) {
        int outputs = discriminator.outputs();
        if (outputs == 1) {
            return array(g, g.length, 1);
        }
        double[] wide = new double[g.length * outputs];
        for (int i = 0; i < g.length; i++) {
            wide[i * outputs] = g[i];
        }
        return array(wide, g.length, outputs);
    }

    /** D's first output for each row. */
    private double[] firstColumn(INDArray outputs) {
        double[] v = values(outputs);
        int cols = (int) outputs.columns();
        if (cols == 1) {
            return v;
        }
        double[] first = new double[(int) outputs.rows()];
        for (int i = 0; i < first.length; i++) {
            first[i] = v[i * cols];
        }
        return first;
    }

    /** An array of the config's data type, filled from Java. */
    private INDArray array(double[] v, long rows, long cols) {
        return NdArrays.of(v, rows, cols, config.dataType());
    }

    private static double[] values(INDArray a) {
        return NdArrays.values(a);
    }
}
