package org.modecollapselab.remedy.adagan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.DataSource;
import org.modecollapselab.data.WeightedSample;
import org.modecollapselab.gan.Catalogued;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.gan.Method;
import org.modecollapselab.gan.TrainingOptions;
import org.modecollapselab.gan.TrainingResult;
import org.modecollapselab.sampler.Mixture;
import org.modecollapselab.sampler.Sampler;
import org.modecollapselab.util.Check;

/**
 * AdaGAN (Tolstikhin, Gelly, Bousquet, Simon-Gabriel and Schölkopf, "AdaGAN: Boosting Generative Models", NeurIPS
 * 2017): T generators trained one after another, each on the training data reweighted towards what the mixture of
 * the earlier ones misses, combined into one mixture. A collapsed GAN is accepted as a component that covers some
 * modes; the next one is sent to the others.
 *
 * <p>Round 1 is the plain GAN on the data. Before round t ≥ 2 a classifier tells training points from the mixture's
 * samples, giving h(x_i) ≈ dP_mixture/dP_data at each point ({@code DensityRatio}); the points get the paper's
 * weights (its Theorem 1 / equation 17, "theory_star" in the authors' code)
 * {@code w_i = (λ* − (1 − β) h(x_i))₊ / (N β)}, with λ* such that they sum to 1: points the mixture already
 * over-draws get weight 0, points it misses get the most. Generator t trains on the reweighted points, and the mixture
 * becomes {@code (1 − β)·mixture + β·G_t}. β is the new generator's mixture weight: a constant in (0, 1), or 1/t
 * (every generator weighs the same — the paper code's "uniform" heuristic) when {@code beta = 0}.
 *
 * <p>An endless data source is reweighted through a finite training sample: {@code sampleSize} points drawn once
 * from the data (with the run's seed), batches drawn from them by weight ({@link WeightedSample}). Every generator
 * trains the run's full number of steps with the same configuration (seeds differ), so training costs T times one
 * GAN. {@code generators = 1} is the plain GAN, exactly (round 1 trains on the data itself).
 *
 * @param generators      T, the number of generators, &gt;= 1
 * @param beta            the new generator's mixture weight: in (0, 1), or 0 for 1/t
 * @param sampleSize      N, training points drawn once for reweighting, &gt;= 2
 * @param classifierSteps updates of the classifier that estimates h, &gt;= 1
 */
public record AdaGan(int generators, double beta, int sampleSize, int classifierSteps) implements Method {
    /** The catalog's name: {@code adagan[:T]}, T generators (default 3). */
    public static final Catalogued CATALOG = Catalogued.method("adagan", "T", 3, AdaGan::of);

    public AdaGan {
        Check.atLeast("generators", generators, 1);
        Check.inHalfOpen("beta", beta, 0, 1);
        Check.atLeast("sampleSize", sampleSize, 2);
        Check.atLeast("classifierSteps", classifierSteps, 1);
    }

    /** T generators with β = 1/t (equal weights), 5,000 training points, 500 classifier updates per round. */
    public static AdaGan of(int generators) {
        return new AdaGan(generators, 0, 5000, 500);
    }

    public AdaGan withBeta(double v) {
        return new AdaGan(generators, v, sampleSize, classifierSteps);
    }

    public AdaGan withSampleSize(int v) {
        return new AdaGan(generators, beta, v, classifierSteps);
    }

    public AdaGan withClassifierSteps(int v) {
        return new AdaGan(generators, beta, sampleSize, v);
    }

    @Override
    public String label() {
        return "AdaGAN T=" + generators + (beta == 0 ? "" : " β=" + beta);
    }

    @Override
    public boolean neutral() {
        return generators == 1;
    }

    @Override
    public void check(DataSource data, GanConfig config) {
        Gan.check(data, config, List.of());
    }

    /** The mixture weight of generator t (from 1): 1 for the first, then β or 1/t. */
    public double betaOf(int t) {
        Check.atLeast("t", t, 1);
        return t == 1 ? 1 : beta == 0 ? 1.0 / t : beta;
    }

    /**
     * What boosting produced.
     *
     * @param generators  the generators, in training order
     * @param mixture     their mixture (weights as AdaGAN combined them)
     * @param sample      the training points (null when T = 1)
     * @param dataWeights the training points' weights each generator was trained on (round 1: equal weights)
     * @param results     each generator's training run
     */
    public record Boosted(List<Gan> generators, Mixture mixture, WeightedSample sample, List<double[]> dataWeights,
                          List<TrainingResult> results) {
        public Boosted {
            Check.noNulls("generators", generators);
            Check.notNull("mixture", mixture);
            Check.noNulls("dataWeights", dataWeights);
            Check.noNulls("results", results);
            generators = List.copyOf(generators);
            dataWeights = List.copyOf(dataWeights);
            results = List.copyOf(results);
        }

        /** The mixture after the first {@code k} generators (AdaGAN's model after k rounds). */
        public Mixture after(int k) {
            return mixture.prefix(k, "AdaGAN, " + k + " generator" + (k == 1 ? "" : "s"));
        }
    }

