package org.modecollapselab.nn;

import java.util.SplittableRandom;
import org.modecollapselab.util.NdArrays;
import org.modecollapselab.util.Broadcast;
import org.modecollapselab.util.Check;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A multilayer perceptron whose forward and backward passes are written out as ND4J operations.
 *
 * <p>Why not SameDiff or {@code MultiLayerNetwork}: a GAN step needs gradients of one network with respect
 * to its input through the other network's fixed weights, remedies add terms to either network's gradient,
 * and some remedies (gradient penalty, exact unrolling) need gradients of gradients, which SameDiff cannot
 * build in 1.0.0-M2.1. Writing the two passes out keeps every such quantity one explicit array away and
 * costs no graph rebuilds. All weights live in one flat vector (and all gradients in another) with per-layer
 * views, so an optimiser updates a network in one operation and a snapshot is one copy.
 */
public final class Mlp implements SecondOrder {
    /** Added to the batch variance before its square root in batch normalisation. */
    public static final double BN_EPSILON = 1e-5;

    private final MlpSpec spec;
    private final DataType dataType;
    private final INDArray params;
    private final INDArray grads;
    private final INDArray[] w;
    private final INDArray[] b;
    private final INDArray[] gamma;
    private final INDArray[] beta;
    private final INDArray[] gw;
    private final INDArray[] gb;
    private final INDArray[] gGamma;
    private final INDArray[] gBeta;
    private final long[] wOffset;
    private final long[] bOffset;
    /** Draws the dropout masks of training passes (unused without dropout). */
    private final SplittableRandom maskRng;
    private INDArray ones;

    /** Tells the dropout masks' random stream apart from the weights'. */
    private static final long MASK_SALT = 0xD80F0D7L;

    /**
     * The arrays a forward pass keeps for its backward pass, per layer: its input, its linear output (before
     * maxout), its maxout value (before normalisation), its normalised value x̂ and 1/σ (batch-normalised layers),
     * its output (before dropout), and its dropout mask (kept units 1/(1 − p), dropped 0; the next layer's input is
     * output ⊙ mask). Entries that a layer does not have are null.
     */
    public record Pass(INDArray[] inputs, INDArray[] linear, INDArray[] maxed, INDArray[] normalised,
                       INDArray[] invStd, INDArray[] outputs, INDArray[] masks) implements Network.Pass {
        public Pass {
            Check.notNull("inputs", inputs);
            Check.notNull("linear", linear);
            Check.notNull("maxed", maxed);
            Check.notNull("normalised", normalised);
            Check.notNull("invStd", invStd);
            Check.noNulls("outputs", outputs);
            if (outputs.length == 0) {
                throw new IllegalArgumentException("outputs must not be empty, was []");
            }
        }

        @Override
        public INDArray input() {
            return inputs[0];
        }

        /** The network's output. */
        @Override
        public INDArray output() {
            return outputs[outputs.length - 1];
        }

        /** The last hidden layer's output (before any dropout). */
        @Override
        public INDArray features() {
            if (outputs.length < 2) {
                throw new IllegalStateException("features need a hidden layer, but the network has none");
            }
            return outputs[outputs.length - 2];
        }

        /** The output of layer {@code i} (hidden layers first). */
        public INDArray layerOutput(int i) {
            return outputs[Check.index("i", i, outputs.length)];
        }
    }

    /**
     * A new network with weights drawn from {@code seed} by the spec's initialisation scheme (and, with dropout, its
     * training passes' masks from a stream of the same seed).
     */
    public Mlp(MlpSpec spec, DataType dataType, long seed) {
        this(Check.notNull("spec", spec), Check.floating("dataType", dataType),
                Nd4j.create(initialParameters(spec, seed), new long[] {spec.parameterCount()}, dataType),
                new SplittableRandom(seed ^ MASK_SALT));
    }

