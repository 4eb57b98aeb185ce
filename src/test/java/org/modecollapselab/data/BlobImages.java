package org.modecollapselab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.modecollapselab.metric.Mode;
import org.modecollapselab.metric.ModeSet;
import org.modecollapselab.util.Check;

/**
 * A tiny synthetic image data set for tests of convolutional GANs: {@code classes} fixed images, each a bright
 * Gaussian blob at its own place (class k's blob sits on a circle around the centre, its channels shifted in
 * brightness), plus independent pixel noise; pixels in [0, 1], channel-major (NCHW) rows. The mean and sd it reports
 * are 0.5 for every pixel, so the GAN sees pixels in [−1, 1] (what a tanh generator draws). Its modes are the
 * classes, centred on the noise-free images.
 */
public final class BlobImages implements DataSource {
    private final int classes;
    private final int channels;
    private final int size;
    private final double noise;
    private final double[][] images;

    public BlobImages(int classes, int channels, int size, double noise) {
        this.classes = Check.atLeast("classes", classes, 1);
        this.channels = Check.atLeast("channels", channels, 1);
        this.size = Check.atLeast("size", size, 4);
        this.noise = Check.positive("noise", noise);
        this.images = new double[classes][];
        for (int k = 0; k < classes; k++) {
            double angle = 2 * Math.PI * k / classes;
            double cy = size / 2.0 - 0.5 + size / 4.0 * Math.sin(angle);
            double cx = size / 2.0 - 0.5 + size / 4.0 * Math.cos(angle);
            double radius = size / 7.0;
            double[] img = new double[dimension()];
            for (int ch = 0; ch < channels; ch++) {
                double brightness = 1 - 0.2 * ((ch + k) % channels) / Math.max(1, channels);
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        double r2 = ((y - cy) * (y - cy) + (x - cx) * (x - cx)) / (radius * radius);
                        img[ch * size * size + y * size + x] = brightness * Math.exp(-r2 / 2);
                    }
                }
            }
            images[k] = img;
        }
    }

    @Override
    public int dimension() {
        return channels * size * size;
    }

    @Override
    public double[] sample(int n, RandomGenerator rng) {
        return sampleLabelled(n, rng).values();
    }

    @Override
    public Labelled sampleLabelled(int n, RandomGenerator rng) {
        int d = dimension();
        double[] v = new double[n * d];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int k = rng.nextInt(classes);
            labels[i] = k;
            for (int j = 0; j < d; j++) {
                v[i * d + j] = Math.min(1, Math.max(0, images[k][j] + noise * rng.nextGaussian()));
            }
        }
        return new Labelled(v, labels);
    }

    @Override
    public int classes() {
        return classes;
    }

    @Override
    public ModeSet modes() {
        List<Mode> modes = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            modes.add(new Mode("blob " + k, images[k], noise, 1.0 / classes));
        }
        return new ModeSet(modes);
    }

    @Override
    public String name() {
        return classes + " blobs " + channels + "×" + size + "×" + size;
    }

    @Override
    public double[] mean() {
        double[] m = new double[dimension()];
        Arrays.fill(m, 0.5);
        return m;
    }

    @Override
    public double[] sd() {
        double[] s = new double[dimension()];
        Arrays.fill(s, 0.5);
        return s;
    }
}
