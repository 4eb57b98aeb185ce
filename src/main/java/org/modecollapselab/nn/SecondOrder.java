package org.modecollapselab.nn;

import org.modecollapselab.util.Check;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A network that gives exact second-order products of a loss through it, written as explicit ND4J ops (SameDiff
 * 1.0.0-M2.1 cannot differentiate a gradient). Exact unrolling ({@link #curvatureProducts}) and the exact gradient
 * penalty ({@link #inputDirectionGradient}) need them; {@link Mlp} provides them when it is
 * {@link #piecewiseLinear()}.
 */
public interface SecondOrder extends Network {

    /**
     * Whether {@link #curvatureProducts} and {@link #inputDirectionGradient} apply to this network (e.g. no batch
     * norm, piecewise-linear units).
     */
    boolean piecewiseLinear();

    /**
     * Why this network's second-order products are not available, naming the layer kind (e.g. "TANH units (their
     * second derivative is not zero)"), or null when they are ({@link #piecewiseLinear()}).
     */
    default String unsupportedLayers() {
        return piecewiseLinear() ? null : describe();
    }

    /**
     * The two second-order products exact unrolling needs.
     *
     * @param hessianVector H·v = d/dε ∇θL(θ + εv, x) at ε = 0, laid out like {@link #parameters()}
     * @param inputGradient ∂/∂x of the directional derivative v·∇θL(θ, x), shape [rows, inputs]
     */
    record CurvatureProducts(INDArray hessianVector, INDArray inputGradient) {
        public CurvatureProducts {
            Check.notNull("hessianVector", hessianVector);
            Check.notNull("inputGradient", inputGradient);
        }
    }

    /**
     * Second-order products for a loss L = Σ_rows ℓ_r(output_r) of this network's output.
     *
     * @param pass            the forward pass at the current parameters and inputs x
     * @param outputGradient  ∂L/∂output, shape [rows, outputs]
     * @param outputCurvature ∂²L/∂output², element-wise, shape [rows, outputs]
     * @param direction       v, laid out like {@link #parameters()}
     * @throws IllegalStateException when the network is not {@link #piecewiseLinear()}
     */
    CurvatureProducts curvatureProducts(Network.Pass pass, INDArray outputGradient, INDArray outputCurvature,
                                        INDArray direction);

    /**
     * The parameter gradient of a directional derivative with respect to the input:
     * {@code ∂/∂θ Σ_rows u_r · ∇ₓ(g_r · output_r)}, with the output weights g held fixed. With g = 1 on D's first
     * output and u_r = ∂P/∂(∇ₓD(x_r)), it is the exact gradient of a penalty P on D's input gradient (WGAN-GP) with
     * respect to D's parameters.
     *
     * @param pass           the forward pass at the current parameters and inputs x
     * @param outputWeights  g, shape [rows, outputs]
     * @param inputDirection u, shape [rows, inputs]
     * @return laid out like {@link #parameters()}
     * @throws IllegalStateException when the network is not {@link #piecewiseLinear()}, or does not implement it
     *                               (the default)
     */
    default INDArray inputDirectionGradient(Network.Pass pass, INDArray outputWeights, INDArray inputDirection) {
        throw new IllegalStateException("network " + describe() + " gives no input-direction gradients (needed by "
                + "the exact gradient penalty)");
    }
}