    @Override
    public Trained train(DataSource data, GanConfig config, int steps, TrainingOptions options) {
        Boosted b = boost(data, config, steps, options);
        return new Trained(b.mixture(), b.results().get(b.results().size() - 1));
    }

    /** Trains the T generators (each {@code steps} steps) and returns them with their mixture. */
    public Boosted boost(DataSource data, GanConfig config, int steps, TrainingOptions options) {
        Check.notNull("data", data);
        Check.notNull("config", config);
        Check.atLeast("steps", steps, 1);
        Check.notNull("options", options);
        check(data, config);
        List<Gan> gans = new ArrayList<>();
        List<TrainingResult> results = new ArrayList<>();
        List<double[]> dataWeights = new ArrayList<>();
        Gan first = Gan.create(data, config);
        results.add(first.train(steps, options));
        gans.add(first);
        double[] mix = {1};
        WeightedSample sample = null;
        SplittableRandom seeds = new SplittableRandom(config.seed() ^ 0xADA6A11L);
        if (generators > 1) {
            sample = WeightedSample.draw(data, sampleSize, seeds.nextLong());
        }
        if (sample != null) {
            dataWeights.add(sample.weights());
        }
        int dim = data.dimension();
        double[] points = sample == null ? null : standardised(sample.points(), data);
        for (int t = 2; t <= generators; t++) {
            double b = betaOf(t);
            Mixture current = new Mixture(List.copyOf(gans), mix, "AdaGAN");
            double[] fakes = standardised(current.sample(sampleSize, seeds.nextLong()), data);
            double[] h = DensityRatio.ratios(points, fakes, dim, config, classifierSteps, seeds.nextLong());
            double[] w = weights(h, b);
            dataWeights.add(w);
            Gan g = Gan.create(sample.withWeights(w), config.withSeed(seeds.nextLong()));
            results.add(g.train(steps, options));
            gans.add(g);
            double[] next = new double[t];
            for (int i = 0; i < t - 1; i++) {
                next[i] = mix[i] * (1 - b);
            }
            next[t - 1] = b;
            mix = next;
        }
        return new Boosted(gans, new Mixture(List.<Sampler>copyOf(gans), mix, label()), sample, dataWeights,
                results);
    }

    /**
     * AdaGAN's training weights (the paper's equation 17): {@code w_i = (λ* − (1 − β) h_i)₊ / (N β)} with λ* chosen
     * so that they sum to 1. Points whose ratio h is large (the mixture draws them more often than the data) lose
     * their weight. Falls back to equal weights if no λ* exists (h is only an estimate).
     *
     * @param ratios h_i ≈ dP_mixture/dP_data at each training point, finite and &gt;= 0
     * @param beta   the next generator's mixture weight, in (0, 1)
     */
    public static double[] weights(double[] ratios, double beta) {
        Check.notNull("ratios", ratios);
        if (ratios.length == 0) {
            throw new IllegalArgumentException("ratios must not be empty, was []");
        }
        if (!(beta > 0 && beta < 1)) {
            throw new IllegalArgumentException("beta must be in (0, 1), was " + beta);
        }
        int n = ratios.length;
        for (int i = 0; i < n; i++) {
            Check.nonNegative("ratios[" + i + "]", ratios[i]);
        }
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        double cumsum = 0;
        double lambda = Double.NaN;
        for (int k = 0; k < n; k++) {
            cumsum += sorted[k];
            // λ if exactly the k + 1 points with the smallest ratios keep weight: Σ w = 1 solved for λ.
            double l = (beta * n + (1 - beta) * cumsum) / (k + 1);
            boolean lowOk = l >= (1 - beta) * sorted[k];
            boolean highOk = k == n - 1 || l <= (1 - beta) * sorted[k + 1];
            if (lowOk && highOk) {
                lambda = l;
                break;
            }
        }
        double[] w = new double[n];
        if (Double.isNaN(lambda)) {
            Arrays.fill(w, 1.0 / n);
            return w;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = Math.max(0, lambda - (1 - beta) * ratios[i]) / (n * beta);
            sum += w[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] /= sum;   // exactly 1 up to rounding
        }
        return w;
    }

    private static double[] standardised(double[][] rows, DataSource data) {
        double[] mean = data.mean();
        double[] sd = data.sd();
        int d = data.dimension();
        double[] out = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < d; j++) {
                out[i * d + j] = (rows[i][j] - mean[j]) / sd[j];
            }
        }
        return out;
    }
}
