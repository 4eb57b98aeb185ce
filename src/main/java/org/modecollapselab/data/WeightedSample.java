package org.modecollapselab.data;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.modecollapselab.metric.ModeSet;
import org.modecollapselab.util.Check;

/**
 * A finite training sample drawn once from a data source, with a weight per point: batches are drawn from the points
 * with replacement, each with probability equal to its weight. This is how boosting (AdaGAN) reweights data that
 * would otherwise be an endless stream: draw N points, then move weight between them. Modes, mean and standard
 * deviation are the source's, so that every GAN trained on any weighting standardises alike; labels are the points'
 * classes when the source has them.
 */
public final class WeightedSample implements DataSource {
    private final DataSource source;
    private final double[] values;
    private final int[] labels;
    private final double[] weights;
    private final double[] cumulative;

    private WeightedSample(DataSource source, double[] values, int[] labels, double[] weights) {
        this.source = source;
        this.values = values;
        this.labels = labels;
        this.weights = weights;
        this.cumulative = new double[weights.length];
        double acc = 0;
        for (int i = 0; i < weights.length; i++) {
            acc += weights[i];
            cumulative[i] = acc;
        }
    }

    /** {@code n} points drawn from {@code source} with {@code seed}, equal weights. */
    public static WeightedSample draw(DataSource source, int n, long seed) {
        Check.notNull("source", source);
        Check.atLeast("n", n, 1);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v;
        int[] l = null;
        if (source.classes() > 0) {
            Labelled d = source.sampleLabelled(n, rng);
            v = d.values();
            l = d.labels();
        } else {
            v = source.sample(n, rng);
        }
        double[] w = new double[n];
        Arrays.fill(w, 1.0 / n);
        return new WeightedSample(source, v, l, w);
    }

    /**
     * The same points with new weights (each finite and &gt;= 0, not all 0; normalised to sum to 1).
     */
    public WeightedSample withWeights(double[] w) {
        Check.notNull("weights", w);
        if (w.length != size()) {
            throw new IllegalArgumentException("weights must have one entry per point (" + size() + "), was "
                    + w.length);
        }
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += Check.nonNegative("weights[" + i + "]", w[i]);
        }
        Check.positive("sum of weights", sum);
        double[] normalised = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            normalised[i] = w[i] / sum;
        }
        return new WeightedSample(source, values, labels, normalised);
    }

    /** Number of points. */
    public int size() {
        return weights.length;
    }

    /** The points, [size][dimension], data units. */
    public double[][] points() {
        int d = dimension();
        double[][] out = new double[size()][d];
        for (int i = 0; i < out.length; i++) {
            System.arraycopy(values, i * d, out[i], 0, d);
        }
        return out;
    }

    /** Each point's weight (summing to 1). */
    public double[] weights() {
        return weights.clone();
    }

    /** The source the points were drawn from. */
    public DataSource source() {
        return source;
    }

    @Override
    public int dimension() {
        return source.dimension();
    }

    @Override
    public double[] sample(int n, RandomGenerator rng) {
        Check.atLeast("n", n, 1);
        Check.notNull("rng", rng);
        return draw(n, rng, null);
    }

    @Override
    public Labelled sampleLabelled(int n, RandomGenerator rng) {
        Check.atLeast("n", n, 1);
        Check.notNull("rng", rng);
        if (labels == null) {
            return DataSource.super.sampleLabelled(n, rng);
        }
        int[] l = new int[Check.atLeast("n", n, 0)];
        return new Labelled(draw(n, rng, l), l);
    }

    private double[] draw(int n, RandomGenerator rng, int[] drawnLabels) {
        Check.atLeast("n", n, 0);
        int d = dimension();
        double[] out = new double[n * d];
        for (int i = 0; i < n; i++) {
            int k = index(rng.nextDouble());
            System.arraycopy(values, k * d, out, i * d, d);
            if (drawnLabels != null) {
                drawnLabels[i] = labels[k];
            }
        }
        return out;
    }

    /** The point a uniform draw selects, by cumulative weight (points of weight 0 are never selected). */
    private int index(double u) {
        double target = u * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    @Override
    public int classes() {
        return labels == null ? 0 : source.classes();
    }

    /** The total weight of each class's points. */
    @Override
    public double[] classWeights() {
        if (labels == null) {
            return DataSource.super.classWeights();
        }
        double[] w = new double[classes()];
        for (int i = 0; i < labels.length; i++) {
            w[labels[i]] += weights[i];
        }
        return w;
    }

    /** The points of those classes with their weights (renormalised); modes stay the source's. */
    @Override
    public DataSource ofClasses(int... labels) {
        int[] l = ClassData.checkClasses(this, labels);
        boolean[] kept = new boolean[classes()];
        for (int i : l) {
            kept[i] = true;
        }
        double[] w = new double[size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = kept[this.labels[i]] ? weights[i] : 0;
        }
        return withWeights(w);
    }

    @Override
    public ModeSet modes() {
        return source.modes();
    }

    @Override
    public String name() {
        return source.name() + " (" + size() + " weighted points)";
    }

    @Override
    public double[] mean() {
        return source.mean();
    }

    @Override
    public double[] sd() {
        return source.sd();
    }
}
