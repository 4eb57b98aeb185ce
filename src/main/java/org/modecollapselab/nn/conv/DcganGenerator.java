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
public final class DcganGenerator implements Network {
    private final int inputs;
    private final int channels;
    private final int imageSize;
    private final int width;
    private final Activation output;
    private final Init init;
    private final DataType dataType;
    private final INDArray params;
    private final INDArray grads;
    // Views into params (and grads): projection [inputs, 2w·s0²], γ/β of the first batch norm [2w], transposed
    // convolution [2w, w, 4, 4], γ/β [w], transposed convolution [w, c, 4, 4] with bias [c].
    private final INDArray w0;
    private final INDArray gamma1;
    private final INDArray beta1;
    private final INDArray w1;
    private final INDArray gamma2;
    private final INDArray beta2;
    private final INDArray w2;
    private final INDArray b2;
    private final INDArray gw0;
    private final INDArray gGamma1;
    private final INDArray gBeta1;
    private final INDArray gw1;
    private final INDArray gGamma2;
    private final INDArray gBeta2;
    private final INDArray gw2;
    private final INDArray gb2;

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
        this(inputs, channels, imageSize, width, output, init, dataType, (INDArray) null, seed);
    }

    private DcganGenerator(int inputs, int channels, int imageSize, int width, Activation output, Init init,
                           DataType dataType, INDArray flatParams, long seed) {
        this.inputs = Check.atLeast("inputs", inputs, 1);
        this.channels = Check.atLeast("channels", channels, 1);
        this.imageSize = checkImageSize(imageSize);
        this.width = Check.atLeast("width", width, 1);
        this.output = Check.notNull("output", output);
        this.init = Check.notNull("init", init);
        this.dataType = checkDataType(dataType);
        long count = parameterCount(inputs, channels, imageSize, width);
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("parameter count must be <= " + Integer.MAX_VALUE + ", was " + count);
        }
        this.params = flatParams != null ? flatParams
                : Nd4j.create(initialParameters(seed), new long[] {count}, dataType);
        this.grads = Nd4j.zeros(dataType, count);
        int s0 = imageSize / 4;
        long[] off = {0};
        w0 = next(params, off, inputs, 2L * width * s0 * s0);
        gamma1 = next(params, off, 2L * width);
        beta1 = next(params, off, 2L * width);
        w1 = next(params, off, 2L * width, width, KERNEL, KERNEL);
        gamma2 = next(params, off, width);
        beta2 = next(params, off, width);
        w2 = next(params, off, width, channels, KERNEL, KERNEL);
        b2 = next(params, off, channels);
        off[0] = 0;
        gw0 = next(grads, off, inputs, 2L * width * s0 * s0);
        gGamma1 = next(grads, off, 2L * width);
        gBeta1 = next(grads, off, 2L * width);
        gw1 = next(grads, off, 2L * width, width, KERNEL, KERNEL);
        gGamma2 = next(grads, off, width);
        gBeta2 = next(grads, off, width);
        gw2 = next(grads, off, width, channels, KERNEL, KERNEL);
        gb2 = next(grads, off, channels);
        assert off[0] == count;
    }

    static int checkImageSize(int imageSize) {
        if (imageSize < 8 || imageSize % 4 != 0) {
            throw new IllegalArgumentException("imageSize must be a multiple of 4 and >= 8 (two stride-2 layers), was "
                    + imageSize);
        }
        return imageSize;
    }

    static DataType checkDataType(DataType dataType) {
        Check.notNull("dataType", dataType);
        if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
            throw new IllegalArgumentException("dataType must be FLOAT or DOUBLE, was " + dataType);
        }
        return dataType;
    }

    /** The view of the next {@code shape}-sized block of {@code flat}, advancing {@code offset[0]}. */
    static INDArray next(INDArray flat, long[] offset, long... shape) {
        INDArray v = ConvOps.view(flat, offset[0], shape);
        offset[0] += v.length();
        return v;
    }

    /** Number of parameters of a generator with these sizes. */
    public static long parameterCount(int inputs, int channels, int imageSize, int width) {
        long s0 = imageSize / 4;
        long k2 = (long) KERNEL * KERNEL;
        return (long) inputs * 2 * width * s0 * s0 + 4L * width + 2L * width * width * k2 + 2L * width
                + (long) width * channels * k2 + channels;
    }

    private double[] initialParameters(long seed) {
        double[] p = new double[(int) parameterCount(inputs, channels, imageSize, width)];
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
        checkInput(z, inputs, dataType, 2);
        long n = z.rows();
        int s0 = imageSize / 4;
        INDArray h0 = ConvOps.channelsFirst(z.mmul(w0), 2L * width, s0, s0).dup('c');
        ConvOps.Normalised bn1 = ConvOps.normalise(h0);
        INDArray a1 = Activation.RELU.forwardInPlace(ConvOps.scaleShift(bn1, gamma1, beta1, h0));
        INDArray h1 = ConvOps.deconv(a1, w1, null);
        ConvOps.Normalised bn2 = ConvOps.normalise(h1);
        INDArray a2 = Activation.RELU.forwardInPlace(ConvOps.scaleShift(bn2, gamma2, beta2, h1));
        INDArray image = output.forwardInPlace(ConvOps.deconv(a2, w2, b2));
        return new Pass(z, bn1, a1, bn2, a2, image, ConvOps.rows(image));
    }

    /** Refuses an input that is not [rows &gt;= minRows, width] of the network's data type. */
    static void checkInput(INDArray x, int width, DataType dataType, int minRows) {
        Check.notNull("x", x);
        if (x.rank() != 2 || x.columns() != width) {
            throw new IllegalArgumentException("x must have shape [batch, " + width + "], was "
                    + Arrays.toString(x.shape()));
        }
        if (x.rows() < minRows) {
            throw new IllegalArgumentException("x must have >= " + minRows + " rows"
                    + (minRows > 1 ? " for batch normalisation" : "") + ", was " + x.rows());
        }
        if (x.dataType() != dataType) {
            throw new IllegalArgumentException("x must have data type " + dataType + ", was " + x.dataType());
        }
    }

    @Override
    public INDArray backward(Network.Pass pass, INDArray gradOutput, boolean accumulateParams,
                             boolean needInputGradient) {
        Pass p = own(pass);
        checkGradient("gradOutput", gradOutput, p.input().rows(), outputs());
        INDArray g = output.backward(p.output(), gradOutput);
        INDArray gImage = ConvOps.channelsFirst(g, channels, imageSize, imageSize).dup('c');
        INDArray ga2 = ConvOps.deconvBackward(p.a2(), w2, gImage, accumulateParams ? gw2 : null,
                accumulateParams ? gb2 : null, true);
        return fromLastHidden(p, ga2, accumulateParams, needInputGradient);
    }

    @Override
    public INDArray backwardFromFeatures(Network.Pass pass, INDArray gradFeatures, boolean accumulateParams,
                                         boolean needInputGradient) {
        Pass p = own(pass);
        long side = imageSize / 2;
        checkGradient("gradFeatures", gradFeatures, p.input().rows(), width * side * side);
        INDArray ga2 = ConvOps.channelsFirst(gradFeatures, width, side, side).dup('c');
        return fromLastHidden(p, ga2, accumulateParams, needInputGradient);
    }

    /** The backward pass from ∂loss/∂(last hidden layer's output), channel-first [w, n, 2s0, 2s0]. */
    private INDArray fromLastHidden(Pass p, INDArray ga2, boolean accumulateParams, boolean needInputGradient) {
        INDArray gh1 = ConvOps.normaliseBackward(p.bn2(), gamma2, Activation.RELU.backward(p.a2(), ga2), gGamma2,
                gBeta2, accumulateParams);
        INDArray ga1 = ConvOps.deconvBackward(p.a1(), w1, gh1, accumulateParams ? gw1 : null, null, true);
        INDArray gh0 = ConvOps.normaliseBackward(p.bn1(), gamma1, Activation.RELU.backward(p.a1(), ga1), gGamma1,
                gBeta1, accumulateParams);
        INDArray g0 = ConvOps.rows(gh0);
        if (accumulateParams) {
            Nd4j.gemm(p.input(), g0, gw0, true, false, 1.0, 1.0);
        }
        return needInputGradient ? g0.mmul(w0.transpose()) : null;
    }

    /** Refuses a gradient that is not [rows, cols]. */
    static void checkGradient(String name, INDArray gradient, long rows, long cols) {
        Check.notNull(name, gradient);
        if (gradient.rank() != 2 || gradient.rows() != rows || gradient.columns() != cols) {
            throw new IllegalArgumentException(name + " must have shape [" + rows + ", " + cols + "], was "
                    + Arrays.toString(gradient.shape()));
        }
    }

    private static Pass own(Network.Pass pass) {
        if (!(pass instanceof Pass p)) {
            throw new IllegalArgumentException("pass must come from a DCGAN generator's forward(), was "
                    + (pass == null ? "null" : pass.getClass().getSimpleName()));
        }
        return p;
    }

    @Override
    public DcganGenerator copy() {
        return new DcganGenerator(inputs, channels, imageSize, width, output, init, dataType, params.dup(), 0);
    }

    @Override
    public void copyFrom(Network other) {
        if (!(other instanceof DcganGenerator o) || !o.describe().equals(describe())) {
            throw new IllegalArgumentException("other must be a " + describe() + ", was "
                    + (other == null ? "null" : other.describe()));
        }
        params.assign(o.params);
    }

    @Override
    public String describe() {
        int s0 = imageSize / 4;
        return "DCGAN generator " + inputs + " → " + 2 * width + "×" + s0 + "×" + s0 + " → " + width + "×" + 2 * s0
                + "×" + 2 * s0 + " → " + channels + "×" + imageSize + "×" + imageSize
                + " (4×4 transposed convs, stride 2; batch norm, ReLU; " + output + " output)";
    }

    @Override
    public String toString() {
        return describe();
    }
}
