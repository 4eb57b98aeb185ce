package org.modecollapselab.nn.conv;

import org.modecollapselab.nn.Mlp;
import org.modecollapselab.util.Broadcast;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The layers of the DCGAN networks as ND4J ops: 4×4 convolutions with stride 2 and padding 1 (each halves the image
 * side), their adjoints, the transposed convolutions (each doubles it), and batch normalisation per channel with
 * batch statistics.
 *
 * <p>Hidden activations are kept channel-first, [channels, n, h, w] ("CNHW"), so that a convolution is one gemm of
 * the weights [out, in·16] with the unfolded input [in·16, n·h'·w'] whose result is already the next activation,
 * and batch normalisation is a reduction over the rows of a [channels, n·h·w] view. The unfolding (im2col) is 16
 * strided copies, one per kernel offset; its adjoint (col2im) is 12 contiguous shifted additions and 4 strided
 * copies: 2.5–3.4 times faster per layer than libnd4j's convolution ops, whose col2im dominates them (see
 * {@link DcganDiscriminator}).
 * Weights are in PyTorch's layouts: convolution [out, in, 4, 4], transposed convolution [in, out, 4, 4]. Every array
 * is created by the calling thread, so inside the training step it comes from the step's workspace.
 */
final class ConvOps {
    /** Kernel size of every (transposed) convolution; stride 2 and padding 1. */
    static final int KERNEL = 4;

    private ConvOps() {
    }

    /** A view of {@code flat} from {@code offset} with {@code shape}, row-major. */
    static INDArray view(INDArray flat, long offset, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return flat.get(NDArrayIndex.interval(offset, offset + n)).reshape('c', shape);
    }

    // ---------------------------------------------------------------- unfolding

