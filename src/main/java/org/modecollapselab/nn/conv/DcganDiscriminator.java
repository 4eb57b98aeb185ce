package org.modecollapselab.nn.conv;

import static org.modecollapselab.nn.conv.ConvOps.KERNEL;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.modecollapselab.nn.Activation;
import org.modecollapselab.nn.Init;
import org.modecollapselab.nn.Network;
import org.modecollapselab.util.Check;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A DCGAN discriminator (Radford, Metz and Chintala, ICLR 2016) for S×S images with c channels, S a multiple of 4:
 * image → 4×4 convolution, stride 2 → w channels of (S/2)² → leaky ReLU (0.2) → 4×4 convolution, stride 2 → 2w
 * channels of (S/4)² → leaky ReLU → linear → logit(s). The MNIST size of the DCGAN family (two down-sampling layers).
 * Departure from the paper: no batch normalisation in D — the step scores real and generated rows in one pass, where
 * batch statistics would mix the two, and packing and minibatch features need rows judged on their own.
 *
 * <p>Rows are samples, images flattened channel-major (NCHW). D's input width tells what it judges:
 * {@code inputs = m·c·S² + e} with {@code e < S²}. A pack of m images (PacGAN, {@code remedy.packing.Packing}
 * reshapes [rows, c·S²] to [rows/m, m·c·S²]) is, in NCHW, exactly the m images stacked as m·c channels — as
 * PacGAN's DCGAN experiments feed packs — so the first convolution takes m·c input channels. The e extra columns
 * (minibatch discrimination's features, conditioning) join the flattened convolutional features at the linear
 * layer. (Remedies that append columns must therefore come after packing in the remedy list: the other order
 * interleaves images and extra columns, which no width can reveal.) {@link Network.Pass#features()} is the last
 * convolutional layer, flattened: [n, 2w·(S/4)²] (feature matching's f(x)).
 *
 * <p>Why explicit ND4J ops ({@link ConvOps}: im2col/col2im as strided copies and contiguous shifted additions, and
 * gemm) rather than libnd4j's {@code conv2d}/{@code deconv2d} custom ops or DL4J layers ({@code deeplearning4j-nn}'s
 * {@code ConvolutionLayer}/{@code Deconvolution2D} in a {@code MultiLayerNetwork}): measured per layer (forward and
 * backward, batch 128, {@code ConvOpsBenchmark}, alternated) ours took 36 and 38 ms against libnd4j's 118 and
 * 126 ms at w = 8, and 424 and 321 ms against 1,062 and 1,092 ms at w = 64 — libnd4j's col2im dominates its ops on
 * this CPU back end, which carries no oneDNN; DL4J's layers end in the same libnd4j im2col/col2im and
 * {@code deconv2d} ops, so wrapping them would not be faster, and would add a graph of its own around them: its own
 * workspaces inside the step's, batch norm whose running statistics sit in the parameter vector the step's optimiser
 * updates, no backward pass from a hidden layer (feature matching), and a dependency tree of its own. The step's
 * contract (flat parameters and gradients, input gradients, a pass kept for several backward passes) is a few dozen
 * lines around the ops, checked against finite differences and against libnd4j's ops ({@code ConvOpsTest}).
 */
public final class DcganDiscriminator implements Network {
    private final int inputs;
    private final int outputs;
    private final int channels;
    private final int imageSize;
    private final int width;
    private final Init init;
    private final DataType dataType;
    /** m·c: the input channels of the first convolution (m images of c channels per row). */
    private final int inChannels;
    /** Columns of the images of a row: m·c·S². */
    private final int imageWidth;
    /** e: extra columns after the images, fed to the linear layer. */
    private final int extra;
    /** Flattened features of the last convolution: 2w·(S/4)². */
    private final int featureWidth;
    private final INDArray params;
    private final INDArray grads;
    private final INDArray w1;
    private final INDArray b1;
    private final INDArray w2;
    private final INDArray b2;
    private final INDArray w3;
    private final INDArray b3;
    private final INDArray gw1;
    private final INDArray gb1;
    private final INDArray gw2;
    private final INDArray gb2;
    private final INDArray gw3;
    private final INDArray gb3;

    /**
     * What a forward pass keeps: the input [n, inputs], the two convolutions (unfolded inputs and outputs after the
     * leaky ReLU, channel-first: [w, n, S/2, S/2] and [2w, n, S/4, S/4]), the features as rows, the linear layer's
     * input [n, 2w·(S/4)² + e] and the output.
     */
    public record Pass(INDArray input, ConvOps.Conv conv1, ConvOps.Conv conv2, INDArray features,
                       INDArray linearInput, INDArray output) implements Network.Pass {
        /** The first convolution's output after its activation, [w, n, S/2, S/2]. */
        public INDArray a1() {
            return conv1.output();
        }

        /** The second convolution's output after its activation, [2w, n, S/4, S/4]. */
        public INDArray a2() {
            return conv2.output();
        }

        /** The last convolutional layer as rows, flattened NCHW: [n, 2w·(S/4)²]. */
        @Override
        public INDArray features() {
            return features;
        }
    }

    /**
     * A new discriminator with weights drawn from {@code seed}.
     *
     * @param inputs    input width: m·c·S² (m whole images per row, m &gt;= 1) plus e &lt; S² extra columns
     * @param outputs   output width (1 logit, plus any extra heads), &gt;= 1
     * @param channels  c, channels of one image, &gt;= 1
     * @param imageSize S, side of the (square) images, a multiple of 4, &gt;= 8
     * @param width     w, channels of the first convolution (the second has 2w), &gt;= 1
     * @param init      weight initialisation (fans as PyTorch counts them)
     * @param dataType  FLOAT or DOUBLE
     */
    public DcganDiscriminator(int inputs, int outputs, int channels, int imageSize, int width, Init init,
                              DataType dataType, long seed) {
        this(inputs, outputs, channels, imageSize, width, init, dataType, null, seed);
    }

    private DcganDiscriminator(int inputs, int outputs, int channels, int imageSize, int width, Init init,
                               DataType dataType, INDArray flatParams, long seed) {
        this.inputs = Check.atLeast("inputs", inputs, 1);
        this.outputs = Check.atLeast("outputs", outputs, 1);
        this.channels = Check.atLeast("channels", channels, 1);
        this.imageSize = DcganGenerator.checkImageSize(imageSize);
        this.width = Check.atLeast("width", width, 1);
        this.init = Check.notNull("init", init);
        this.dataType = DcganGenerator.checkDataType(dataType);
        int pixels = imageSize * imageSize;
        int images = inputs / pixels;
        if (images < channels || images % channels != 0) {
            throw new IllegalArgumentException("inputs must be m·channels·imageSize² (m >= 1 images of " + channels
                    + "×" + imageSize + "×" + imageSize + " per row) plus fewer than imageSize² = " + pixels
                    + " extra columns, was " + inputs);
        }
        this.inChannels = images;
        this.imageWidth = images * pixels;
        this.extra = inputs - imageWidth;
        int s0 = imageSize / 4;
        this.featureWidth = 2 * width * s0 * s0;
        long count = parameterCount(inputs, outputs, imageSize, width);
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("parameter count must be <= " + Integer.MAX_VALUE + ", was " + count);
        }
        this.params = flatParams != null ? flatParams
                : Nd4j.create(initialParameters(seed), new long[] {count}, dataType);
        this.grads = Nd4j.zeros(dataType, count);
        long[] off = {0};
        w1 = DcganGenerator.next(params, off, width, inChannels, KERNEL, KERNEL);
        b1 = DcganGenerator.next(params, off, width);
        w2 = DcganGenerator.next(params, off, 2L * width, width, KERNEL, KERNEL);
        b2 = DcganGenerator.next(params, off, 2L * width);
        w3 = DcganGenerator.next(params, off, featureWidth + extra, outputs);
        b3 = DcganGenerator.next(params, off, 1, outputs);
        off[0] = 0;
        gw1 = DcganGenerator.next(grads, off, width, inChannels, KERNEL, KERNEL);
        gb1 = DcganGenerator.next(grads, off, width);
        gw2 = DcganGenerator.next(grads, off, 2L * width, width, KERNEL, KERNEL);
        gb2 = DcganGenerator.next(grads, off, 2L * width);
        gw3 = DcganGenerator.next(grads, off, featureWidth + extra, outputs);
        gb3 = DcganGenerator.next(grads, off, 1, outputs);
        assert off[0] == count;
    }

    /** Number of parameters of a discriminator with these sizes ({@code inputs} as the constructor takes it). */
    public static long parameterCount(int inputs, int outputs, int imageSize, int width) {
        long pixels = (long) imageSize * imageSize;
        long in = inputs / pixels;
        long extra = inputs - in * pixels;
        long s0 = imageSize / 4;
        long k2 = (long) KERNEL * KERNEL;
        return width * in * k2 + width + 2L * width * width * k2 + 2L * width
                + (2L * width * s0 * s0 + extra) * outputs + outputs;
    }

    private double[] initialParameters(long seed) {
        double[] p = new double[(int) parameterCount(inputs, outputs, imageSize, width)];
        SplittableRandom rng = new SplittableRandom(seed);
        int k2 = KERNEL * KERNEL;
        int k = init.fill(p, 0, width * inChannels * k2, width, inChannels * k2, width * k2, rng);
        k = init.fill(p, k, 2 * width * width * k2, 2 * width, width * k2, 2 * width * k2, rng);
        init.fill(p, k, (featureWidth + extra) * outputs, outputs, featureWidth + extra, outputs, rng);
        return p;
    }

    @Override
    public int inputs() {
        return inputs;
    }

    @Override
    public int outputs() {
        return outputs;
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    @Override
    public long parameterCount() {
        return params.length();
    }

    @Override
    public INDArray parameters() {
        return params;
    }

    @Override
    public INDArray gradients() {
        return grads;
    }

    /** Images per row (m: the pack size, 1 without packing). */
    public int imagesPerRow() {
        return inChannels / channels;
    }

    /** Extra columns after the images, fed to the linear layer (e.g. minibatch features). */
    public int extraInputs() {
        return extra;
    }

    @Override
    public Pass forward(INDArray x) {
        DcganGenerator.checkInput(x, inputs, dataType, 1);
        INDArray flatImages = extra == 0 ? x : x.get(NDArrayIndex.all(), NDArrayIndex.interval(0, imageWidth)).dup('c');
        ConvOps.Conv c1 = ConvOps.conv(ConvOps.channelsFirst(flatImages, inChannels, imageSize, imageSize), w1, b1);
        Activation.LEAKY_RELU.forwardInPlace(c1.output());
        ConvOps.Conv c2 = ConvOps.conv(c1.output(), w2, b2);
        Activation.LEAKY_RELU.forwardInPlace(c2.output());
        INDArray features = ConvOps.rows(c2.output());
        INDArray linearInput = extra == 0 ? features
                : Nd4j.hstack(features, x.get(NDArrayIndex.all(), NDArrayIndex.interval(imageWidth, inputs)));
        INDArray out = linearInput.mmul(w3).addiRowVector(b3);
        return new Pass(x, c1, c2, features, linearInput, out);
    }

    @Override
    public INDArray backward(Network.Pass pass, INDArray gradOutput, boolean accumulateParams,
                             boolean needInputGradient) {
        Pass p = own(pass);
        DcganGenerator.checkGradient("gradOutput", gradOutput, p.input().rows(), outputs);
        if (accumulateParams) {
            Nd4j.gemm(p.linearInput(), gradOutput, gw3, true, false, 1.0, 1.0);
            // (Summing over a size-1 dimension throws in ND4J M2.1: one row is its own sum.)
            gb3.addi(gradOutput.rows() == 1 ? gradOutput : gradOutput.sum(true, 0));
        }
        if (!accumulateParams && !needInputGradient) {
            return null;
        }
        INDArray gIn = gradOutput.mmul(w3.transpose());
        if (extra == 0) {
            return fromFeatures(p, gIn, null, accumulateParams, needInputGradient);
        }
        return fromFeatures(p, gIn.get(NDArrayIndex.all(), NDArrayIndex.interval(0, featureWidth)),
                gIn.get(NDArrayIndex.all(), NDArrayIndex.interval(featureWidth, featureWidth + extra)),
                accumulateParams, needInputGradient);
    }

    @Override
    public INDArray backwardFromFeatures(Network.Pass pass, INDArray gradFeatures, boolean accumulateParams,
                                         boolean needInputGradient) {
        Pass p = own(pass);
        DcganGenerator.checkGradient("gradFeatures", gradFeatures, p.input().rows(), featureWidth);
        return fromFeatures(p, gradFeatures, null, accumulateParams, needInputGradient);
    }

    /**
     * The backward pass through the convolutions from ∂loss/∂features [n, 2w·(S/4)²] (rows); {@code gradExtra} is
     * ∂loss/∂(extra columns), null for zero.
     */
    private INDArray fromFeatures(Pass p, INDArray gradFeatures, INDArray gradExtra, boolean accumulateParams,
                                  boolean needInputGradient) {
        if (!accumulateParams && !needInputGradient) {
            return null;
        }
        int s0 = imageSize / 4;
        INDArray ga2 = Activation.LEAKY_RELU.backward(p.a2(),
                ConvOps.channelsFirst(gradFeatures.dup('c'), 2L * width, s0, s0));
        INDArray ga1 = Activation.LEAKY_RELU.backward(p.a1(), ConvOps.convBackward(p.conv2(), w2, ga2,
                accumulateParams ? gw2 : null, accumulateParams ? gb2 : null, true));
        INDArray gImages = ConvOps.convBackward(p.conv1(), w1, ga1, accumulateParams ? gw1 : null,
                accumulateParams ? gb1 : null, needInputGradient);
        if (!needInputGradient) {
            return null;
        }
        INDArray gx = ConvOps.rows(gImages);
        if (extra == 0) {
            return gx;
        }
        long n = gx.rows();
        return Nd4j.hstack(gx, gradExtra != null ? gradExtra : Nd4j.zeros(dataType, n, extra));
    }

    private static Pass own(Network.Pass pass) {
        if (!(pass instanceof Pass p)) {
            throw new IllegalArgumentException("pass must come from a DCGAN discriminator's forward(), was "
                    + (pass == null ? "null" : pass.getClass().getSimpleName()));
        }
        return p;
    }

    @Override
    public DcganDiscriminator copy() {
        return new DcganDiscriminator(inputs, outputs, channels, imageSize, width, init, dataType, params.dup(), 0);
    }

    @Override
    public void copyFrom(Network other) {
        if (!(other instanceof DcganDiscriminator o) || !o.describe().equals(describe())) {
            throw new IllegalArgumentException("other must be a " + describe() + ", was "
                    + (other == null ? "null" : other.describe()));
        }
        params.assign(o.params);
    }

    @Override
    public String describe() {
        int s0 = imageSize / 4;
        int m = imagesPerRow();
        return "DCGAN discriminator " + inChannels + "×" + imageSize + "×" + imageSize
                + (m > 1 ? " (packs of " + m + " images)" : "") + " → " + width + "×" + 2 * s0 + "×" + 2 * s0
                + " → " + 2 * width + "×" + s0 + "×" + s0 + (extra > 0 ? " + " + extra + " extra inputs" : "")
                + " → " + outputs + " (4×4 convs, stride 2; leaky ReLU 0.2)";
    }

    @Override
    public String toString() {
        return describe();
    }
}
