package org.modecollapselab.nn;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.modecollapselab.util.Broadcast;
import org.modecollapselab.util.Check;
import org.modecollapselab.util.NdArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
    /** The flat parameter and gradient vectors and every layer's views into them. */
    private final MlpParameters views;
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
                Nd4j.create(MlpParameters.initial(spec, seed), new long[] {spec.parameterCount()}, dataType),
                new SplittableRandom(seed ^ MASK_SALT));
    }

    private Mlp(MlpSpec spec, DataType dataType, INDArray flatParams, SplittableRandom maskRng) {
        this.spec = spec;
        this.maskRng = maskRng;
        this.dataType = dataType;
        this.views = new MlpParameters(spec, flatParams, Nd4j.zeros(dataType, spec.parameterCount()));
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
        return views.params;
    }

    @Override
    public INDArray gradients() {
        return views.grads;
    }

    /** Weights of layer {@code i}, shape [fanIn, linearWidth] (a live view). */
    public INDArray weights(int i) {
        return views.w[Check.index("i", i, views.w.length)];
    }

    /** Biases of layer {@code i}, shape [1, linearWidth] (a live view). */
    public INDArray biases(int i) {
        return views.b[Check.index("i", i, views.b.length)];
    }

    /** An independent copy; with dropout its masks come from a stream split off this network's. */
    @Override
    public Mlp copy() {
        return new Mlp(spec, dataType, views.params.dup(), maskRng.split());
    }

    @Override
    public void copyFrom(Network other) {
        if (!(other instanceof Mlp o) || !o.spec.equals(spec)) {
            throw new IllegalArgumentException("other must be an MLP with spec " + spec + ", was "
                    + (other == null ? "null" : other.describe()));
        }
        views.params.assign(o.views.params);
    }

    @Override
    public void zeroGradients() {
        views.grads.assign(0);
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
                    + Arrays.toString(x.shape()));
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
            INDArray pre = MlpMath.times(h, views.w[i]);
            int p = spec.pieces(i);
            if (p > 1 || spec.normalised(i) || (training && spec.droppedOut(i))) {
                // Maxout's piece view, batch normalisation's reductions and dropout's mask are written for
                // row-major arrays (and give the same numbers there as before): one copy, as mmul made before.
                pre = MlpMath.rowMajor(pre);
            }
            Broadcast.addiRow(pre, views.b[i]);
            lins[i] = pre;
            if (p > 1) {
                // Piece k of unit j is column k·units + j, so [batch, pieces·units] is a free view as
                // [batch, pieces, units] and the maxout is one reduction (not pieces − 1 pairwise maxima).
                pre = MlpMath.pieces(pre, p).max(1);
                maxed[i] = pre;
            }
            if (spec.normalised(i)) {
                INDArray centred = Broadcast.subRow(pre, pre.mean(true, 0));
                inv[i] = Transforms.pow(centred.mul(centred).mean(true, 0).addi(BN_EPSILON), -0.5, false);
                xhat[i] = Broadcast.muliRow(centred, inv[i]);
                pre = Broadcast.addiRow(Broadcast.mulRow(xhat[i], views.gamma[i]), views.beta[i]);
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
            if (i < fromLayer && !MlpMath.columnMajor(pass.outputs()[i])) {
                g = MlpMath.rowMajor(g);   // the layer's own arrays are row-major (see forward): so is its gradient
            }
            if (i < fromLayer && pass.masks()[i] != null) {
                g = g.mul(pass.masks()[i]);   // ∂/∂(layer i's output) from ∂/∂(the next layer's input)
            }
            INDArray gPre = MlpMath.activationBackward(spec.activation(i), pass.outputs()[i], g);
            if (spec.normalised(i)) {
                INDArray xhat = pass.normalised()[i];
                if (accumulateParams) {
                    Nd4j.gemm(ones(gPre.rows()), gPre.mul(xhat), views.gGamma[i], true, false, 1.0, 1.0);
                    Nd4j.gemm(ones(gPre.rows()), gPre, views.gBeta[i], true, false, 1.0, 1.0);
                }
                // ∂/∂x of x̂ = (x − μ)/σ over the batch: (1/σ)·(d − mean(d) − x̂·mean(d ⊙ x̂)), with d = ∂/∂x̂.
                INDArray d = Broadcast.mulRow(gPre, views.gamma[i]);
                INDArray dMean = d.mean(true, 0);
                INDArray dxMean = d.mul(xhat).mean(true, 0);
                gPre = Broadcast.muliRow(Broadcast.subiRow(d, dMean).subi(Broadcast.mulRow(xhat, dxMean)), pass.invStd()[i]);
            }
            gPre = toPieces(pass, i, gPre);
            if (accumulateParams) {
                // gW += xᵀ·gPre straight into the flat gradient vector's view (one op, no temporary).
                Nd4j.gemm(pass.inputs()[i], gPre, views.gw[i], true, false, 1.0, 1.0);
                // gb += 1ᵀ·gPre as one gemm into the view: 42 µs against 100 µs for sum + add at batch 512 (and no
                // reduction over a size-1 dimension, which throws in M2.1).
                Nd4j.gemm(ones(gPre.rows()), gPre, views.gb[i], true, false, 1.0, 1.0);
            }
            if (i > 0 || needInputGradient) {
                g = MlpMath.product(gPre, views.w[i], true);
            }
        }
        return needInputGradient ? g : null;
    }

    /**
     * Maxout backward: ∂/∂(layer {@code i}'s linear output) from ∂/∂(its maxout value). The gradient goes to the
     * piece that was the maximum (to each, in the measure-zero case of a tie). Identity for plain layers.
     */
    INDArray toPieces(Pass pass, int i, INDArray g) {
        int p = spec.pieces(i);
        if (p == 1) {
            return g;
        }
        long rows = g.rows();
        long units = spec.fanOut(i);
        return maxoutMask(pass, i).muli(g.reshape('c', rows, 1, units)).reshape('c', rows, (long) p * units);
    }

    /** [linear == max] as [rows, pieces, units], in the network's data type. */
    INDArray maxoutMask(Pass pass, int i) {
        long rows = pass.linear()[i].rows();
        return MlpMath.pieces(pass.linear()[i], spec.pieces(i))
                .eq(pass.maxed()[i].reshape('c', rows, 1, spec.fanOut(i))).castTo(dataType);
    }

    // ---------------------------------------------------------------- second order (exact unrolling): MlpCurvature

    /** Whether {@link #curvatureProducts} applies: no batch normalisation, no dropout, and every activation piecewise
     * linear (identity, ReLU, leaky ReLU, with or without maxout), so that its second derivative is zero almost
     * everywhere. */
    @Override
    public boolean piecewiseLinear() {
        return MlpCurvature.unsupportedLayers(spec) == null;
    }

    /**
     * Second-order products, by forward-mode differentiation of the backward pass ({@link MlpCurvature}), for a
     * loss L = Σ_rows ℓ_r(output_r) of this network's output.
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
        return new MlpCurvature(this).products(own(pass), outputGradient, outputCurvature, direction);
    }

    /** Batch normalisation, or a TANH or SIGMOID unit, named; null for a piecewise-linear network. */
    @Override
    public String unsupportedLayers() {
        return MlpCurvature.unsupportedLayers(spec);
    }

    /**
     * {@code ∂/∂θ Σ_r u_r · ∇ₓ(g_r · output_r)} for output weights g held fixed ({@link MlpCurvature}: exact almost
     * everywhere for piecewise-linear units).
     */
    @Override
    public INDArray inputDirectionGradient(Network.Pass networkPass, INDArray outputWeights,
                                           INDArray inputDirection) {
        Check.notNull("pass (networkPass)", networkPass);
        return new MlpCurvature(this).inputDirectionGradient(own(networkPass), outputWeights, inputDirection);
    }

    /** Layer {@code i}'s weights (a live view), its weights' and its biases' offsets in {@link #parameters()}. */
    INDArray weight(int i) {
        return views.w[i];
    }

    long weightOffset(int i) {
        return views.wOffset[i];
    }

    long biasOffset(int i) {
        return views.bOffset[i];
    }

    /** A column of ones with {@code rows} rows, kept outside any workspace and reused while the batch size stays. */
    INDArray ones(long rows) {
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
