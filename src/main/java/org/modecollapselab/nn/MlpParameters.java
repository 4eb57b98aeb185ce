package org.modecollapselab.nn;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An {@link Mlp}'s parameters and gradients: one flat vector each, and per layer live views into them — weights W
 * [fanIn, linearWidth], biases b [1, linearWidth], and for batch-normalised layers scale γ and shift β — with the
 * offsets of W and b in the flat vector.
 */
final class MlpParameters {
    final INDArray params;
    final INDArray grads;
    final INDArray[] w;
    final INDArray[] b;
    final INDArray[] gamma;
    final INDArray[] beta;
    final INDArray[] gw;
    final INDArray[] gb;
    final INDArray[] gGamma;
    final INDArray[] gBeta;
    final long[] wOffset;
    final long[] bOffset;

    MlpParameters(MlpSpec spec, INDArray params, INDArray grads) {
        this.params = params;
        this.grads = grads;
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
            w[i] = MlpMath.view(params, off, in, lin);
            gw[i] = MlpMath.view(grads, off, in, lin);
            off += (long) in * lin;
            bOffset[i] = off;
            b[i] = MlpMath.view(params, off, 1, lin);
            gb[i] = MlpMath.view(grads, off, 1, lin);
            off += lin;
            if (spec.normalised(i)) {
                int out = spec.fanOut(i);
                gamma[i] = MlpMath.view(params, off, 1, out);
                gGamma[i] = MlpMath.view(grads, off, 1, out);
                off += out;
                beta[i] = MlpMath.view(params, off, 1, out);
                gBeta[i] = MlpMath.view(grads, off, 1, out);
                off += out;
            }
        }
    }

    /** Initial parameters drawn from {@code seed} by the spec's initialisation (γ = 1, β = 0). */
    static double[] initial(MlpSpec spec, long seed) {
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
}
