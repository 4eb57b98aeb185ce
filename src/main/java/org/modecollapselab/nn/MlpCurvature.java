package org.modecollapselab.nn;

import java.util.Arrays;
import org.modecollapselab.util.Broadcast;
import org.modecollapselab.util.Check;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link Mlp}'s second-order products, for exact unrolling (Metz, Poole, Pfau and Sohl-Dickstein, "Unrolled
 * Generative Adversarial Networks", 2017) and the gradient penalty (Gulrajani et al., "Improved Training of
 * Wasserstein GANs", 2017): forward-mode differentiation of the backward pass. With piecewise-linear activations the
 * masks of the forward pass stay fixed under small changes, so both products are exact (almost everywhere): a
 * tangent pass carries ∂h/∂θ·v (or ∂h/∂x·u) forward, and the backward pass is differentiated along it. Each product
 * checks the arguments and that the network is piecewise linear.
 */
final class MlpCurvature {
    private final Mlp mlp;
    private final MlpSpec spec;

    MlpCurvature(Mlp mlp) {
        this.mlp = mlp;
        this.spec = mlp.spec();
    }

    /** Batch normalisation, dropout, or a unit with a second derivative, named; null for a piecewise-linear MLP. */
    static String unsupportedLayers(MlpSpec spec) {
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

    /** H·v and ∂/∂x of the directional derivative, for a loss L = Σ_rows ℓ_r(output_r) (see {@link Mlp}). */
    SecondOrder.CurvatureProducts products(Mlp.Pass own, INDArray outputGradient, INDArray outputCurvature,
                                           INDArray direction) {
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
            vw[i] = MlpMath.view(flatV, mlp.weightOffset(i), spec.fanIn(i), spec.linearWidth(i));
            vb[i] = MlpMath.view(flatV, mlp.biasOffset(i), 1, spec.linearWidth(i));
        }
        // Tangent own: ȧ_i = φ'_i ⊙ select_i(ȧ_{i−1}·W_i + a_{i−1}·V_i + v_b_i), with ȧ_{−1} = 0 (x is fixed).
        INDArray[] tangent = new INDArray[n];
        for (int i = 0; i < n; i++) {
            INDArray h = Broadcast.addiRow(MlpMath.times(own.inputs()[i], vw[i]), vb[i]);
            if (i > 0) {
                h.addi(MlpMath.times(tangent[i - 1], mlp.weight(i)));
            }
            if (spec.pieces(i) > 1) {
                long rows = h.rows();
                h = mlp.maxoutMask(own, i).muli(MlpMath.pieces(h, spec.pieces(i))).sum(1).reshape('c', rows, spec.fanOut(i));
            }
            tangent[i] = spec.activation(i).backward(own.outputs()[i], h);
        }
        // Backward own (δ) and its tangent (δ̇), from δ̇_out = ℓ''·ṡ.
        INDArray delta = spec.activation(n - 1).backward(own.outputs()[n - 1], outputGradient);
        INDArray deltaDot = spec.activation(n - 1).backward(own.outputs()[n - 1],
                outputCurvature.mul(tangent[n - 1]));
        INDArray hv = Nd4j.zeros(mlp.dataType(), spec.parameterCount());
        INDArray inputGradient = null;
        for (int i = n - 1; i >= 0; i--) {
            INDArray hw = MlpMath.view(hv, mlp.weightOffset(i), spec.fanIn(i), spec.linearWidth(i));
            INDArray hb = MlpMath.view(hv, mlp.biasOffset(i), 1, spec.linearWidth(i));
            // d/dε (aᵀδ) = ȧᵀδ + aᵀδ̇ ; d/dε (1ᵀδ) = 1ᵀδ̇
            Nd4j.gemm(own.inputs()[i], deltaDot, hw, true, false, 1.0, 0.0);
            if (i > 0) {
                Nd4j.gemm(tangent[i - 1], delta, hw, true, false, 1.0, 1.0);
            }
            Nd4j.gemm(mlp.ones(deltaDot.rows()), deltaDot, hb, true, false, 1.0, 0.0);
            // d/dε (δ·Wᵀ) = δ̇·Wᵀ + δ·Vᵀ
            INDArray upDot = deltaDot.mmul(mlp.weight(i).transpose()).addi(delta.mmul(vw[i].transpose()));
            if (i == 0) {
                inputGradient = upDot;
                break;
            }
            INDArray up = delta.mmul(mlp.weight(i).transpose());
            delta = mlp.toPieces(own, i - 1, spec.activation(i - 1).backward(own.outputs()[i - 1], up));
            deltaDot = mlp.toPieces(own, i - 1, spec.activation(i - 1).backward(own.outputs()[i - 1], upDot));
        }
        return new SecondOrder.CurvatureProducts(hv, inputGradient);
    }

