package org.modecollapselab.gan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.modecollapselab.config.Architecture;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.DataSource;
import org.modecollapselab.nn.Network;
import org.modecollapselab.objective.Objective;
import org.modecollapselab.sampler.ConditionalSampler;
import org.modecollapselab.sampler.Sampler;
import org.modecollapselab.step.DivergenceGuard;
import org.modecollapselab.step.Remedy;
import org.modecollapselab.step.StepHook;
import org.modecollapselab.step.StepStats;
import org.modecollapselab.step.TrainingDivergedException;
import org.modecollapselab.step.TrainingStep;
import org.modecollapselab.util.Check;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A GAN (Goodfellow et al., "Generative Adversarial Nets", 2014): the façade a notebook uses. It trains with the
 * project's one training step ({@link TrainingStep}: {@code k} discriminator updates, then one generator update),
 * records history and snapshots ({@link #train}), and samples and probes its networks ({@link GanProbe}).
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
    private final TrainingStep step;
    private final GanProbe probe;

    private Gan(DataSource data, GanConfig config, List<? extends Remedy> remedies) {
        this.data = data;
        this.step = new TrainingStep(data, config, remedies);
        this.probe = new GanProbe(step, data);
    }

    /**
     * Checks data, configuration and remedies as {@link #create} does, without building networks: for studies
     * that validate every run before training any.
     */
    public static void check(DataSource data, GanConfig config, List<? extends Remedy> remedies) {
        TrainingStep.check(data, config, remedies);
    }

    /** A new GAN for {@code data}, with optional remedies (each creates its own state for this GAN). */
    public static Gan create(DataSource data, GanConfig config, Remedy... remedies) {
        Check.notNull("remedies", remedies);
        return create(data, config, Arrays.asList(remedies));
    }

    /** A new GAN for {@code data} with the remedies of a list, in order. */
    public static Gan create(DataSource data, GanConfig config, List<? extends Remedy> remedies) {
        Check.notNull("data", data);
        Check.notNull("config", config);
        Check.notNull("remedies", remedies);
        for (int i = 0; i < remedies.size(); i++) {
            Check.notNull("remedies[" + i + "]", remedies.get(i));
        }
        return new Gan(data, config, remedies);
    }

    /** The configuration this GAN trains with (after the remedies' adjustments). */
    public GanConfig config() {
        return step.config();
    }

    public DataSource data() {
        return data;
    }

    public Network generator() {
        return step.generator();
    }

    public Network discriminator() {
        return step.discriminator();
    }

    /** The remedies, in the order given. */
    public List<Remedy> remedies() {
        return step.remedies();
    }

    /** The state {@code remedy} created for this GAN (the first, if the same remedy was given twice). */
    public StepHook stateOf(Remedy remedy) {
        Check.notNull("remedy", remedy);
        List<Remedy> remedies = step.remedies();
        for (int i = 0; i < remedies.size(); i++) {
            if (remedies.get(i) == remedy || remedies.get(i).equals(remedy)) {
                return step.hooks().get(i);
            }
        }
        throw new IllegalArgumentException("remedy must be one of this GAN's " + remedies.stream()
                .map(Remedy::label).toList() + ", was " + remedy.label());
    }

    /** How this GAN stops (or warns about) runs that go nowhere; {@link DivergenceGuard#standard()} by default. */
    public DivergenceGuard divergenceGuard() {
        return step.divergenceGuard();
    }

    /**
     * Sets how this GAN stops (or warns about) runs that go nowhere, e.g. {@code DivergenceGuard.warn()} to watch a
     * diverging run go on in a notebook. Returns this GAN.
     */
    public Gan setDivergenceGuard(DivergenceGuard guard) {
        step.setDivergenceGuard(guard);
        return this;
    }

    /** Steps trained so far. */
    public int stepsDone() {
        return step.stepsDone();
    }

    @Override
    public int dimension() {
        return data.dimension();
    }

    /** "plain GAN", or the remedies' labels joined with " + ". */
    @Override
    public String label() {
        List<Remedy> remedies = step.remedies();
        return remedies.isEmpty() ? "plain GAN" : String.join(" + ", remedies.stream().map(Remedy::label).toList());
    }

    // ---------------------------------------------------------------- training

    /**
     * One training step ({@link TrainingStep#step()}): {@code discriminatorSteps} updates of D on fresh real and
     * fake batches, then one update of G.
     *
     * @throws TrainingDivergedException when a loss is NaN or infinite, or (checked as the {@link DivergenceGuard}
     *                                   says) G's samples ran beyond the guard's limit
     */
    public StepStats step() {
        return step.step();
    }

    /** {@code k} updates of D alone: the student's half of the game ({@link TrainingStep#stepDiscriminator}). */
    public StepStats stepDiscriminator(int k) {
        return step.stepDiscriminator(k);
    }

    /** {@code k} updates of G alone, each ending a step ({@link TrainingStep#stepGenerator}). */
    public StepStats stepGenerator(int k) {
        return step.stepGenerator(k);
    }

    /** D updates made by {@link #stepDiscriminator} in the step in progress (0 when none is in progress). */
    public int discriminatorUpdatesInProgress() {
        return step.discriminatorUpdatesInProgress();
    }

    /**
     * Trains {@code steps} steps with default recording (about 200 history rows, 100 snapshots; for images fewer
     * and smaller snapshots, see {@link TrainingOptions#forSteps(int, int)}).
     */
    public TrainingResult train(int steps, TrainingListener... listeners) {
        Check.noNulls("listeners", listeners);
        TrainingOptions o = TrainingOptions.forSteps(steps, dimension());
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
        step.requireNoStepInProgress("train(...)");
        int first = step.stepsDone() + 1;
        int last = step.stepsDone() + steps;
        long t0 = System.nanoTime();
        HistoryRecorder history = new HistoryRecorder(t0);
        List<Snapshot> snapshots = new ArrayList<>();
        for (TrainingListener l : options.listeners()) {
            l.onStart(this, first, last);
        }
        INDArray snapshotNoise = step.latent(options.snapshotSize(), new SplittableRandom(config().seed() ^ 0x5EEDL),
                null);
        for (int i = 0; i < steps; i++) {
            StepStats st = step();
            history.add(st);
            for (TrainingListener l : options.listeners()) {
                l.onStep(this, st);
            }
            boolean end = i == steps - 1;
            if ((st.step() - first + 1) % options.historyEvery() == 0 || end) {
                history.row(st.step());
            }
            if ((st.step() - first + 1) % options.snapshotEvery() == 0 || end) {
                Snapshot snapshot = probe.snapshot(step.stepsDone(), snapshotNoise);
                snapshots.add(snapshot);
                for (TrainingListener l : options.listeners()) {
                    l.onSnapshot(this, snapshot);
                }
            }
        }
        TrainingResult result = new TrainingResult(history.table(), snapshots, first, last,
                (System.nanoTime() - t0) / 1e9, config().objective().scoreName(),
                config().objective().scoreIsProbability());
        for (TrainingListener l : options.listeners()) {
            l.onEnd(this, result);
        }
        return result;
    }

    // ---------------------------------------------------------------- sampling and probing (GanProbe)

    /** What this GAN's networks say, in data units: samples, D's scores and grids, G's push, snapshots. */
    public GanProbe probe() {
        return probe;
    }

    /** Whether D judges single samples (no hook changed its input), so that D(x) of one value makes sense. */
    public boolean judgesSingleSamples() {
        return probe.judgesSingleSamples();
    }

    /** {@code n} generated samples in data units, from noise drawn with {@code seed}. */
    public double[][] sample(int n, long seed) {
        return probe.sample(n, seed);
    }

    /** {@code n} generated samples of class {@code label} ({@link GanProbe#sample(int, long, int)}). */
    public double[][] sample(int n, long seed, int label) {
        return probe.sample(n, seed, label);
    }

    /**
     * This GAN as a sampler of classes ({@code sample(n, seed, label)}), for a GAN whose G a remedy conditions on the
     * class (a conditional GAN); metrics and charts that take a {@link ConditionalSampler} accept it.
     *
     * @throws IllegalStateException when no remedy conditions G on the class
     */
    public ConditionalSampler asConditional() {
        if (data.classes() == 0 || remedies().stream().noneMatch(r -> r.needsLabels() && r.generatorInputExtra() > 0)) {
            throw new IllegalStateException("asConditional needs a remedy that conditions G on the class (a "
                    + "conditional GAN), but this GAN has " + (remedies().isEmpty() ? "no remedies" : label()));
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
                return self.dimension();
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

    /** D's probability that each 1-D value (in data units) is real ({@link GanProbe#discriminatorProbability}). */
    public double[] discriminatorProbability(double[] xs) {
        return probe.discriminatorProbability(xs);
    }

    /** D's probability that each point (rows, data units) is real ({@link GanProbe#discriminatorProbability}). */
    public double[] discriminatorProbability(double[][] points) {
        return probe.discriminatorProbability(points);
    }

    /** D's score of each 1-D value (data units): D(x) for the GAN family, the critic's value for WGAN. */
    public double[] discriminatorScore(double[] xs) {
        return probe.discriminatorScore(xs);
    }

    /** D's score of each point (rows, data units, any dimension). */
    public double[] discriminatorScore(double[][] points) {
        return probe.discriminatorScore(points);
    }

    /** Where G's objective pushes a generated sample at each point ({@link GanProbe#generatorPush}). */
    public double[][] generatorPush(double[][] points) {
        return probe.generatorPush(points);
    }

    /** G's samples (data units) for given latent points ({@link GanProbe#generate}). */
    public double[][] generate(double[][] latent) {
        return probe.generate(latent);
    }

    /** A grid spanning every mode ±4σ, widened by 10% on each side (1-D; {@link GanProbe#probeGrid}). */
    public double[] probeGrid(int points) {
        return probe.probeGrid(points);
    }
}
