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

/**
 * A DCGAN generator (Radford, Metz and Chintala, "Unsupervised Representation Learning with Deep Convolutional
 * Generative Adversarial Networks", ICLR 2016) for S×S images with c channels, S a multiple of 4 (28 for MNIST):
 * z → linear → 2w channels of (S/4)² → batch norm, ReLU → 4×4 transposed convolution, stride 2 → w channels of
 * (S/2)² → batch norm, ReLU → 4×4 transposed convolution, stride 2 → c channels of S² → tanh. The MNIST size of
 * the DCGAN family (two up-sampling layers rather than the paper's four for 64×64), as in PyTorch's and
 * Keras' MNIST DCGAN examples.
 *
 * <p>Rows are samples: input [n, inputs] (noise plus any codes), output [n, c·S²] channel-major (NCHW flattened).
 * Batch normalisation uses the batch's statistics in training and sampling alike (as {@code Mlp} does; the
 * reference implementations keep running averages for sampling), so a batch needs at least 2 rows. The linear
 * layer and the first transposed convolution have no bias (batch normalisation cancels it, as in DCGAN's code).
 *
 * <p>The layers are explicit ND4J ops ({@link ConvOps}: im2col/col2im and gemm; why not libnd4j's convolution ops or
 * DL4J layers: see {@link DcganDiscriminator}). All parameters live in one flat vector with per-layer views (one
 * optimiser op, one-copy snapshots); hidden activations are kept channel-first; every temporary comes from the
 * step's workspace.
 */
public final class DcganGenerator extends ConvNetwork {
    private final int inputs;
    private final int channels;
    private final int imageSize;
    private final int width;
    private final Activation output;
    private final Init init;
    /** Projection [inputs, 2w·s0²] (s0 = S/4), no bias. */
    private final Slot w0;
    /** γ and β of the first batch norm, [2w] each. */
    private final Slot gamma1;
    private final Slot beta1;
    /** Transposed convolution [2w, w, 4, 4], no bias. */
    private final Slot w1;
    /** γ and β of the second batch norm, [w] each. */
    private final Slot gamma2;
    private final Slot beta2;
    /** Transposed convolution [w, c, 4, 4] with bias [c]. */
    private final Slot w2;
    private final Slot b2;

    /**
     * What a forward pass keeps: the input, the two batch norms' x̂ and 1/σ, the two hidden layers' outputs
     * (channel-first: [2w, n, s0, s0] and [w, n, 2s0, 2s0], s0 = S/4), the image channel-first [c, n, S, S] and as
     * rows [n, c·S²].
     */
    public record Pass(INDArray input, ConvOps.Normalised bn1, INDArray a1, ConvOps.Normalised bn2, INDArray a2,
                       INDArray image, INDArray output) implements Network.Pass {
        /** The last hidden layer as rows, flattened NCHW: [n, w·(S/2)²] (a copy). */
        @Override
        public INDArray features() {
            return ConvOps.rows(a2);
        }
    }

    /**
     * A new generator with weights drawn from {@code seed}.
     *
     * @param inputs    input width (latent plus codes), &gt;= 1
     * @param channels  c, channels of the images, &gt;= 1
     * @param imageSize S, side of the (square) images, a multiple of 4, &gt;= 8
     * @param width     w, channels of the last hidden layer (the first has 2w), &gt;= 1
     * @param output    the output activation (TANH for images scaled to [−1, 1])
     * @param init      weight initialisation (fans as PyTorch counts them); batch norm starts at γ = 1, β = 0
     * @param dataType  FLOAT or DOUBLE
     */
    public DcganGenerator(int inputs, int channels, int imageSize, int width, Activation output, Init init,
                          DataType dataType, long seed) {
        this(inputs, channels, imageSize, width, output, init, dataType,
                flat(initialParameters(inputs, channels, imageSize, width, init, seed), dataType));
    }

    private DcganGenerator(int inputs, int channels, int imageSize, int width, Activation output, Init init,
                           DataType dataType, INDArray flatParams) {
        super(dataType, flatParams);
        this.inputs = inputs;
        this.channels = channels;
        this.imageSize = imageSize;
        this.width = width;
        this.output = Check.notNull("output", output);
        this.init = init;
        int s0 = imageSize / 4;
        w0 = slot(inputs, 2L * width * s0 * s0);
        gamma1 = slot(2L * width);
        beta1 = slot(2L * width);
        w1 = slot(2L * width, width, KERNEL, KERNEL);
        gamma2 = slot(width);
        beta2 = slot(width);
        w2 = slot(width, channels, KERNEL, KERNEL);
        b2 = slot(channels);
        allCarved();
    }

    /** Number of parameters of a generator with these sizes. */
    public static long parameterCount(int inputs, int channels, int imageSize, int width) {
        Check.atLeast("inputs", inputs, 1);
        Check.atLeast("channels", channels, 1);
        checkImageSize(imageSize);
        Check.atLeast("width", width, 1);
        long s0 = imageSize / 4;
        long k2 = (long) KERNEL * KERNEL;
        return (long) inputs * 2 * width * s0 * s0 + 4L * width + 2L * width * width * k2 + 2L * width
                + (long) width * channels * k2 + channels;
    }