    /**
     * im2col for a 4×4, stride-2, padding-1 kernel: x [c, n, s, s] (any strides) → [c·16, n·(s/2)²], row
     * (ch, ky, kx), column (sample, oy, ox) holding x[ch, sample, 2·oy − 1 + ky, 2·ox − 1 + kx] (0 outside).
     */
    static INDArray im2col(INDArray x) {
        long c = x.size(0);
        long n = x.size(1);
        long s = x.size(2);
        long o = s / 2;
        INDArray padded = Nd4j.zeros(x.dataType(), c, n, s + 2, s + 2);
        padded.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(1, s + 1),
                NDArrayIndex.interval(1, s + 1)).assign(x);
        INDArray cols = Nd4j.create(x.dataType(), c, KERNEL, KERNEL, n, o, o);
        for (int ky = 0; ky < KERNEL; ky++) {
            for (int kx = 0; kx < KERNEL; kx++) {
                cols.get(NDArrayIndex.all(), NDArrayIndex.point(ky), NDArrayIndex.point(kx), NDArrayIndex.all(),
                        NDArrayIndex.all(), NDArrayIndex.all())
                        .assign(padded.get(NDArrayIndex.all(), NDArrayIndex.all(), everyOther(ky, o),
                                everyOther(kx, o)));
            }
        }
        return cols.reshape('c', c * KERNEL * KERNEL, n * o * o);
    }

    /**
     * x [c, n, o, o] (any strides) on the (o + 1)×(o + 1) grid: [c, n·(o + 1)²], zero in the last row and column of
     * every sample. On that grid a shift by (dy, dx) is a shift by dy·(o + 1) + dx of the flat index, with zeros
     * flowing in, which is what {@link #col2im} needs.
     */
    static INDArray onGrid(INDArray x) {
        long c = x.size(0);
        long n = x.size(1);
        long o = x.size(2);
        INDArray grid = Nd4j.zeros(x.dataType(), c, n, o + 1, o + 1);
        grid.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, o), NDArrayIndex.interval(0, o))
                .assign(x);
        return grid.reshape('c', c, n * (o + 1) * (o + 1));
    }

    /**
     * Weights as the matrix that unfolds onto rows (ky, kx, channel): [a, b, 4, 4] (a convolution's [out, in, …] or
     * a transposed convolution's [in, out, …]) → [a, 16·b], a copy.
     */
    static INDArray kernelMajor(INDArray w) {
        long a = w.size(0);
        long b = w.size(1);
        return w.permute(0, 2, 3, 1).dup('c').reshape('c', a, KERNEL * KERNEL * b);
    }

    /**
     * col2im, the adjoint of {@link #im2col}: the unfolded [16·c, n·(o + 1)²] — rows (ky, kx, channel), columns
     * (sample, oy, ox) on the grid of {@link #onGrid}, zero in its last row and column — summed back into the image
     * [c, n, s, s], s = 2·o. Padded position r = 2·oy + ky is phase r mod 2 of row r/2 = oy + ky/2: each phase
     * (py, px) of the padded image is the sum of the four blocks ky = py + 2·dy, kx = px + 2·dx shifted by (dy, dx) —
     * on the grid, contiguous additions at an offset — and the four phases are then interleaved into the image.
     * (In-place additions into stride-2 views, the direct way, measured several times slower in ND4J M2.1.)
     * Overwrites {@code cols}.
     */
    static INDArray col2im(INDArray cols, long c, long n, long s) {
        long o = s / 2;
        long h = o + 1;
        long block = c * n * h * h;
        INDArray flat = cols.reshape(new long[] {cols.length()});   // (reshape('c', n) reads 'c' as a dimension)
        INDArray x = Nd4j.create(cols.dataType(), c, n, s, s);
        INDArray phases = x.reshape('c', c, n, o, 2, o, 2);
        for (int py = 0; py < 2; py++) {
            for (int px = 0; px < 2; px++) {
                long start = blockStart(py, px, block);
                INDArray acc = flat.get(NDArrayIndex.interval(start, start + block));
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        long shift = dy * h + dx;
                        if (shift == 0) {
                            continue;
                        }
                        long from = blockStart(py + 2 * dy, px + 2 * dx, block);
                        acc.get(NDArrayIndex.interval(shift, block))
                                .addi(flat.get(NDArrayIndex.interval(from, from + block - shift)));
                    }
                }
                // Padded row 2·a + py is image row 2·a + py − 1: phase py = 1 fills the even rows from a ∈ [0, o),
                // phase 0 the odd rows from a ∈ [1, o].
                phases.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(1 - py),
                        NDArrayIndex.all(), NDArrayIndex.point(1 - px))
                        .assign(acc.reshape('c', c, n, h, h).get(NDArrayIndex.all(), NDArrayIndex.all(),
                                NDArrayIndex.interval(1 - py, 1 - py + o), NDArrayIndex.interval(1 - px, 1 - px + o)));
            }
        }
        return x;
    }

    /** Where the block of kernel offset (ky, kx) starts in the flat unfolded array. */
    private static long blockStart(int ky, int kx, long block) {
        return (ky * KERNEL + kx) * block;
    }

    /**
     * Positions first, first + 2, … ({@code count} of them). (ND4J M2.1's strided interval misreads an end closer
     * than one stride to its start — interval(1, 2, 2) gives [1, 3], interval(2, 2, 3) throws — so a single position
     * is a unit interval.)
     */
    static INDArrayIndex everyOther(long first, long count) {
        return count == 1 ? NDArrayIndex.interval(first, first + 1)
                : NDArrayIndex.interval(first, 2, first + 2 * (count - 1) + 1);
    }

    // ---------------------------------------------------------------- layers

    /** A convolution's output [out, n, s/2, s/2] and its unfolded input (kept for the weight gradient). */
    record Conv(INDArray cols, INDArray output) {
    }

    /** Convolution of x [in, n, s, s] (any strides) with w [out, in, 4, 4] and bias b [out]. */
    static Conv conv(INDArray x, INDArray w, INDArray b) {
        long out = w.size(0);
        long n = x.size(1);
        long o = x.size(2) / 2;
        INDArray cols = im2col(x);
        INDArray y = Broadcast.addiColumn(w.reshape('c', out, cols.rows()).mmul(cols), b.reshape('c', out, 1));
        return new Conv(cols, y.reshape('c', out, n, o, o));
    }

    /**
     * Backward through {@link #conv}: adds ∂/∂w and ∂/∂b to {@code gw} and {@code gb} (when not null) and returns
     * ∂/∂x [in, n, s, s] (when asked for; null otherwise).
     *
     * @param layer   the forward pass's {@link Conv}
     * @param gradOut ∂loss/∂output, [out, n, s/2, s/2]
     */
    static INDArray convBackward(Conv layer, INDArray w, INDArray gradOut, INDArray gw, INDArray gb,
                                 boolean needInputGradient) {
        long out = w.size(0);
        long in = w.size(1);
        INDArray g = gradOut.reshape('c', out, gradOut.length() / out);
        if (gw != null) {
            Nd4j.gemm(g, layer.cols(), gw.reshape('c', out, in * KERNEL * KERNEL), false, true, 1.0, 1.0);
        }
        if (gb != null) {
            gb.addi(g.sum(1));
        }
        if (!needInputGradient) {
            return null;
        }
        return col2im(Nd4j.gemm(kernelMajor(w), onGrid(gradOut), true, false), in, gradOut.size(1),
                2 * gradOut.size(2));
    }

    /**
     * Transposed convolution of x [in, n, s, s] with w [in, out, 4, 4] (and bias b [out], none when null):
     * [out, n, 2s, 2s], the adjoint of a convolution with the same weights (PyTorch's
     * {@code ConvTranspose2d(in, out, 4, stride 2, padding 1)}).
     */
    static INDArray deconv(INDArray x, INDArray w, INDArray b) {
        long out = w.size(1);
        long n = x.size(1);
        long s = x.size(2);
        INDArray y = col2im(Nd4j.gemm(kernelMajor(w), onGrid(x), true, false), out, n, 2 * s);
        if (b != null) {
            Broadcast.addiColumn(y.reshape('c', out, n * 4 * s * s), b.reshape('c', out, 1));
        }
        return y;
    }

    /**
     * Backward through {@link #deconv}: adds ∂/∂w (and ∂/∂b, when {@code gb} is not null) to {@code gw} (when not
     * null) and returns ∂/∂x [in, n, s, s] (when asked for; null otherwise).
     *
     * @param x       the layer's input [in, n, s, s]
     * @param gradOut ∂loss/∂output [out, n, 2s, 2s]
     */
    static INDArray deconvBackward(INDArray x, INDArray w, INDArray gradOut, INDArray gw, INDArray gb,
                                   boolean needInputGradient) {
        long in = w.size(0);
        long out = w.size(1);
        INDArray gCols = im2col(gradOut);
        INDArray x2 = x.reshape('c', in, x.length() / in);
        if (gw != null) {
            Nd4j.gemm(x2, gCols, gw.reshape('c', in, out * KERNEL * KERNEL), false, true, 1.0, 1.0);
        }
        if (gb != null) {
            gb.addi(gradOut.reshape('c', out, gradOut.length() / out).sum(1));
        }
        if (!needInputGradient) {
            return null;
        }
        return w.reshape('c', in, out * KERNEL * KERNEL).mmul(gCols).reshape('c', x.shape());
    }

    // ---------------------------------------------------------------- batch normalisation

    /** What batch normalisation keeps for its backward pass: x̂ [c, n·h·w] and 1/σ [c, 1]. */
    record Normalised(INDArray xhat, INDArray invStd) {
    }

    /**
     * Batch normalisation per channel of x [c, n, h, w] over the batch and the positions, with batch statistics
     * (training and sampling alike, as {@link Mlp} does): x̂ = (x − μ)/√(σ² + ε).
     */
    static Normalised normalise(INDArray x) {
        long c = x.size(0);
        INDArray x2 = x.reshape('c', c, x.length() / c);
        INDArray centred = Broadcast.subColumn(x2, x2.mean(true, 1));
        INDArray invStd = Transforms.pow(centred.mul(centred).mean(true, 1).addi(Mlp.BN_EPSILON), -0.5, false);
        return new Normalised(Broadcast.muliColumn(centred, invStd), invStd);
    }

    /** γ·x̂ + β per channel, as a new array shaped like {@code like} ([c, n, h, w]). */
    static INDArray scaleShift(Normalised bn, INDArray gamma, INDArray beta, INDArray like) {
        long c = gamma.length();
        return Broadcast.addiColumn(Broadcast.mulColumn(bn.xhat(), gamma.reshape('c', c, 1)), beta.reshape('c', c, 1))
                .reshape('c', like.shape());
    }

    /**
     * Backward through {@link #normalise} and {@link #scaleShift}: adds ∂/∂γ and ∂/∂β to {@code gGamma} and
     * {@code gBeta} (when {@code accumulateParams}) and returns ∂/∂x = (1/σ)·(d − mean(d) − x̂·mean(d ⊙ x̂)) with
     * d = γ·∂/∂y, means per channel, shaped like {@code gradOut}.
     */
    static INDArray normaliseBackward(Normalised bn, INDArray gamma, INDArray gradOut, INDArray gGamma,
                                      INDArray gBeta, boolean accumulateParams) {
        long c = gamma.length();
        INDArray xhat = bn.xhat();
        INDArray g = gradOut.reshape('c', c, gradOut.length() / c);
        if (accumulateParams) {
            gGamma.addi(g.mul(xhat).sum(1));
            gBeta.addi(g.sum(1));
        }
        INDArray d = Broadcast.mulColumn(g, gamma.reshape('c', c, 1));
        INDArray dMean = d.mean(true, 1);
        INDArray dxMean = d.mul(xhat).mean(true, 1);
        return Broadcast.muliColumn(Broadcast.subiColumn(d, dMean).subi(Broadcast.mulColumn(xhat, dxMean)), bn.invStd())
                .reshape('c', gradOut.shape());
    }

    // ---------------------------------------------------------------- layouts

    /** Rows of images [n, c·h·w] (NCHW flattened) as a [c, n, h, w] view (no copy). */
    static INDArray channelsFirst(INDArray rows, long c, long h, long w) {
        return rows.reshape('c', rows.rows(), c, h, w).permute(1, 0, 2, 3);
    }

    /** Activations [c, n, h, w] as rows [n, c·h·w] (NCHW flattened): a copy, unless c = 1. */
    static INDArray rows(INDArray x) {
        long c = x.size(0);
        long n = x.size(1);
        long hw = x.length() / (c * n);
        if (c == 1) {
            return x.reshape('c', n, hw);
        }
        return x.reshape('c', c, n, hw).permute(1, 0, 2).dup('c').reshape('c', n, c * hw);
    }
}
