package org.modecollapselab.nn.conv;

import static org.modecollapselab.nn.conv.ConvOps.KERNEL;

import java.util.SplittableRandom;
import org.modecollapselab.nn.Activation;
import org.modecollapselab.nn.Init;
import org.modecollapselab.nn.Network;
import org.modecollapselab.util.Check;
import org.modecollapselab.util.Broadcast;
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
public final class DcganDiscriminator extends ConvNetwork {
    private final int inputs;
    private final int outputs;
    private final int channels;
    private final int imageSize;
    private final int width;
    private final Init init;
    /** m·c: the input channels of the first convolution (m images of c channels per row). */
    private final int inChannels;
    /** Columns of the images of a row: m·c·S². */
    private final int imageWidth;
    /** e: extra columns after the images, fed to the linear layer. */
    private final int extra;
    /** Flattened features of the last convolution: 2w·(S/4)². */
    private final int featureWidth;
    /** Convolution [w, m·c, 4, 4] with bias [w]. */
    private final Slot w1;
    private final Slot b1;
    /** Convolution [2w, w, 4, 4] with bias [2w]. */
    private final Slot w2;
    private final Slot b2;
    /** Linear layer [2w·(S/4)² + e, outputs] with bias [1, outputs]. */
    private final Slot w3;
    private final Slot b3;

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
        this(inputs, outputs, channels, imageSize, width, init, dataType,
                flat(initialParameters(inputs, outputs, channels, imageSize, width, init, seed), dataType));
    }

    private DcganDiscriminator(int inputs, int outputs, int channels, int imageSize, int width, Init init,
                               DataType dataType, INDArray flatParams) {
        super(dataType, flatParams);
        this.inputs = inputs;
        this.outputs = outputs;
        this.channels = channels;
        this.imageSize = imageSize;
        this.width = width;
        this.init = init;
        int pixels = imageSize * imageSize;
        this.inChannels = inputs / pixels;
        this.imageWidth = inChannels * pixels;
        this.extra = inputs - imageWidth;
        int s0 = imageSize / 4;
        this.featureWidth = 2 * width * s0 * s0;
        w1 = slot(width, inChannels, KERNEL, KERNEL);
        b1 = slot(width);
        w2 = slot(2L * width, width, KERNEL, KERNEL);
        b2 = slot(2L * width);
        w3 = slot(featureWidth + extra, outputs);
        b3 = slot(1, outputs);
        allCarved();
    }

    /** Number of parameters of a discriminator with these sizes ({@code inputs} as the constructor takes it). */
    public static long parameterCount(int inputs, int outputs, int imageSize, int width) {
        Check.atLeast("outputs", outputs, 1);
        checkImageSize(imageSize);
        Check.atLeast("width", width, 1);
        Check.atLeast("inputs", inputs, imageSize * imageSize);
        long pixels = (long) imageSize * imageSize;
        long in = inputs / pixels;
        long extra = inputs - in * pixels;
        long s0 = imageSize / 4;
        long k2 = (long) KERNEL * KERNEL;
        return width * in * k2 + width + 2L * width * width * k2 + 2L * width
                + (2L * width * s0 * s0 + extra) * outputs + outputs;
    }

    private static double[] initialParameters(int inputs, int outputs, int channels, int imageSize, int width,
                                              Init init, long seed) {
        Check.atLeast("inputs", inputs, 1);
        Check.atLeast("outputs", outputs, 1);
        Check.atLeast("channels", channels, 1);
        checkImageSize(imageSize);
        Check.atLeast("width", width, 1);
        Check.notNull("init", init);
        int pixels = imageSize * imageSize;
        int images = inputs / pixels;
        if (images < channels || images % channels != 0) {
            throw new IllegalArgumentException("inputs must be m·channels·imageSize² (m >= 1 images of " + channels
                    + "×" + imageSize + "×" + imageSize + " per row) plus fewer than imageSize² = " + pixels
                    + " extra columns, was " + inputs);
        }
        int linearInputs = 2 * width * (imageSize / 4) * (imageSize / 4) + inputs - images * pixels;
        double[] p = new double[checkCount(parameterCount(inputs, outputs, imageSize, width))];
        SplittableRandom rng = new SplittableRandom(seed);
        int k2 = KERNEL * KERNEL;
        int k = init.fill(p, 0, width * images * k2, width, images * k2, width * k2, rng);
        k = init.fill(p, k, 2 * width * width * k2, 2 * width, width * k2, 2 * width * k2, rng);
        init.fill(p, k, linearInputs * outputs, outputs, linearInputs, outputs, rng);
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
        checkInput(x, inputs, 1);
        INDArray flatImages = extra == 0 ? x : x.get(NDArrayIndex.all(), NDArrayIndex.interval(0, imageWidth)).dup('c');
        ConvOps.Conv c1 = ConvOps.conv(ConvOps.channelsFirst(flatImages, inChannels, imageSize, imageSize),
                w1.value(), b1.value());
        Activation.LEAKY_RELU.forwardInPlace(c1.output());
        ConvOps.Conv c2 = ConvOps.conv(c1.output(), w2.value(), b2.value());
        Activation.LEAKY_RELU.forwardInPlace(c2.output());
        INDArray features = ConvOps.rows(c2.output());
        INDArray linearInput = extra == 0 ? features
                : Nd4j.hstack(features, x.get(NDArrayIndex.all(), NDArrayIndex.interval(imageWidth, inputs)));
        INDArray out = Broadcast.addiRow(linearInput.mmul(w3.value()), b3.value());
        return new Pass(x, c1, c2, features, linearInput, out);
    }

    @Override
    public INDArray backward(Network.Pass pass, INDArray gradOutput, boolean accumulateParams,
                             boolean needInputGradient) {
        Pass p = own(pass, Pass.class, "DCGAN discriminator");
        checkGradient("gradOutput", gradOutput, p.input().rows(), outputs);
        if (accumulateParams) {
            Nd4j.gemm(p.linearInput(), gradOutput, w3.gradient(), true, false, 1.0, 1.0);
            // (Summing over a size-1 dimension throws in ND4J M2.1: one row is its own sum.)
            b3.gradient().addi(gradOutput.rows() == 1 ? gradOutput : gradOutput.sum(true, 0));
        }
        if (!accumulateParams && !needInputGradient) {
            return null;
        }
        INDArray gIn = gradOutput.mmul(w3.value().transpose());
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
        Pass p = own(pass, Pass.class, "DCGAN discriminator");
        checkGradient("gradFeatures", gradFeatures, p.input().rows(), featureWidth);
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
        INDArray ga1 = Activation.LEAKY_RELU.backward(p.a1(), ConvOps.convBackward(p.conv2(), w2.value(), ga2,
                w2.gradientIf(accumulateParams), b2.gradientIf(accumulateParams), true));
        INDArray gImages = ConvOps.convBackward(p.conv1(), w1.value(), ga1, w1.gradientIf(accumulateParams),
                b1.gradientIf(accumulateParams), needInputGradient);
        if (!needInputGradient) {
            return null;
        }
        INDArray gx = ConvOps.rows(gImages);
        if (extra == 0) {
            return gx;
        }
        return Nd4j.hstack(gx, gradExtra != null ? gradExtra : Nd4j.zeros(dataType(), gx.rows(), extra));
    }

    @Override
    public DcganDiscriminator copy() {
        return new DcganDiscriminator(inputs, outputs, channels, imageSize, width, init, dataType(),
                parameters().dup());
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
}