    private static double[] initialParameters(int inputs, int channels, int imageSize, int width, Init init,
                                              long seed) {
        Check.atLeast("inputs", inputs, 1);
        Check.atLeast("channels", channels, 1);
        checkImageSize(imageSize);
        Check.atLeast("width", width, 1);
        Check.notNull("init", init);
        double[] p = new double[checkCount(parameterCount(inputs, channels, imageSize, width))];
        SplittableRandom rng = new SplittableRandom(seed);
        int s0 = imageSize / 4;
        int k2 = KERNEL * KERNEL;
        int k = init.fill(p, 0, inputs * 2 * width * s0 * s0, 0, inputs, 2 * width * s0 * s0, rng);
        k = batchNorm(p, k, 2 * width);
        // Transposed convolutions: PyTorch's fans of a [in, out, kH, kW] weight are out·k² (in) and in·k² (out).
        k = init.fill(p, k, 2 * width * width * k2, 0, width * k2, 2 * width * k2, rng);
        k = batchNorm(p, k, width);
        init.fill(p, k, width * channels * k2, channels, channels * k2, width * k2, rng);
        return p;
    }

    /** γ = 1, β = 0 for {@code c} channels from {@code k}; returns the offset after them. */
    private static int batchNorm(double[] p, int k, int c) {
        Arrays.fill(p, k, k + c, 1.0);
        return k + 2 * c;
    }

    @Override
    public int inputs() {
        return inputs;
    }

    @Override
    public int outputs() {
        return channels * imageSize * imageSize;
    }

    public int channels() {
        return channels;
    }

    public int imageSize() {
        return imageSize;
    }

    public int width() {
        return width;
    }

    @Override
    public Pass forward(INDArray z) {
        checkInput("z", z, inputs, 2);
        int s0 = imageSize / 4;
        INDArray h0 = ConvOps.channelsFirst(z.mmul(w0.value()), 2L * width, s0, s0).dup('c');
        ConvOps.Normalised bn1 = ConvOps.normalise(h0);
        INDArray a1 = Activation.RELU.forwardInPlace(ConvOps.scaleShift(bn1, gamma1.value(), beta1.value(), h0));
        INDArray h1 = ConvOps.deconv(a1, w1.value(), null);
        ConvOps.Normalised bn2 = ConvOps.normalise(h1);
        INDArray a2 = Activation.RELU.forwardInPlace(ConvOps.scaleShift(bn2, gamma2.value(), beta2.value(), h1));
        INDArray image = output.forwardInPlace(ConvOps.deconv(a2, w2.value(), b2.value()));
        return new Pass(z, bn1, a1, bn2, a2, image, ConvOps.rows(image));
    }

    @Override
    public INDArray backward(Network.Pass pass, INDArray gradOutput, boolean accumulateParams,
                             boolean needInputGradient) {
        Pass p = own(pass, Pass.class, "DCGAN generator");
        checkGradient("gradOutput", gradOutput, p.input().rows(), outputs());
        INDArray g = output.backward(p.output(), gradOutput);
        INDArray gImage = ConvOps.channelsFirst(g, channels, imageSize, imageSize).dup('c');
        INDArray ga2 = ConvOps.deconvBackward(p.a2(), w2.value(), gImage, w2.gradientIf(accumulateParams),
                b2.gradientIf(accumulateParams), true);
        return fromLastHidden(p, ga2, accumulateParams, needInputGradient);
    }

    @Override
    public INDArray backwardFromFeatures(Network.Pass pass, INDArray gradFeatures, boolean accumulateParams,
                                         boolean needInputGradient) {
        Pass p = own(pass, Pass.class, "DCGAN generator");
        long side = imageSize / 2;
        checkGradient("gradFeatures", gradFeatures, p.input().rows(), width * side * side);
        INDArray ga2 = ConvOps.channelsFirst(gradFeatures, width, side, side).dup('c');
        return fromLastHidden(p, ga2, accumulateParams, needInputGradient);
    }

    /** The backward pass from ∂loss/∂(last hidden layer's output), channel-first [w, n, 2s0, 2s0]. */
    private INDArray fromLastHidden(Pass p, INDArray ga2, boolean accumulateParams, boolean needInputGradient) {
        INDArray gh1 = ConvOps.normaliseBackward(p.bn2(), gamma2.value(), Activation.RELU.backward(p.a2(), ga2),
                gamma2.gradient(), beta2.gradient(), accumulateParams);
        INDArray ga1 = ConvOps.deconvBackward(p.a1(), w1.value(), gh1, w1.gradientIf(accumulateParams), null, true);
        INDArray gh0 = ConvOps.normaliseBackward(p.bn1(), gamma1.value(), Activation.RELU.backward(p.a1(), ga1),
                gamma1.gradient(), beta1.gradient(), accumulateParams);
        INDArray g0 = ConvOps.rows(gh0);
        if (accumulateParams) {
            Nd4j.gemm(p.input(), g0, w0.gradient(), true, false, 1.0, 1.0);
        }
        return needInputGradient ? g0.mmul(w0.value().transpose()) : null;
    }

    @Override
    public DcganGenerator copy() {
        return new DcganGenerator(inputs, channels, imageSize, width, output, init, dataType(), parameters().dup());
    }

    @Override
    public String describe() {
        int s0 = imageSize / 4;
        return "DCGAN generator " + inputs + " → " + 2 * width + "×" + s0 + "×" + s0 + " → " + width + "×" + 2 * s0
                + "×" + 2 * s0 + " → " + channels + "×" + imageSize + "×" + imageSize
                + " (4×4 transposed convs, stride 2; batch norm, ReLU; " + output + " output)";
    }
}
