package org.modecollapselab.metric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.modecollapselab.util.Check;

/**
 * Coverage scored by a classifier: which class (digit, or Stacked MNIST's digit triple) each generated sample is,
 * how confidently, and how the classes' histogram compares with the data's. Pure functions of class probabilities;
 * the classifier that produces them is {@code classifier.DigitClassifier}.
 *
 * <p>Per class: the samples counted for it (its most probable class; only confident samples when
 * {@link ClassifierThresholds#confidentOnly()}), their share of all samples, and whether that share reaches the
 * threshold. Over all: classes covered, the confident share (largest probability at least
 * {@link ClassifierThresholds#confidence()}), and KL(generated ‖ data) between the histogram of counted samples and
 * the data's class shares, in nats (+∞ when no sample is counted; ln 10 ≈ 2.30 for a generator that draws one of
 * ten equally common digits only). For Stacked MNIST these are the papers' "modes covered" and "KL" when every
 * sample counts ({@link ClassifierThresholds#stackedMnist()}).
 */
public final class DigitCoverage {
    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private DigitCoverage() {
    }

    /** The names of Stacked MNIST's 1,000 modes, "000" to "999" (channel 0's digit first). */
    public static List<String> stackedModeNames() {
        List<String> n = new ArrayList<>(1000);
        for (int m = 0; m < 1000; m++) {
            n.add(String.format(Locale.ROOT, "%03d", m));
        }
        return List.copyOf(n);
    }

    /** The digits' names, "0" to "9". */
    public static List<String> digitNames() {
        return DIGITS;
    }

    /**
     * Each sample's class and the classifier's confidence in it.
     *
     * @param predicted  the most probable class of each sample
     * @param confidence its probability (for a digit triple: the smallest of its three digits')
     */
    public record Predictions(int[] predicted, double[] confidence) {
        public Predictions {
            Check.notNull("predicted", predicted);
            Check.notNull("confidence", confidence);
            if (predicted.length != confidence.length) {
                throw new IllegalArgumentException("predicted and confidence must have the same length (one "
                        + "confidence per prediction: "
                        + predicted.length + "), was " + confidence.length);
            }
            for (int i = 0; i < predicted.length; i++) {
                Check.atLeast("predicted[" + i + "]", predicted[i], 0);
                Check.inRange("confidence[" + i + "]", confidence[i], 0, 1);
            }
        }

        public int size() {
            return predicted.length;
        }

        /** These predictions followed by {@code more}'s. */
        public Predictions concat(Predictions more) {
            Check.notNull("more", more);
            int[] p = Arrays.copyOf(predicted, predicted.length + more.predicted.length);
            System.arraycopy(more.predicted, 0, p, predicted.length, more.predicted.length);
            double[] c = Arrays.copyOf(confidence, confidence.length + more.confidence.length);
            System.arraycopy(more.confidence, 0, c, confidence.length, more.confidence.length);
            return new Predictions(p, c);
        }
    }

    /**
     * Digit coverage from the classifier's probabilities.
     *
     * @param probabilities [n][10], each row a distribution over the digits
     * @param digitShares   the data's share of each digit (sums to 1)
     */
    public static CoverageReport digits(double[][] probabilities, double[] digitShares, ClassifierThresholds th) {
        checkShares("digitShares", digitShares, 10);
        Check.notNull("th", th);
        return evaluate(classify(probabilities), digitShares, DIGITS, th);
    }

    /** The most probable digit of each row of [n][10] probabilities, and its probability. */
    public static Predictions classify(double[][] probabilities) {
        Check.notNull("probabilities", probabilities);
        if (probabilities.length == 0) {
            throw new IllegalArgumentException("probabilities must not be empty, was 0 rows");
        }
        int n = probabilities.length;
        int[] predicted = new int[n];
        double[] confidence = new double[n];
        for (int i = 0; i < n; i++) {
            double[] p = checkRow("probabilities", i, probabilities[i], 10);
            predicted[i] = argmax(p);
            confidence[i] = p[predicted[i]];
        }
        return new Predictions(predicted, confidence);
    }

    /**
     * Stacked MNIST coverage from the classifier's probabilities for each channel (see {@link #classifyStacked}).
     *
     * @param channels   three arrays [n][10], the probabilities of channel 0, 1 and 2 of the same n samples
     * @param modeShares the data's share of each of the 1,000 modes (sums to 1)
     */
    public static CoverageReport stacked(double[][][] channels, double[] modeShares, ClassifierThresholds th) {
        checkShares("modeShares", modeShares, 1000);
        Check.notNull("th", th);
        return evaluate(classifyStacked(channels), modeShares, stackedModeNames(), th);
    }

    /**
     * Stacked MNIST's mode of each sample, {@code 100·a + 10·b + c} for the most probable digits a, b, c of
     * channels 0, 1, 2, with the smallest of their three probabilities as its confidence.
     *
     * @param channels three arrays [n][10], the probabilities of channel 0, 1 and 2 of the same n samples
     */
    /** {@code k} shares, each in (0, 1]. */
    private static void checkShares(String name, double[] shares, int k) {
        Check.notNull(name, shares);
        if (shares.length != k) {
            throw new IllegalArgumentException(name + " must hold " + k + " shares, was " + shares.length);
        }
        for (int c = 0; c < k; c++) {
            if (!(shares[c] > 0 && shares[c] <= 1)) {
                throw new IllegalArgumentException(name + "[" + c + "] must be in (0, 1], was " + shares[c]);
            }
        }
    }