    private Mlp(MlpSpec spec, DataType dataType, INDArray flatParams, SplittableRandom maskRng) {
        this.spec = spec;
        this.maskRng = maskRng;
        this.dataType = dataType;
        this.params = flatParams;
        this.grads = Nd4j.zeros(dataType, spec.parameterCount());
        int n = spec.layers();
        w = new INDArray[n];
        b = new INDArray[n];
        gamma = new INDArray[n];
        beta = new INDArray[n];
        gw = new INDArray[n];
        gb = new INDArray[n];
        gGamma = new INDArray[n];
        gBeta = new INDArray[n];
        wOffset = new long[n];
        bOffset = new long[n];
        long off = 0;
        for (int i = 0; i < n; i++) {
            int in = spec.fanIn(i);
            int lin = spec.linearWidth(i);
            wOffset[i] = off;
            w[i] = view(params, off, in, lin);
            gw[i] = view(grads, off, in, lin);
            off += (long) in * lin;
            bOffset[i] = off;
            b[i] = view(params, off, 1, lin);
            gb[i] = view(grads, off, 1, lin);
            off += lin;
            if (spec.normalised(i)) {
                int out = spec.fanOut(i);
                gamma[i] = view(params, off, 1, out);
                gGamma[i] = view(grads, off, 1, out);
                off += out;
                beta[i] = view(params, off, 1, out);
                gBeta[i] = view(grads, off, 1, out);
                off += out;
            }
        }
    }

    private static INDArray view(INDArray flat, long off, long rows, long cols) {
        return flat.get(NDArrayIndex.interval(off, off + rows * cols)).reshape('c', rows, cols);
    }

    static double[] initialParameters(MlpSpec spec, long seed) {
        double[] p = new double[(int) spec.parameterCount()];
        SplittableRandom rng = new SplittableRandom(seed);
        int k = 0;
        for (int i = 0; i < spec.layers(); i++) {
            int in = spec.fanIn(i);
            int lin = spec.linearWidth(i);
            k = spec.init().fill(p, k, in * lin, lin, in, lin, rng);
            if (spec.normalised(i)) {
                for (int j = 0; j < spec.fanOut(i); j++) {
                    p[k++] = 1;   // scale γ
                }
                k += spec.fanOut(i);   // shift β = 0
            }
        }
        return p;
    }

    public MlpSpec spec() {
        return spec;
    }

    @Override
    public int inputs() {
        return spec.inputs();
    }

    @Override
    public int outputs() {
        return spec.outputs();
    }

    @Override
    public long parameterCount() {
        return spec.parameterCount();
    }