    /**
     * {@code ∂/∂θ Σ_r u_r · ∇ₓ(g_r · output_r)} for output weights g held fixed, by reverse-mode differentiation of a
     * tangent pass: the tangent of layer i's output along the input direction u is t_i = φ′_i ⊙ select_i(t_{i−1}·W_i)
     * with t_{−1} = u, and Σ g ⊙ t_out depends on the weights only through these products. Its gradient is
     * t_{i−1}ᵀ·δ_i for W_i, where δ_i is the ordinary backward pass's ∂(g·output)/∂(layer i's linear output), and
     * zero for the biases.
     */
    INDArray inputDirectionGradient(Mlp.Pass pass, INDArray outputWeights, INDArray inputDirection) {
        requirePiecewiseLinear("inputDirectionGradient");
        long rows = pass.input().rows();
        if (outputWeights == null || outputWeights.rank() != 2 || outputWeights.rows() != rows
                || outputWeights.columns() != spec.outputs()) {
            throw new IllegalArgumentException("outputWeights must have shape [" + rows + ", " + spec.outputs()
                    + "], was " + (outputWeights == null ? "null" : Arrays.toString(outputWeights.shape())));
        }
        if (inputDirection == null || inputDirection.rank() != 2 || inputDirection.rows() != rows
                || inputDirection.columns() != spec.inputs()) {
            throw new IllegalArgumentException("inputDirection must have shape [" + rows + ", " + spec.inputs()
                    + "], was " + (inputDirection == null ? "null" : Arrays.toString(inputDirection.shape())));
        }
        int n = spec.layers();
        // Tangent pass along the input direction (no parameter perturbation, so no bias terms).
        INDArray[] tangent = new INDArray[n];
        INDArray previous = inputDirection;
        for (int i = 0; i < n; i++) {
            INDArray h = MlpMath.times(previous, mlp.weight(i));
            if (spec.pieces(i) > 1) {
                h = mlp.maxoutMask(pass, i).muli(MlpMath.pieces(h, spec.pieces(i))).sum(1).reshape('c', rows, spec.fanOut(i));
            }
            tangent[i] = spec.activation(i).backward(pass.outputs()[i], h);
            previous = tangent[i];
        }
        INDArray out = Nd4j.zeros(mlp.dataType(), spec.parameterCount());
        INDArray delta = mlp.toPieces(pass, n - 1, spec.activation(n - 1).backward(pass.outputs()[n - 1], outputWeights));
        for (int i = n - 1; i >= 0; i--) {
            INDArray gw = MlpMath.view(out, mlp.weightOffset(i), spec.fanIn(i), spec.linearWidth(i));
            Nd4j.gemm(i == 0 ? inputDirection : tangent[i - 1], delta, gw, true, false, 1.0, 0.0);
            if (i > 0) {
                delta = mlp.toPieces(pass, i - 1, spec.activation(i - 1).backward(pass.outputs()[i - 1],
                        delta.mmul(mlp.weight(i).transpose())));
            }
        }
        return out;
    }

    private void requirePiecewiseLinear(String what) {
        if (unsupportedLayers(spec) != null) {
            throw new IllegalStateException(what + " needs a network without batch norm or dropout and with "
                    + "piecewise-linear activations (IDENTITY, RELU, LEAKY_RELU, with or without maxout), was " + spec
                    + ": " + unsupportedLayers(spec));
        }
    }
}
