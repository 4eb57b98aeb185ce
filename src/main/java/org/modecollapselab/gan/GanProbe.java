package org.modecollapselab.gan;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.modecollapselab.data.DataSource;
import org.modecollapselab.metric.Mode;
import org.modecollapselab.nn.Network;
import org.modecollapselab.objective.Objective;
import org.modecollapselab.step.Standardiser;
import org.modecollapselab.step.TrainingStep;
import org.modecollapselab.util.Check;
import org.modecollapselab.util.NdArrays;
import org.modecollapselab.util.Workspaces;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a GAN's networks say, in data units, without training them: G's samples (from seeded noise, of one class,
 * or of given latent points), D's score of values, points and grids, G's push (the generator gradient arrows of GAN
 * Lab: Kahng et al., "GAN Lab", 2018) and sample snapshots. Every chart that shows D or G asks this class
 * ({@code gan.probe()}); no chart builds a grid of its own. Each call runs in an evaluation workspace of its own
 * ({@link Workspaces#evaluate}), so probing leaves no ND4J memory behind.
 *
 * <p>Grids span every mode ±4σ, widened by {@link #PAD} of that span on each side, in every coordinate.
 */
public final class GanProbe {
    /** How far grids reach beyond the modes (±4σ), as a share of that span on each side. */
    public static final double PAD = 0.1;
    /** Points of the D(x) curve in a 1-D snapshot. */
    public static final int SNAPSHOT_GRID = 200;

    private final TrainingStep step;
    private final DataSource data;

    GanProbe(TrainingStep step, DataSource data) {
        this.step = step;
        this.data = data;
    }

    private int dim() {
        return data.dimension();
    }

    private Objective objective() {
        return step.config().objective();
    }

    private Network discriminator() {
        return step.discriminator();
    }

    /** Whether D judges single samples (no hook changed its input), so that D(x) of one value makes sense. */
    public boolean judgesSingleSamples() {
        return discriminator().inputs() == dim();
    }

    // ---------------------------------------------------------------- G

    /** {@code n} generated samples in data units, from noise drawn with {@code seed}. */
    public double[][] sample(int n, long seed) {
        Check.atLeast("n", n, 1);
        return Workspaces.evaluate(() -> toDataUnits(step.generator().output(step.latent(n, new SplittableRandom(seed),
                null))));
    }

    /**
     * {@code n} generated samples of class {@code label} in data units, for a GAN whose G a remedy conditions on the
     * class (a conditional GAN).
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
        Arrays.fill(labels, label);
        return Workspaces.evaluate(() -> toDataUnits(step.generator().output(step.latent(n, new SplittableRandom(seed),
                labels))));
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
        int width = step.generator().inputs();
        int latentDim = step.config().latentDim();
        if (width != latentDim) {
            throw new IllegalStateException("generate needs G's input to be the noise alone, but remedies add "
                    + (width - latentDim) + " code column(s) to G's input");
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
        return Workspaces.evaluate(() -> toDataUnits(step.generator().output(array(z, latent.length, width))));
    }

    /** G's samples of {@code z} with D's score on {@link #probeGrid} (1-D data judged sample by sample). */
    Snapshot snapshot(int stepNumber, INDArray z) {
        double[][] samples = Workspaces.evaluate(() -> toDataUnits(step.generator().output(z)));
        if (dim() != 1 || !judgesSingleSamples()) {
            return new Snapshot(stepNumber, samples, new double[0], new double[0], objective().scoreName(),
                    objective().scoreIsProbability());
        }
        double[] grid = probeGrid(SNAPSHOT_GRID);
        return new Snapshot(stepNumber, samples, grid, discriminatorScore(grid), objective().scoreName(),
                objective().scoreIsProbability());
    }

    /**
     * The GAN as it is now, as training's snapshots record it: {@code n} samples from noise drawn with {@code seed}
     * and, for 1-D data judged sample by sample, D's score (or a critic's value) on {@link #probeGrid}.
     */
    public Snapshot snapshot(int n, long seed) {
        Check.atLeast("n", n, 1);
        return snapshot(step.stepsDone(), step.latent(n, new SplittableRandom(seed), null));
    }

    // ---------------------------------------------------------------- D

    /**
     * D's score ({@link Objective#score}, named by {@link Objective#scoreName()}) of each 1-D value (in data units):
     * the probability "real" for the GAN family, the critic's value for WGAN.
     */
    public double[] discriminatorScore(double[] xs) {
        Check.data("xs", xs);
        if (dim() != 1) {
            throw new IllegalStateException("discriminatorScore(double[]) needs 1-D data, was " + dim() + "-D");
        }
        if (!judgesSingleSamples()) {
            throw new IllegalStateException("discriminatorScore(double[]) needs a D that judges single samples, "
                    + "but D's input is " + discriminator().inputs() + " wide (packing?)");
        }
        return verdicts(standardiser().standardiseInPlace(xs.clone()), xs.length);
    }

    /** D's score (see {@link #discriminatorScore(double[])}) of each point (rows, data units, any dimension). */
    public double[] discriminatorScore(double[][] points) {
        Check.points("points", points, dim());
        requireSingleSamples("discriminatorScore");
        return verdicts(standardiser().standardise(points), points.length);
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
     * @throws IllegalStateException when the objective's score is not a probability (a WGAN critic)
     */
    public double[] discriminatorProbability(double[][] points) {
        requireProbability();
        return discriminatorScore(points);
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
        requireSingleSamples("generatorPush");
        int n = points.length;
        if (n == 0) {
            return new double[0][];
        }
        Check.points("points", points, dim());
        double[] std = standardiser().standardise(points);
        double[] flat = Workspaces.evaluate(() -> {
            Network.Pass pass = discriminator().forward(array(std, n, dim()));
            double[] outputs = NdArrays.firstColumn(pass.output());
            double[] lossGradient = new double[n];
            objective().generatorLoss(outputs, lossGradient);
            for (int i = 0; i < n; i++) {
                lossGradient[i] *= n;   // the mean's gradient × n: each sample's own loss
            }
            INDArray outputGradient = NdArrays.inFirstColumn(lossGradient, discriminator().outputs(),
                    step.config().dataType());
            return NdArrays.values(discriminator().backward(pass, outputGradient, false, true));
        });
        for (int i = 0; i < flat.length; i++) {
            flat[i] = -flat[i];
        }
        return standardiser().gradientToDataUnits(flat);
    }

    // ---------------------------------------------------------------- grids

    /** A grid of {@code points} values of the first coordinate spanning every mode (see the class comment). */
    public double[] probeGrid(int points) {
        return axis(0, points);
    }

    /**
     * {@code points} evenly spaced values of coordinate {@code coordinate} spanning every mode ±4σ, widened by
     * {@link #PAD} on each side.
     */
    public double[] axis(int coordinate, int points) {
        return axis(coordinate, points, new double[0][]);
    }

    /**
     * The same axis widened to take in {@code include} as well (generated samples far from the data, so that they are
     * drawn on a field, not off it): their 1st to 99th percentile on this coordinate (all of them below 100 points),
     * at most five times the modes' extent beyond the modes, before the pad.
     */
    public double[] axis(int coordinate, int points, double[][] include) {
        Check.index("coordinate", coordinate, dim());
        Check.atLeast("points", points, 2);
        Check.notNull("include", include);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Mode m : data.modes().modes()) {
            lo = Math.min(lo, m.center()[coordinate] - 4 * m.sd());
            hi = Math.max(hi, m.center()[coordinate] + 4 * m.sd());
        }
        if (include.length > 0) {
            double[] v = new double[include.length];
            for (int i = 0; i < v.length; i++) {
                Check.notNull("include[" + i + "]", include[i]);
                if (include[i].length != dim()) {
                    throw new IllegalArgumentException("include[" + i + "] must have " + dim() + " values (the "
                            + "data's dimension), was " + include[i].length);
                }
                Check.finite("include[" + i + "]", include[i]);
                v[i] = include[i][coordinate];
            }
            java.util.Arrays.sort(v);
            int cut = v.length >= 100 ? v.length / 100 : 0;
            double extent = hi - lo;
            lo = Math.min(lo, Math.max(v[cut], lo - 5 * extent));
            hi = Math.max(hi, Math.min(v[v.length - 1 - cut], hi + 5 * extent));
        }
        double pad = PAD * (hi - lo);
        lo -= pad;
        hi += pad;
        double[] g = new double[points];
        for (int i = 0; i < points; i++) {
            g[i] = lo + (hi - lo) * i / (points - 1);
        }
        return g;
    }

    /** D's score at every point (xs[i], ys[j]) of a 2-D grid, as values[j][i] (one batch through D). */
    public double[][] scoreField(double[] xs, double[] ys) {
        Check.finite("xs", Check.notEmpty("xs", xs));
        Check.finite("ys", Check.notEmpty("ys", ys));
        if (dim() != 2) {
            throw new IllegalStateException("scoreField needs 2-D data, was " + dim() + "-D");
        }
        double[][] points = new double[xs.length * ys.length][];
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                points[j * xs.length + i] = new double[] {xs[i], ys[j]};
            }
        }
        double[] flat = discriminatorScore(points);
        double[][] values = new double[ys.length][xs.length];
        for (int j = 0; j < ys.length; j++) {
            System.arraycopy(flat, j * xs.length, values[j], 0, xs.length);
        }
        return values;
    }

    /**
     * D's probability "real" on a 2-D grid ({@link #scoreField}).
     *
     * @throws IllegalStateException when the objective's score is not a probability (a WGAN critic)
     */
    public double[][] probabilityField(double[] xs, double[] ys) {
        requireProbability();
        return scoreField(xs, ys);
    }

    // ---------------------------------------------------------------- helpers

    private Standardiser standardiser() {
        return step.standardiser();
    }

    private void requireProbability() {
        if (!objective().scoreIsProbability()) {
            throw new IllegalStateException("discriminatorProbability needs an objective whose score is a probability, "
                    + "but " + objective().label() + " scores by " + objective().scoreName()
                    + " (use discriminatorScore)");
        }
    }

    private void requireSingleSamples(String what) {
        if (!judgesSingleSamples()) {
            throw new IllegalStateException(what + " needs a D that judges single samples, but D's input is "
                    + discriminator().inputs() + " wide (packing or minibatch features?)");
        }
    }

    /** The objective's score (D's probability "real" for the GAN family) of D's first output for each row. */
    private double[] verdicts(double[] standardised, int rows) {
        double[] out = Workspaces.evaluate(() -> NdArrays.firstColumn(discriminator().output(array(standardised, rows,
                dim()))));
        for (int i = 0; i < out.length; i++) {
            out[i] = objective().score(out[i]);
        }
        return out;
    }

    private double[][] toDataUnits(INDArray standardised) {
        return standardiser().toDataUnits(NdArrays.values(standardised));
    }

    private INDArray array(double[] v, long rows, long cols) {
        return NdArrays.of(v, rows, cols, step.config().dataType());
    }
}
