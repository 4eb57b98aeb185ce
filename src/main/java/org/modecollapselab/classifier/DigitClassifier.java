package org.modecollapselab.classifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.modecollapselab.data.ImageShape;
import org.modecollapselab.data.mnist.MnistDigits;
import org.modecollapselab.util.AtomicFiles;
import org.modecollapselab.util.Check;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The digit classifier that reads generated digits: a small LeNet-style convolutional network (LeCun et al. 1998)
 * in Deeplearning4j — 5×5 convolutions with 8 and 16 channels, each followed by 2×2 max pooling, a dense layer of
 * 128 ReLU units and a softmax over the ten digits (about 38,000 parameters). It reads 28×28 images with pixels in
 * [−1, 1], as {@link MnistDigits} draws them; generated pixels outside [−1, 1] are clipped first.
 *
 * <p>{@link #standard()} is the network stored in the library (trained by {@code environment/train-classifier},
 * see {@link TrainClassifier}); {@link #info()} says on what it was trained and the accuracy it reached on digits it
 * did not train on. Calls are serialised (a DL4J network keeps state while it runs), so one classifier can serve a
 * study's threads.
 */
public final class DigitClassifier {
    /** Where the stored network and its description live on the class path. */
    public static final String RESOURCE = "/org/modecollapselab/classifier/digit-classifier.zip";
    public static final String INFO_RESOURCE = "/org/modecollapselab/classifier/digit-classifier.properties";
    /** Images classified per call of the network (bounds its memory). */
    static final int CHUNK = 500;
    private static volatile DigitClassifier standard;

    private final MultiLayerNetwork network;
    private final Properties info;

    private DigitClassifier(MultiLayerNetwork network, Properties info) {
        this.network = network;
        this.info = info;
    }

    /** The network stored in the library, loaded once. */
    public static DigitClassifier standard() {
        DigitClassifier c = standard;
        if (c == null) {
            synchronized (DigitClassifier.class) {
                c = standard;
                if (c == null) {
                    c = loadResource();
                    standard = c;
                }
            }
        }
        return c;
    }

    private static DigitClassifier loadResource() {
        try (InputStream model = DigitClassifier.class.getResourceAsStream(RESOURCE);
             InputStream props = DigitClassifier.class.getResourceAsStream(INFO_RESOURCE)) {
            if (model == null) {
                throw new IllegalStateException("the stored digit classifier " + RESOURCE + " is not on the class "
                        + "path; build the library (mvn package) or train one (environment/train-classifier)");
            }
            Properties info = new Properties();
            if (props != null) {
                info.load(props);
            }
            return new DigitClassifier(ModelSerializer.restoreMultiLayerNetwork(model, false), info);
        } catch (IOException e) {
            throw new UncheckedIOException("could not load the stored digit classifier " + RESOURCE, e);
        }
    }

    /** A classifier saved with {@link #save} (its description from the {@code .properties} file beside it, if any). */
    public static DigitClassifier load(Path zip) {
        Check.notNull("zip", zip);
        if (!Files.isRegularFile(zip)) {
            throw new IllegalArgumentException("zip must be a saved classifier, was " + zip + " (no such file)");
        }
        try {
            Properties info = new Properties();
            Path props = infoPath(zip);
            if (Files.isRegularFile(props)) {
                try (InputStream in = Files.newInputStream(props)) {
                    info.load(in);
                }
            }
            return new DigitClassifier(ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), false), info);
        } catch (IOException e) {
            throw new UncheckedIOException("could not load the classifier " + zip, e);
        }
    }

    /** The network's configuration, with weights drawn from {@code seed}. */
    public static MultiLayerConfiguration architecture(long seed) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(1e-3))
                .weightInit(WeightInit.RELU)
                .l2(1e-4)
                .list()
                .layer(new ConvolutionLayer.Builder(5, 5).nIn(1).nOut(8).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .build())
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(16).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .build())
                .layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.NEGATIVELOGLIKELIHOOD).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(28, 28, 1))
                .build();
    }

    /**
     * Trains a new classifier on {@code digits}: Adam 10⁻³, batches of 64, {@code epochs} passes in an order
     * shuffled with {@code seed}; each training image is shifted by up to {@code maxShift} pixels in each direction
     * (a random translation, filled with background), which helps when only a few thousand digits are at hand.
     *
     * @param afterEpoch told the number of each finished epoch (may be null)
     */
    public static DigitClassifier train(MnistDigits digits, int epochs, int maxShift, long seed,
                                        IntConsumer afterEpoch) {
        Check.notNull("digits", digits);
        Check.atLeast("epochs", epochs, 1);
        Check.atLeast("maxShift", maxShift, 0);
        if (maxShift > 4) {
            throw new IllegalArgumentException("maxShift must be <= 4 pixels, was " + maxShift);
        }
        MultiLayerNetwork net = new MultiLayerNetwork(architecture(seed));
        net.init();
        SplittableRandom rng = new SplittableRandom(seed ^ 0xD161L);
        int n = digits.size();
        int px = ImageShape.MNIST.pixels();
        int batch = 64;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int e = 1; e <= epochs; e++) {
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int start = 0; start < n; start += batch) {
                int b = Math.min(batch, n - start);
                float[] x = new float[b * px];
                float[] y = new float[b * 10];
                for (int k = 0; k < b; k++) {
                    int idx = order[start + k];
                    double[] img = digits.image(idx);
                    int dx = maxShift == 0 ? 0 : rng.nextInt(2 * maxShift + 1) - maxShift;
                    int dy = maxShift == 0 ? 0 : rng.nextInt(2 * maxShift + 1) - maxShift;
                    shift(img, dx, dy, x, k * px);
                    y[k * 10 + digits.label(idx)] = 1;
                }
                net.fit(Nd4j.create(x, new long[] {b, px}, 'c'), Nd4j.create(y, new long[] {b, 10}, 'c'));
            }
            if (afterEpoch != null) {
                afterEpoch.accept(e);
            }
        }
        return new DigitClassifier(net, new Properties());
    }

    /** Copies a 28×28 image shifted by (dx, dy) into {@code out} at {@code offset}, background (−1) where empty. */
    private static void shift(double[] img, int dx, int dy, float[] out, int offset) {
        int h = ImageShape.MNIST.height();
        int w = ImageShape.MNIST.width();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sx = x - dx;
                int sy = y - dy;
                out[offset + y * w + x] = sx >= 0 && sx < w && sy >= 0 && sy < h ? (float) img[sy * w + sx] : -1f;
            }
        }
    }

    /**
     * The probability of each digit for each image.
     *
     * @param images rows of 784 pixel values (in [−1, 1]; values outside are clipped, NaN is refused)
     * @return [n][10], each row summing to 1
     */
    public double[][] probabilities(double[][] images) {
        Check.notNull("images", images);
        if (images.length == 0) {
            throw new IllegalArgumentException("images must not be empty, was 0 images");
        }
        int px = ImageShape.MNIST.pixels();
        for (int i = 0; i < images.length; i++) {
            if (images[i] == null || images[i].length != px) {
                throw new IllegalArgumentException("images[" + i + "] must hold " + px + " pixels (28×28), was "
                        + (images[i] == null ? "null" : images[i].length));
            }
        }
        return probabilities(images.length, (i, p) -> images[i][p]);
    }

    /**
     * The probability of each digit for channel {@code channel} of each image of {@code shape} (Stacked MNIST's
     * three digits are its three channels).
     */
    public double[][] probabilities(double[][] images, ImageShape shape, int channel) {
        Check.notNull("images", images);
        if (images.length == 0) {
            throw new IllegalArgumentException("images must not be empty, was 0 images");
        }
        Check.notNull("shape", shape);
        if (shape.height() != 28 || shape.width() != 28) {
            throw new IllegalArgumentException("shape must be 28×28 per channel, was " + shape);
        }
        if (channel < 0 || channel >= shape.channels()) {
            throw new IllegalArgumentException("channel must be in [0, " + shape.channels() + "), was " + channel);
        }
        for (int i = 0; i < images.length; i++) {
            if (images[i] == null || images[i].length != shape.pixels()) {
                throw new IllegalArgumentException("images[" + i + "] must hold " + shape.pixels() + " values ("
                        + shape + "), was " + (images[i] == null ? "null" : images[i].length));
            }
        }
        int offset = channel * shape.channelSize();
        return probabilities(images.length, (i, p) -> images[i][offset + p]);
    }

    @FunctionalInterface
    private interface Pixels {
        double get(int image, int pixel);
    }

    private synchronized double[][] probabilities(int n, Pixels pixels) {
        int px = ImageShape.MNIST.pixels();
        double[][] out = new double[n][];
        for (int start = 0; start < n; start += CHUNK) {
            int b = Math.min(CHUNK, n - start);
            float[] x = new float[b * px];
            for (int k = 0; k < b; k++) {
                for (int p = 0; p < px; p++) {
                    double v = pixels.get(start + k, p);
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("images[" + (start + k) + "][" + p + "] must be finite, "
                                + "was " + v);
                    }
                    x[k * px + p] = (float) Math.max(-1, Math.min(1, v));
                }
            }
            INDArray in = Nd4j.create(x, new long[] {b, px}, 'c');
            INDArray probs = network.output(in, false);
            float[] flat = probs.dup('c').data().asFloat();
            for (int k = 0; k < b; k++) {
                double[] row = new double[10];
                for (int d = 0; d < 10; d++) {
                    row[d] = flat[k * 10 + d];
                }
                out[start + k] = row;
            }
            in.close();
            probs.close();
        }
        return out;
    }

    /** The most probable digit of each image (rows of 784 pixel values). */
    public int[] predict(double[][] images) {
        double[][] p = probabilities(images);
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            int best = 0;
            for (int d = 1; d < 10; d++) {
                if (p[i][d] > p[i][best]) {
                    best = d;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /** The share of {@code digits} whose digit this classifier predicts correctly. */
    public double accuracy(MnistDigits digits) {
        Check.notNull("digits", digits);
        int correct = 0;
        for (int start = 0; start < digits.size(); start += CHUNK) {
            int b = Math.min(CHUNK, digits.size() - start);
            int[] idx = new int[b];
            for (int k = 0; k < b; k++) {
                idx[k] = start + k;
            }
            int[] pred = predict(digits.images(idx));
            for (int k = 0; k < b; k++) {
                correct += pred[k] == digits.label(start + k) ? 1 : 0;
            }
        }
        return correct / (double) digits.size();
    }

    /** Number of trainable parameters. */
    public long parameterCount() {
        return network.numParams();
    }

    /** What the stored file says about this classifier: data, accuracy, command (empty for a new one). */
    public Properties info() {
        Properties p = new Properties();
        p.putAll(info);
        return p;
    }

    /** A copy of this classifier with a description (written beside it by {@link #save}). */
    public DigitClassifier withInfo(Properties v) {
        Check.notNull("info", v);
        Properties p = new Properties();
        p.putAll(v);
        return new DigitClassifier(network, p);
    }

    /** "LeNet-style CNN (37,738 parameters): 98.4% on 2,000 held-out MNIST test digits (trained on 8,000)". */
    public String describe() {
        String acc = info.getProperty("accuracy");
        String on = info.getProperty("evaluated_on");
        String trained = info.getProperty("trained_on");
        return String.format(Locale.ROOT, "LeNet-style CNN in DL4J (%,d parameters)", parameterCount())
                + (acc == null ? "" : String.format(Locale.ROOT, ": %.2f%% on %s", 100 * Double.parseDouble(acc), on))
                + (trained == null ? "" : " (trained on " + trained + ")");
    }

    /**
     * Saves the network (without its optimiser state: only what classification needs) to {@code zip} and its
     * description to the {@code .properties} file beside it, each written whole or not at all.
     */
    public void save(Path zip) {
        Check.fileTarget("zip", zip);
        try {
            Path tmp = AtomicFiles.temporaryFor(zip, ".zip");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ModelSerializer.writeModel(network, out, false);
            }
            AtomicFiles.moveIntoPlace(tmp, zip);
            StringWriter w = new StringWriter();
            info.store(w, "digit classifier: see DigitClassifier and TrainClassifier");
            AtomicFiles.writeString(infoPath(zip), w.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the classifier to " + zip, e);
        }
    }

    private static Path infoPath(Path zip) {
        String name = zip.getFileName().toString();
        String base = name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
        return zip.resolveSibling(base + ".properties");
    }

    @Override
    public String toString() {
        return describe();
    }
}
