package org.modecollapselab.data.mnist;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.modecollapselab.data.ImageShape;
import org.modecollapselab.data.ImageSource;
import org.modecollapselab.util.Check;

/**
 * MNIST digits as data for a GAN: 28×28 grey images with their digit (0–9) as class label. The images stay in
 * memory as bytes (784 bytes a digit: the full 70,000 take 55 MB) and become pixel values in [−1, 1] (0 → −1,
 * 255 → 1) only when drawn, so samples lie in the range of a tanh output.
 *
 * <p>Load them with {@link Mnist#load} (a folder) or {@link Mnist#obtain} (the data setting, the cache, or a
 * download). {@link #name()} says which splits they came from.
 */
public final class MnistDigits implements ImageSource {
    /** Pixel value of each byte: {@code b / 127.5 − 1}. */
    private static final double[] VALUE = new double[256];

    static {
        for (int b = 0; b < 256; b++) {
            VALUE[b] = b / 127.5 - 1;
        }
    }

    private final byte[] pixels;
    private final byte[] labels;
    private final String name;

    private MnistDigits(byte[] pixels, byte[] labels, String name) {
        this.pixels = pixels;
        this.labels = labels;
        this.name = name;
    }

    /**
     * Digits from raw bytes: {@code pixels} row-major, 784 per digit, and one label 0–9 per digit (both copied).
     *
     * @param name how tables and charts name the data, e.g. "MNIST (test split, 10,000 digits)"
     */
    public static MnistDigits of(byte[] pixels, byte[] labels, String name) {
        Check.notNull("pixels", pixels);
        Check.notNull("labels", labels);
        Check.notBlank("name", name);
        int px = ImageShape.MNIST.pixels();
        if (labels.length == 0) {
            throw new IllegalArgumentException("labels must hold at least 1 digit, was 0");
        }
        if (pixels.length != (long) labels.length * px) {
            throw new IllegalArgumentException("pixels must hold " + px + " bytes per label (" + labels.length
                    + " labels: " + (long) labels.length * px + " bytes), was " + pixels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] > 9) {
                throw new IllegalArgumentException("labels[" + i + "] must be a digit 0..9, was " + labels[i]);
            }
        }
        return new MnistDigits(pixels.clone(), labels.clone(), name);
    }

    /** Number of digits. */
    public int size() {
        return labels.length;
    }

    @Override
    public ImageShape shape() {
        return ImageShape.MNIST;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int classes() {
        return 10;
    }

    /** The digit of image {@code i}. */
    public int label(int i) {
        checkIndex("i", i);
        return labels[i];
    }

    /** Image {@code i} as 784 pixel values in [−1, 1]. */
    public double[] image(int i) {
        checkIndex("i", i);
        double[] x = new double[ImageShape.MNIST.pixels()];
        copyImage(i, x, 0);
        return x;
    }

    /** Images {@code indices} as rows of 784 values in [−1, 1]. */
    public double[][] images(int... indices) {
        Check.notNull("indices", indices);
        if (indices.length == 0) {
            throw new IllegalArgumentException("indices must not be empty, was []");
        }
        double[][] out = new double[indices.length][];
        for (int k = 0; k < indices.length; k++) {
            checkIndex("indices[" + k + "]", indices[k]);
            out[k] = image(indices[k]);
        }
        return out;
    }

    /** The first {@code n} images as rows (e.g. a grid of real digits). */
    public double[][] first(int n) {
        Check.atLeast("n", n, 1);
        if (n > size()) {
            throw new IllegalArgumentException("n must be <= " + size() + " (the digits held), was " + n);
        }
        int[] idx = new int[n];
        Arrays.setAll(idx, i -> i);
        return images(idx);
    }

    /** Every label, in order (a copy). */
    public int[] labels() {
        int[] out = new int[labels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = labels[i];
        }
        return out;
    }

    /** The share of each digit 0–9 in these data: the distribution a generator's digits are compared with. */
    public double[] digitShares() {
        double[] s = new double[10];
        for (byte l : labels) {
            s[l]++;
        }
        for (int d = 0; d < 10; d++) {
            s[d] /= labels.length;
        }
        return s;
    }

    @Override
    public double[] sample(int n, RandomGenerator rng) {
        return sampleLabelled(n, rng).values();
    }

    @Override
    public Labelled sampleLabelled(int n, RandomGenerator rng) {
        Check.atLeast("n", n, 1);
        Check.notNull("rng", rng);
        int px = ImageShape.MNIST.pixels();
        double[] x = new double[n * px];
        int[] l = new int[n];
        for (int k = 0; k < n; k++) {
            int i = rng.nextInt(labels.length);
            copyImage(i, x, k * px);
            l[k] = labels[i];
        }
        return new Labelled(x, l);
    }

    /** The digits at {@code indices} (copied), named {@code name}. */
    public MnistDigits subset(int[] indices, String name) {
        Check.notNull("indices", indices);
        Check.notBlank("name", name);
        Check.distinct("indices", Arrays.stream(indices).boxed().toList(), "index", i -> i);
        if (indices.length == 0) {
            throw new IllegalArgumentException("indices must not be empty, was []");
        }
        int px = ImageShape.MNIST.pixels();
        byte[] p = new byte[indices.length * px];
        byte[] l = new byte[indices.length];
        for (int k = 0; k < indices.length; k++) {
            checkIndex("indices[" + k + "]", indices[k]);
            System.arraycopy(pixels, indices[k] * px, p, k * px, px);
            l[k] = labels[indices[k]];
        }
        return new MnistDigits(p, l, name);
    }

    /**
     * A fixed split into digits to train on and digits held out: {@code heldOut} digits chosen by a shuffle seeded
     * with {@code seed}, the rest kept in their order. A shuffle rather than the last digits, because MNIST's test
     * split is ordered by writer group (its first 5,000 digits are the easier ones).
     */
    public Split holdOut(int heldOut, long seed) {
        if (heldOut < 1 || heldOut >= size()) {
            throw new IllegalArgumentException("heldOut must be in [1, " + (size() - 1) + "] (fewer than the "
                    + size() + " digits held), was " + heldOut);
        }
        int[] perm = new int[size()];
        Arrays.setAll(perm, i -> i);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = perm.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] test = Arrays.copyOfRange(perm, 0, heldOut);
        int[] train = Arrays.copyOfRange(perm, heldOut, perm.length);
        Arrays.sort(test);
        Arrays.sort(train);
        return new Split(subset(train, String.format(Locale.ROOT, "%s, %,d kept for training", name, train.length)),
                subset(test, String.format(Locale.ROOT, "%s, %,d held out", name, test.length)));
    }

    /** Digits to train on and digits held out. */
    public record Split(MnistDigits train, MnistDigits heldOut) {
        public Split {
            Check.notNull("train", train);
            Check.notNull("heldOut", heldOut);
        }
    }

    private void copyImage(int i, double[] target, int offset) {
        int px = ImageShape.MNIST.pixels();
        int base = i * px;
        for (int p = 0; p < px; p++) {
            target[offset + p] = VALUE[pixels[base + p] & 0xFF];
        }
    }

    private void checkIndex(String name, int i) {
        if (i < 0 || i >= labels.length) {
            throw new IllegalArgumentException(name + " must be in [0, " + labels.length + "), was " + i);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
