package org.modecollapselab.nn.conv;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * libnd4j's own convolution ops (NCHW, weights in PyTorch's layouts), as an independent reference for
 * {@link ConvOps} in tests and the alternative measured in {@link ConvOpsBenchmark}.
 */
final class Libnd4jConv {
    /** kH, kW, sH, sW, pH, pW, dilations, explicit padding, NCHW, weights format 1 (PyTorch's layouts). */
    private static final int[] ARGS = {4, 4, 2, 2, 1, 1, 1, 1, 0, 0, 1};

    private Libnd4jConv() {
    }

    /** x [n, in, s, s], w [out, in, 4, 4], b [out] → [n, out, s/2, s/2]. */
    static INDArray conv(INDArray x, INDArray w, INDArray b) {
        INDArray out = Nd4j.create(x.dataType(), x.size(0), w.size(0), x.size(2) / 2, x.size(3) / 2);
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(x, w, b).addOutputs(out).addIntegerArguments(ARGS)
                .build());
        return out;
    }

    /** Gradients of {@link #conv}: {∂/∂x, ∂/∂w, ∂/∂b}. */
    static INDArray[] convBackward(INDArray x, INDArray w, INDArray b, INDArray gradOut) {
        INDArray[] g = {x.ulike(), w.ulike(), b.ulike()};
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(x, w, b, gradOut).addOutputs(g)
                .addIntegerArguments(ARGS).build());
        return g;
    }

    /** x [n, in, s, s], w [in, out, 4, 4], b [out] → [n, out, 2s, 2s]. */
    static INDArray deconv(INDArray x, INDArray w, INDArray b) {
        INDArray out = Nd4j.create(x.dataType(), x.size(0), w.size(1), x.size(2) * 2, x.size(3) * 2);
        Nd4j.exec(DynamicCustomOp.builder("deconv2d").addInputs(x, w, b).addOutputs(out).addIntegerArguments(ARGS)
                .build());
        return out;
    }

    /** Gradients of {@link #deconv}: {∂/∂x, ∂/∂w, ∂/∂b}. */
    static INDArray[] deconvBackward(INDArray x, INDArray w, INDArray b, INDArray gradOut) {
        INDArray[] g = {x.ulike(), w.ulike(), b.ulike()};
        Nd4j.exec(DynamicCustomOp.builder("deconv2d_bp").addInputs(x, w, b, gradOut).addOutputs(g)
                .addIntegerArguments(ARGS).build());
        return g;
    }
}
