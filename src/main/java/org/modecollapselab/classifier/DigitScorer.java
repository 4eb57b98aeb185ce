package org.modecollapselab.classifier;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.modecollapselab.data.ImageShape;
import org.modecollapselab.data.ImageSource;
import org.modecollapselab.data.mnist.MnistDigits;
import org.modecollapselab.data.mnist.StackedMnist;
import org.modecollapselab.metric.ClassifierThresholds;
import org.modecollapselab.metric.CoverageReport;
import org.modecollapselab.metric.CoverageScorer;
import org.modecollapselab.metric.DigitCoverage;
import org.modecollapselab.sampler.Sampler;
import org.modecollapselab.util.Check;

/**
 * Scores generated images with the digit classifier: MNIST's ten digits ({@link #digits}) or Stacked MNIST's 1,000
 * digit triples ({@link #stackedMnist}), against the data's own class shares ({@link DigitCoverage}). Samples drawn
 * from a sampler are scored in chunks of {@value #CHUNK}, so that 26,000 Stacked MNIST samples never sit in memory
 * at once.
 */
public final class DigitScorer implements CoverageScorer {
    /** Samples drawn and classified at a time by {@link #score(Sampler, int, long)}. */
    public static final int CHUNK = 1000;
    private final DigitClassifier classifier;
    private final ImageShape shape;
    private final double[] shares;
    private final List<String> names;
    private final ClassifierThresholds thresholds;

    private DigitScorer(DigitClassifier classifier, ImageShape shape, double[] shares, List<String> names,
                        ClassifierThresholds thresholds) {
        this.classifier = classifier;
        this.shape = shape;
        this.shares = shares;
        this.names = names;
        this.thresholds = thresholds;
    }

    /** Digits of {@code data}, by the stored classifier, with {@link ClassifierThresholds#digits()}. */
    public static DigitScorer digits(MnistDigits data) {
        Check.notNull("data", data);
        return digits(DigitClassifier.standard(), data.digitShares(), ClassifierThresholds.digits());
    }

    /** Digits, by {@code classifier}, against the digit shares {@code shares} (10 values summing to 1). */
    public static DigitScorer digits(DigitClassifier classifier, double[] shares, ClassifierThresholds thresholds) {
        Check.notNull("classifier", classifier);
        checkShares(shares, 10);
        Check.notNull("thresholds", thresholds);
        return new DigitScorer(classifier, ImageShape.MNIST, shares.clone(), DigitCoverage.digitNames(), thresholds);
    }

    /** Stacked MNIST's modes, by the stored classifier, with {@link ClassifierThresholds#stackedMnist()}. */
    public static DigitScorer stackedMnist(StackedMnist data) {
        Check.notNull("data", data);
        return stackedMnist(DigitClassifier.standard(), data.modeShares(), ClassifierThresholds.stackedMnist());
    }

    /** Stacked MNIST's modes, by {@code classifier}, against {@code shares} (1,000 values summing to 1). */
    public static DigitScorer stackedMnist(DigitClassifier classifier, double[] shares,
                                           ClassifierThresholds thresholds) {
        Check.notNull("classifier", classifier);
        checkShares(shares, 1000);
        Check.notNull("thresholds", thresholds);
        return new DigitScorer(classifier, ImageShape.STACKED_MNIST, shares.clone(), DigitCoverage.stackedModeNames(),
                thresholds);
    }

    /** The scorer for MNIST or Stacked MNIST data. */
    public static DigitScorer of(ImageSource data) {
        Check.notNull("data", data);
        if (data instanceof MnistDigits d) {
            return digits(d);
        }
        if (data instanceof StackedMnist s) {
            return stackedMnist(s);
        }
        throw new IllegalArgumentException("data must be MNIST digits or Stacked MNIST, was " + data.name());
    }

    /** The same scorer with other thresholds. */
    public DigitScorer withThresholds(ClassifierThresholds v) {
        return new DigitScorer(classifier, shape, shares, names, Check.notNull("thresholds", v));
    }

    public ClassifierThresholds thresholds() {
        return thresholds;
    }

    public DigitClassifier classifier() {
        return classifier;
    }

    /** The data's share of each class (a copy). */
    public double[] shares() {
        return shares.clone();
    }

    /** Each sample's class and confidence. */
    public DigitCoverage.Predictions classify(double[][] samples) {
        Check.points("samples", samples, shape.pixels());
        if (shape.channels() == 1) {
            return DigitCoverage.classify(classifier.probabilities(samples));
        }
        double[][][] channels = new double[3][][];
        for (int c = 0; c < 3; c++) {
            channels[c] = classifier.probabilities(samples, shape, c);
        }
        return DigitCoverage.classifyStacked(channels);
    }

    @Override
    public CoverageReport score(double[][] samples) {
        Check.points("samples", samples, shape.pixels());
        if (samples.length == 0) {
            throw new IllegalArgumentException("samples must not be empty, was 0 samples");
        }
        return DigitCoverage.evaluate(classify(samples), shares, names, thresholds);
    }

    /**
     * Scores {@code n} samples of {@code sampler}, drawn in chunks of {@value #CHUNK}: the first with {@code seed}
     * (so up to {@value #CHUNK} samples are exactly {@code sampler.sample(n, seed)}), the others with seeds drawn from
     * a generator seeded with {@code seed}.
     */
    @Override
    public CoverageReport score(Sampler sampler, int n, long seed) {
        Check.notNull("sampler", sampler);
        Check.atLeast("n", n, 1);
        if (sampler.dimension() != shape.pixels()) {
            throw new IllegalArgumentException("sampler must draw images of " + shape + " (" + shape.pixels()
                    + " values), draws " + sampler.dimension());
        }
        DigitCoverage.Predictions all = null;
        // Chunk seeds from a generator of their own: seeds such as seed + k·γ would give SplittableRandom streams that
        // are the first chunk's stream shifted by k draws (γ is its own increment).
        SplittableRandom seeds = new SplittableRandom(seed ^ 0x5C0D5EEDL);
        for (int k = 0, start = 0; start < n; k++, start += CHUNK) {
            int b = Math.min(CHUNK, n - start);
            long s = k == 0 ? seed : seeds.nextLong();
            DigitCoverage.Predictions p = classify(sampler.sample(b, s));
            all = all == null ? p : all.concat(p);
        }
        return DigitCoverage.evaluate(all, shares, names, thresholds);
    }

    @Override
    public List<String> modeNames() {
        return names;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%s by the digit classifier, confident ≥ %.0f%%, covered by ≥ %s%s",
                names.size() == 10 ? "digits" : "Stacked MNIST modes", 100 * thresholds.confidence(),
                thresholds.minModeFraction() == 0 ? "1 sample" : String.format(Locale.ROOT, "%.0f%% of samples",
                        100 * thresholds.minModeFraction()),
                thresholds.confidentOnly() ? " (confident samples only)" : " (every sample counts)");
    }

    private static void checkShares(double[] shares, int k) {
        Check.notNull("shares", shares);
        if (shares.length != k) {
            throw new IllegalArgumentException("shares must hold " + k + " class shares, was " + shares.length);
        }
        for (int i = 0; i < k; i++) {
            Check.inRange("shares[" + i + "]", shares[i], 0, 1);
        }
    }
}