    public static Predictions classifyStacked(double[][][] channels) {
        Check.notNull("channels", channels);
        if (channels.length != 3) {
            throw new IllegalArgumentException("channels must hold the probabilities of 3 distinct channels, was "
                    + channels.length);
        }
        for (int c = 0; c < 3; c++) {
            Check.points("channels[" + c + "]", channels[c], 10);
            if (channels[c].length != channels[0].length) {
                throw new IllegalArgumentException("channels[" + c + "] must have " + channels[0].length
                        + " rows like channels[0], was " + channels[c].length);
            }
        }
        int n = channels[0].length;
        int[] predicted = new int[n];
        double[] confidence = new double[n];
        for (int i = 0; i < n; i++) {
            int mode = 0;
            double conf = 1;
            for (int c = 0; c < 3; c++) {
                double[] p = checkRow("channels[" + c + "]", i, channels[c][i], 10);
                int d = argmax(p);
                mode = 10 * mode + d;
                conf = Math.min(conf, p[d]);
            }
            predicted[i] = mode;
            confidence[i] = conf;
        }
        return new Predictions(predicted, confidence);
    }

    /** {@link #evaluate(int[], double[], double[], List, ClassifierThresholds)} of predictions. */
    public static CoverageReport evaluate(Predictions predictions, double[] shares, List<String> names,
                                          ClassifierThresholds th) {
        Check.notNull("predictions", predictions);
        return evaluate(predictions.predicted(), predictions.confidence(), shares, names, th);
    }

    /**
     * The report from each sample's predicted class and confidence.
     *
     * @param predicted  each sample's class, in [0, classes)
     * @param confidence each sample's confidence in [0, 1]
     * @param shares     the data's share of each class (positive, summing to 1); its length is the number of classes
     * @param names      the classes' names
     */
    public static CoverageReport evaluate(int[] predicted, double[] confidence, double[] shares, List<String> names,
                                          ClassifierThresholds th) {
        Check.notNull("predicted", predicted);
        Check.notNull("confidence", confidence);
        Check.notNull("shares", shares);
        Check.noNulls("names", names);
        Check.distinct("names", names, "name", x -> x);
        Check.notNull("th", th);
        int n = predicted.length;
        if (n == 0) {
            throw new IllegalArgumentException("predicted must not be empty, was 0 samples");
        }
        if (confidence.length != n) {
            throw new IllegalArgumentException("predicted and confidence must have the same length (one confidence "
                    + "per sample: " + n + "), was "
                    + confidence.length);
        }
        int k = shares.length;
        if (k == 0 || names.size() != k) {
            throw new IllegalArgumentException("names must name each of the " + k + " classes of shares, was "
                    + names.size() + " names");
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            if (!(shares[c] > 0 && shares[c] <= 1)) {
                throw new IllegalArgumentException("shares[" + c + "] must be in (0, 1], was " + shares[c]);
            }
            sum += shares[c];
        }
        if (Math.abs(sum - 1) > ModeSet.WEIGHT_TOLERANCE) {
            throw new IllegalArgumentException("shares must sum to 1 (within " + ModeSet.WEIGHT_TOLERANCE + "), was "
                    + sum);
        }
        int[] counts = new int[k];
        int confident = 0;
        int counted = 0;
        for (int i = 0; i < n; i++) {
            if (predicted[i] < 0 || predicted[i] >= k) {
                throw new IllegalArgumentException("predicted[" + i + "] must be in [0, " + k + "), was "
                        + predicted[i]);
            }
            Check.inRange("confidence[" + i + "]", confidence[i], 0, 1);
            boolean sure = confidence[i] >= th.confidence();
            confident += sure ? 1 : 0;
            if (sure || !th.confidentOnly()) {
                counts[predicted[i]]++;
                counted++;
            }
        }
        int min = th.minCount(n);
        double[] fractions = new double[k];
        boolean[] covered = new boolean[k];
        int nCovered = 0;
        double kl = counted == 0 ? Double.POSITIVE_INFINITY : 0;
        for (int c = 0; c < k; c++) {
            fractions[c] = counts[c] / (double) n;
            covered[c] = counts[c] >= min;
            nCovered += covered[c] ? 1 : 0;
            if (counted > 0 && counts[c] > 0) {
                double p = counts[c] / (double) counted;
                kl += p * Math.log(p / shares[c]);
            }
        }
        return new CoverageReport(n, names, counts, fractions, shares, covered, nCovered, confident / (double) n, kl,
                Verdict.of(nCovered, k), th);
    }

    private static double[] checkRow(String name, int i, double[] p, int k) {
        if (p == null || p.length != k) {
            throw new IllegalArgumentException(name + "[" + i + "] must hold " + k + " class probabilities, was "
                    + (p == null ? "null" : p.length + " values"));
        }
        for (int c = 0; c < k; c++) {
            if (!(p[c] >= 0 && p[c] <= 1 + 1e-6)) {
                throw new IllegalArgumentException(name + "[" + i + "][" + c + "] must be a probability in [0, 1], "
                        + "was " + p[c]);
            }
        }
        return p;
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }
}