    @Override
    public String describe() {
        return "MLP " + spec.inputs() + " → " + spec.hidden() + " → " + spec.outputs() + ", "
                + spec.hiddenActivation() + (spec.batchNorm() ? ", batch norm" : "")
                + (spec.maxoutPieces() > 1 ? ", maxout " + spec.maxoutPieces() : "")
                + (spec.dropout() > 0 ? ", dropout " + spec.dropout() : "");
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    @Override
    public INDArray parameters() {
        return params;
    }

    @Override
    public INDArray gradients() {
        return grads;
    }

    /** Weights of layer {@code i}, shape [fanIn, linearWidth] (a live view). */
    public INDArray weights(int i) {
        return w[Check.index("i", i, w.length)];
    }

    /** Biases of layer {@code i}, shape [1, linearWidth] (a live view). */
    public INDArray biases(int i) {
        return b[Check.index("i", i, b.length)];
    }

    /** An independent copy; with dropout its masks come from a stream split off this network's. */
    @Override
    public Mlp copy() {
        return new Mlp(spec, dataType, params.dup(), maskRng.split());
    }

    @Override
    public void copyFrom(Network other) {
        if (!(other instanceof Mlp o) || !o.spec.equals(spec)) {
            throw new IllegalArgumentException("other must be an MLP with spec " + spec + ", was "
                    + (other == null ? "null" : other.describe()));
        }
        params.assign(o.params);
    }

    @Override
    public void zeroGradients() {
        grads.assign(0);
    }

    /**
     * A training pass: with dropout, each hidden unit's output is dropped with probability p (a fresh mask per
     * pass, kept in the pass for its backward pass). Without dropout it is the same as an inference pass.
     */
    @Override
    public Pass forward(INDArray x) {
        return forward(x, true);
    }

    /** An inference pass: no dropout. */
    @Override
    public INDArray output(INDArray x) {
        return forward(x, false).output();
    }

    private Pass forward(INDArray x, boolean training) {
        Check.notNull("x", x);
        if (x.rank() != 2 || x.columns() != spec.inputs()) {
            throw new IllegalArgumentException("x must have shape [batch, " + spec.inputs() + "], was "
                    + java.util.Arrays.toString(x.shape()));
        }
        if (spec.batchNorm() && x.rows() < 2) {
            throw new IllegalArgumentException("x must have >= 2 rows for batch normalisation, was " + x.rows());
        }
        int n = spec.layers();
        INDArray[] ins = new INDArray[n];
        INDArray[] lins = new INDArray[n];
        INDArray[] maxed = new INDArray[n];
        INDArray[] xhat = new INDArray[n];
        INDArray[] inv = new INDArray[n];
        INDArray[] outs = new INDArray[n];
        INDArray[] masks = new INDArray[n];
        INDArray h = x;
        for (int i = 0; i < n; i++) {
            ins[i] = h;
            // A 1-wide input (the 1-D data, a 1-D latent) as a broadcast product: 38 µs instead of ~105 µs for a
            // rank-1 gemm at batch 512. (The fused xw_plus_b op measured slower than mmul + addiRowVector.)
            INDArray pre = times(h, w[i]);
            int p = spec.pieces(i);
            if (p > 1 || spec.normalised(i) || (training && spec.droppedOut(i))) {
                // Maxout's piece view, batch normalisation's reductions and dropout's mask are written for
                // row-major arrays (and give the same numbers there as before): one copy, as mmul made before.
                pre = rowMajor(pre);
            }
            Broadcast.addiRow(pre, b[i]);
            lins[i] = pre;
            if (p > 1) {
                // Piece k of unit j is column k·units + j, so [batch, pieces·units] is a free view as
                // [batch, pieces, units] and the maxout is one reduction (not pieces − 1 pairwise maxima).
                pre = pieces(pre, p).max(1);
                maxed[i] = pre;
            }
            if (spec.normalised(i)) {
                INDArray centred = Broadcast.subRow(pre, pre.mean(true, 0));
                inv[i] = Transforms.pow(centred.mul(centred).mean(true, 0).addi(BN_EPSILON), -0.5, false);
                xhat[i] = Broadcast.muliRow(centred, inv[i]);
                pre = Broadcast.addiRow(Broadcast.mulRow(xhat[i], gamma[i]), beta[i]);
            }
            // (The activation works in place: keep the maxout value, which the backward pass compares with the
            // linear output, out of its way.)
            boolean keep = p > 1 && !spec.normalised(i) && spec.activation(i) != Activation.IDENTITY;
            h = spec.activation(i).forwardInPlace(keep ? pre.dup() : pre);
            outs[i] = h;
            if (training && spec.droppedOut(i)) {
                masks[i] = mask(h.rows(), h.columns());
                h = h.mul(masks[i]);
            }
        }
        return new Pass(ins, lins, maxed, xhat, inv, outs, masks);
    }

    /** A dropout mask [rows, cols]: 1/(1 − p) for a kept unit, 0 for a dropped one, drawn from the mask stream. */
    private INDArray mask(long rows, long cols) {
        double p = spec.dropout();
        double keep = 1 / (1 - p);
        double[] m = new double[(int) (rows * cols)];
        for (int i = 0; i < m.length; i++) {
            m[i] = maskRng.nextDouble() < p ? 0 : keep;
        }
        return NdArrays.of(m, rows, cols, dataType);
    }

    /** The linear output [batch, pieces·units] viewed as [batch, pieces, units]. */
    private static INDArray pieces(INDArray linear, int p) {
        return linear.reshape('c', linear.rows(), p, linear.columns() / p);
    }

    /**
     * Backward pass from {@code gradOutput} (∂loss/∂output) to layer {@code fromLayer}'s output.
     *
     * @param pass               the forward pass to differentiate
     * @param gradOutput         ∂loss/∂(output of layer {@code fromLayer}), same shape as that output
     * @param fromLayer          the layer whose output {@code gradOutput} refers to ({@code layers()-1} for the
     *                           network's output; a hidden layer for losses on intermediate features)
     * @param accumulateParams   whether to add ∂loss/∂θ to {@link #gradients()}
     * @param needInputGradient  whether to compute and return ∂loss/∂x
     * @return ∂loss/∂x, or {@code null} when not asked for
     */
    public INDArray backward(Pass pass, INDArray gradOutput, int fromLayer, boolean accumulateParams,
                             boolean needInputGradient) {
        Check.notNull("pass", pass);
        Check.index("fromLayer", fromLayer, spec.layers());
        Check.sameShape("gradOutput", gradOutput, pass.outputs()[fromLayer]);
        INDArray g = gradOutput;
        for (int i = fromLayer; i >= 0; i--) {
            if (i < fromLayer && !columnMajor(pass.outputs()[i])) {
                g = rowMajor(g);   // the layer's own arrays are row-major (see forward): so is its gradient
            }
            if (i < fromLayer && pass.masks()[i] != null) {
                g = g.mul(pass.masks()[i]);   // ∂/∂(layer i's output) from ∂/∂(the next layer's input)
            }
            INDArray gPre = activationBackward(i, pass.outputs()[i], g);
            if (spec.normalised(i)) {
                INDArray xhat = pass.normalised()[i];
                if (accumulateParams) {
                    Nd4j.gemm(ones(gPre.rows()), gPre.mul(xhat), gGamma[i], true, false, 1.0, 1.0);
                    Nd4j.gemm(ones(gPre.rows()), gPre, gBeta[i], true, false, 1.0, 1.0);
                }
                // ∂/∂x of x̂ = (x − μ)/σ over the batch: (1/σ)·(d − mean(d) − x̂·mean(d ⊙ x̂)), with d = ∂/∂x̂.
                INDArray d = Broadcast.mulRow(gPre, gamma[i]);
                INDArray dMean = d.mean(true, 0);
                INDArray dxMean = d.mul(xhat).mean(true, 0);
                gPre = Broadcast.muliRow(Broadcast.subiRow(d, dMean).subi(Broadcast.mulRow(xhat, dxMean)), pass.invStd()[i]);
            }
            gPre = toPieces(pass, i, gPre);
            if (accumulateParams) {
                // gW += xᵀ·gPre straight into the flat gradient vector's view (one op, no temporary).
                Nd4j.gemm(pass.inputs()[i], gPre, gw[i], true, false, 1.0, 1.0);
                // gb += 1ᵀ·gPre as one gemm into the view: 42 µs against 100 µs for sum + add at batch 512 (and no
                // reduction over a size-1 dimension, which throws in M2.1).
                Nd4j.gemm(ones(gPre.rows()), gPre, gb[i], true, false, 1.0, 1.0);
            }
            if (i > 0 || needInputGradient) {
                g = product(gPre, w[i], true);
            }
        }
        return needInputGradient ? g : null;
    }

    /**
     * Maxout backward: ∂/∂(layer {@code i}'s linear output) from ∂/∂(its maxout value). The gradient goes to the
     * piece that was the maximum (to each, in the measure-zero case of a tie). Identity for plain layers.
     */
    private INDArray toPieces(Pass pass, int i, INDArray g) {
        int p = spec.pieces(i);
        if (p == 1) {
            return g;
        }
        long rows = g.rows();
        long units = spec.fanOut(i);
        return maxoutMask(pass, i).muli(g.reshape('c', rows, 1, units)).reshape('c', rows, (long) p * units);
    }

    /** [linear == max] as [rows, pieces, units], in the network's data type. */
    private INDArray maxoutMask(Pass pass, int i) {
        long rows = pass.linear()[i].rows();
        return pieces(pass.linear()[i], spec.pieces(i))
                .eq(pass.maxed()[i].reshape('c', rows, 1, spec.fanOut(i))).castTo(dataType);
    }

    /**
     * x·W, column-major like {@link #product}: as a broadcast product when x is one column wide (see
     * {@link #forward}), computed as (Wᵀ ⊙ xᵀ)ᵀ so that the result is column-major too (the same products).
     */
    private static INDArray times(INDArray x, INDArray weights) {
        if (x.columns() != 1) {
            return product(x, weights, false);
        }
        INDArray out = Nd4j.createUninitialized(x.dataType(), new long[] {weights.columns(), x.rows()}, 'c');
        Nd4j.exec(new MulOp(weights.transpose(), x.transpose(), out));
        return out.transpose();
    }

    /**
     * a·b (or a·bᵀ) as one matmul op into a new column-major array. {@code INDArray.mmul} runs the same gemm into a
     * column-major array and then copies it to a row-major one; that copy (a strided assign, ~74 µs for 512×64 on the
     * development machine, as long as the 512×64×64 product itself) was a quarter of the temperature step. A gemm
     * straight into a row-major array would avoid it too, but OpenBLAS then computes Cᵀ = Bᵀ·Aᵀ, whose rounding
     * differs in the last bits: the column-major result keeps every number as it was.
     */
    private static INDArray product(INDArray a, INDArray b, boolean transposeB) {
        long cols = transposeB ? b.rows() : b.columns();
        INDArray out = Nd4j.createUninitialized(a.dataType(), new long[] {a.rows(), cols}, 'f');
        return Nd4j.gemm(a, b, out, false, transposeB, 1.0, 0.0);
    }

    /** {@code a} itself when row-major, else a row-major copy. */
    private static INDArray rowMajor(INDArray a) {
        return a.rank() == 2 && a.stride(1) == 1 && a.stride(0) == a.columns() ? a : a.dup('c');
    }

    /** Whether {@code a} is a matrix laid out column by column without gaps (a transposed view may be one). */
    private static boolean columnMajor(INDArray a) {
        return a.rank() == 2 && a.stride(0) == 1 && a.stride(1) == a.rows();
    }

    /**
     * ∂/∂(layer i's pre-activation) from ∂/∂(its output): {@code g} itself for an identity layer (nothing writes
     * to it afterwards), else the activation's backward pass. Column-major arrays go through it as flat vectors:
     * in ND4J M2.1 element-wise ops on two column-major matrices take a slow path (multiply: ~120 µs against
     * ~15 µs for 512×64), while the same elements as vectors take the fast one; element-wise results are the same.
     */
    private INDArray activationBackward(int i, INDArray out, INDArray g) {
        Activation a = spec.activation(i);
        if (a == Activation.IDENTITY) {
            return g;
        }
        if (columnMajor(out) && columnMajor(g) && out.rows() > 1 && out.columns() > 1) {
            // (reshape(char, long) would read the order as a dimension: pass the shape as an array.)
            return a.backward(out.reshape('f', new long[] {out.length()}), g.reshape('f', new long[] {g.length()}))
                    .reshape('f', new long[] {out.rows(), out.columns()});
        }
        return a.backward(out, g);
    }

    // ---------------------------------------------------------------- second order (exact unrolling)

    /** Whether {@link #curvatureProducts} applies: no batch normalisation, no dropout, and every activation piecewise
     * linear (identity, ReLU, leaky ReLU, with or without maxout), so that its second derivative is zero almost
     * everywhere. */
    @Override
    public boolean piecewiseLinear() {
        if (spec.batchNorm() || spec.dropout() > 0) {
            return false;
        }
        for (int i = 0; i < spec.layers(); i++) {
            Activation a = spec.activation(i);
            if (a != Activation.IDENTITY && a != Activation.RELU && a != Activation.LEAKY_RELU) {
                return false;
            }
        }
        return true;
    }

    /**
     * Second-order products, by forward-mode differentiation of the backward pass, for a loss
     * L = Σ_rows ℓ_r(output_r) of this network's output. With piecewise-linear activations the masks of the
     * forward pass stay fixed under small changes, so both products are exact (almost everywhere): a tangent pass
     * carries ∂h/∂θ·v forward, and the backward pass is differentiated along it.
     *
     * @param pass            the forward pass at the current parameters and inputs x
     * @param outputGradient  ∂L/∂output, shape [rows, outputs]
     * @param outputCurvature ∂²L/∂output², element-wise (each row's loss depends on its own output only),
     *                        shape [rows, outputs]
     * @param direction       v, laid out like {@link #parameters()}
     * @throws IllegalStateException when the network is not {@link #piecewiseLinear()}
     */
    @Override
    public CurvatureProducts curvatureProducts(Network.Pass pass, INDArray outputGradient,
                                               INDArray outputCurvature, INDArray direction) {
        Pass own = own(pass);
        Check.sameShape("outputGradient", outputGradient, own.output());
        Check.sameShape("outputCurvature", outputCurvature, own.output());
        Check.notNull("direction", direction);
        requirePiecewiseLinear("curvatureProducts");
        if (direction.length() != spec.parameterCount()) {
            throw new IllegalArgumentException("direction must have " + spec.parameterCount()
                    + " elements (one per parameter), was " + direction.length());
        }
        int n = spec.layers();
        INDArray[] vw = new INDArray[n];
        INDArray[] vb = new INDArray[n];
        INDArray flatV = direction.reshape(direction.length());
        for (int i = 0; i < n; i++) {
            vw[i] = view(flatV, wOffset[i], spec.fanIn(i), spec.linearWidth(i));
            vb[i] = view(flatV, bOffset[i], 1, spec.linearWidth(i));
        }
        // Tangent own: ȧ_i = φ'_i ⊙ select_i(ȧ_{i−1}·W_i + a_{i−1}·V_i + v_b_i), with ȧ_{−1} = 0 (x is fixed).
        INDArray[] tangent = new INDArray[n];
        for (int i = 0; i < n; i++) {
            INDArray h = Broadcast.addiRow(times(own.inputs()[i], vw[i]), vb[i]);
            if (i > 0) {
                h.addi(times(tangent[i - 1], w[i]));
            }
            if (spec.pieces(i) > 1) {
                long rows = h.rows();
                h = maxoutMask(own, i).muli(pieces(h, spec.pieces(i))).sum(1).reshape('c', rows, spec.fanOut(i));
            }
            tangent[i] = spec.activation(i).backward(own.outputs()[i], h);
        }
        // Backward own (δ) and its tangent (δ̇), from δ̇_out = ℓ''·ṡ.
        INDArray delta = spec.activation(n - 1).backward(own.outputs()[n - 1], outputGradient);
        INDArray deltaDot = spec.activation(n - 1).backward(own.outputs()[n - 1],
                outputCurvature.mul(tangent[n - 1]));
        INDArray hv = Nd4j.zeros(dataType, spec.parameterCount());
        INDArray inputGradient = null;
        for (int i = n - 1; i >= 0; i--) {
            INDArray hw = view(hv, wOffset[i], spec.fanIn(i), spec.linearWidth(i));
            INDArray hb = view(hv, bOffset[i], 1, spec.linearWidth(i));
            // d/dε (aᵀδ) = ȧᵀδ + aᵀδ̇ ; d/dε (1ᵀδ) = 1ᵀδ̇
            Nd4j.gemm(own.inputs()[i], deltaDot, hw, true, false, 1.0, 0.0);
            if (i > 0) {
                Nd4j.gemm(tangent[i - 1], delta, hw, true, false, 1.0, 1.0);
            }
            Nd4j.gemm(ones(deltaDot.rows()), deltaDot, hb, true, false, 1.0, 0.0);
            // d/dε (δ·Wᵀ) = δ̇·Wᵀ + δ·Vᵀ
            INDArray upDot = deltaDot.mmul(w[i].transpose()).addi(delta.mmul(vw[i].transpose()));
            if (i == 0) {
                inputGradient = upDot;
                break;
            }
            INDArray up = delta.mmul(w[i].transpose());
            delta = toPieces(own, i - 1, spec.activation(i - 1).backward(own.outputs()[i - 1], up));
            deltaDot = toPieces(own, i - 1, spec.activation(i - 1).backward(own.outputs()[i - 1], upDot));
        }
        return new CurvatureProducts(hv, inputGradient);
    }

    /** Batch normalisation, or a TANH or SIGMOID unit, named; null for a piecewise-linear network. */
    @Override
    public String unsupportedLayers() {
        if (spec.batchNorm()) {
            return "batch normalisation (its batch statistics couple the rows, and the product ignores them)";
        }
        if (spec.dropout() > 0) {
            return "dropout (a random mask per pass: the product would differentiate another network)";
        }
        for (int i = 0; i < spec.layers(); i++) {
            Activation a = spec.activation(i);
            if (a != Activation.IDENTITY && a != Activation.RELU && a != Activation.LEAKY_RELU) {
                return a + " units (" + (spec.isHidden(i) ? "hidden" : "output") + " layer; their second "
                        + "derivative is not zero)";
            }
        }
        return null;
    }

    private void requirePiecewiseLinear(String what) {
        if (!piecewiseLinear()) {
            throw new IllegalStateException(what + " needs a network without batch norm or dropout and with "
                    + "piecewise-linear activations (IDENTITY, RELU, LEAKY_RELU, with or without maxout), was " + spec
                    + ": " + unsupportedLayers());
        }
    }

    /**
     * {@code ∂/∂θ Σ_r u_r · ∇ₓ(g_r · output_r)} for output weights g held fixed, by reverse-mode differentiation of a
     * tangent pass: with piecewise-linear units the masks (activation slopes, maxout winners) are locally constant,
     * so the tangent of layer i's output along the input direction u is t_i = φ′_i ⊙ select_i(t_{i−1}·W_i) with
     * t_{−1} = u, and Σ g ⊙ t_out depends on the weights only through these products. Its gradient is
     * t_{i−1}ᵀ·δ_i for W_i, where δ_i is the ordinary backward pass's ∂(g·output)/∂(layer i's linear output), and
     * zero for the biases (exact almost everywhere).
     */
    @Override
    public INDArray inputDirectionGradient(Network.Pass networkPass, INDArray outputWeights,
                                           INDArray inputDirection) {
        Check.notNull("pass (networkPass)", networkPass);
        Pass pass = own(networkPass);
        requirePiecewiseLinear("inputDirectionGradient");
        long rows = pass.input().rows();
        if (outputWeights == null || outputWeights.rank() != 2 || outputWeights.rows() != rows
                || outputWeights.columns() != spec.outputs()) {
            throw new IllegalArgumentException("outputWeights must have shape [" + rows + ", " + spec.outputs()
                    + "], was " + (outputWeights == null ? "null" : java.util.Arrays.toString(outputWeights.shape())));
        }
        if (inputDirection == null || inputDirection.rank() != 2 || inputDirection.rows() != rows
                || inputDirection.columns() != spec.inputs()) {
            throw new IllegalArgumentException("inputDirection must have shape [" + rows + ", " + spec.inputs()
                    + "], was " + (inputDirection == null ? "null" : java.util.Arrays.toString(inputDirection.shape())));
        }
        int n = spec.layers();
        // Tangent pass along the input direction (no parameter perturbation, so no bias terms).
        INDArray[] tangent = new INDArray[n];
        INDArray previous = inputDirection;
        for (int i = 0; i < n; i++) {
            INDArray h = times(previous, w[i]);
            if (spec.pieces(i) > 1) {
                h = maxoutMask(pass, i).muli(pieces(h, spec.pieces(i))).sum(1).reshape('c', rows, spec.fanOut(i));
            }
            tangent[i] = spec.activation(i).backward(pass.outputs()[i], h);
            previous = tangent[i];
        }
        INDArray out = Nd4j.zeros(dataType, spec.parameterCount());
        INDArray delta = toPieces(pass, n - 1, spec.activation(n - 1).backward(pass.outputs()[n - 1], outputWeights));
        for (int i = n - 1; i >= 0; i--) {
            INDArray gw = view(out, wOffset[i], spec.fanIn(i), spec.linearWidth(i));
            Nd4j.gemm(i == 0 ? inputDirection : tangent[i - 1], delta, gw, true, false, 1.0, 0.0);
            if (i > 0) {
                delta = toPieces(pass, i - 1, spec.activation(i - 1).backward(pass.outputs()[i - 1],
                        delta.mmul(w[i].transpose())));
            }
        }
        return out;
    }

    /** A column of ones with {@code rows} rows, kept outside any workspace and reused while the batch size stays. */
    private INDArray ones(long rows) {
        if (ones == null || ones.rows() != rows) {
            try (MemoryWorkspace scope = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                ones = Nd4j.ones(dataType, rows, 1);
            }
        }
        return ones;
    }

    @Override
    public INDArray backward(Network.Pass pass, INDArray gradOutput, boolean accumulateParams,
                             boolean needInputGradient) {
        return backward(own(pass), gradOutput, spec.layers() - 1, accumulateParams, needInputGradient);
    }

    @Override
    public INDArray backwardFromFeatures(Network.Pass pass, INDArray gradFeatures, boolean accumulateParams,
                                         boolean needInputGradient) {
        if (spec.layers() < 2) {
            throw new IllegalStateException("features need a hidden layer, but " + describe() + " has none");
        }
        Mlp.Pass p = own(pass);
        Check.sameShape("gradFeatures", gradFeatures, p.features());
        return backward(p, gradFeatures, spec.layers() - 2, accumulateParams, needInputGradient);
    }

    private Pass own(Network.Pass pass) {
        if (!(pass instanceof Pass p)) {
            throw new IllegalArgumentException("pass must come from an MLP's forward(), was "
                    + (pass == null ? "null" : pass.getClass().getSimpleName()));
        }
        return p;
    }
}
