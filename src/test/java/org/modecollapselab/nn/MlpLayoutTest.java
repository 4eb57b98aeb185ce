package org.modecollapselab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.modecollapselab.TestArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The passes keep their products column-major and run element-wise backward steps on flat views (README,
 * Performance): that must not change a single bit against the plain row-major computation — {@code INDArray.mmul}
 * and the activations on row-major arrays, as the passes were written before — in FLOAT, at a batch large enough for
 * OpenBLAS's blocked kernels, for 1-wide inputs (the broadcast product) and wider ones.
 */
class MlpLayoutTest {

    @ParameterizedTest
    @EnumSource(Activation.class)
    void sameBitsAsTheRowMajorComputation(Activation act) {
        for (int inputs : new int[] {1, 3}) {
            Mlp net = new Mlp(new MlpSpec(inputs, List.of(64, 32), 2, act, Activation.IDENTITY, Init.PYTORCH_DEFAULT),
                    DataType.FLOAT, 5);
            INDArray x = TestArrays.gaussian(512, inputs, 6).castTo(DataType.FLOAT);
            INDArray gOut = TestArrays.gaussian(512, 2, 7).castTo(DataType.FLOAT);
            int n = net.spec().layers();
            // Reference: row-major products and activations.
            INDArray[] ins = new INDArray[n];
            INDArray[] outs = new INDArray[n];
            INDArray h = x;
            for (int i = 0; i < n; i++) {
                ins[i] = h;
                INDArray pre = (h.columns() == 1 ? h.mul(net.weights(i)) : h.mmul(net.weights(i)))
                        .addiRowVector(net.biases(i));
                h = net.spec().activation(i).forwardInPlace(pre);
                outs[i] = h;
            }
            float[] grads = new float[(int) net.parameterCount()];
            INDArray g = gOut;
            int end = grads.length;
            for (int i = n - 1; i >= 0; i--) {
                INDArray gPre = net.spec().activation(i).backward(outs[i], g);
                INDArray gw = Nd4j.zeros(DataType.FLOAT, ins[i].columns(), gPre.columns());
                INDArray gb = Nd4j.zeros(DataType.FLOAT, 1, gPre.columns());
                Nd4j.gemm(ins[i], gPre, gw, true, false, 1.0, 1.0);
                Nd4j.gemm(Nd4j.ones(DataType.FLOAT, gPre.rows(), 1), gPre, gb, true, false, 1.0, 1.0);
                float[] b = flat(gb);
                float[] w = flat(gw);
                end -= b.length;
                System.arraycopy(b, 0, grads, end, b.length);
                end -= w.length;
                System.arraycopy(w, 0, grads, end, w.length);
                g = gPre.mmul(net.weights(i).transpose());
            }
            Mlp.Pass pass = net.forward(x);
            INDArray gx = net.backward(pass, gOut, true, true);
            String what = act + ", " + inputs + " inputs: ";
            assertArrayEquals(flat(h), flat(pass.output()), what + "output");
            assertArrayEquals(grads, net.gradients().toFloatVector(), what + "parameter gradients");
            assertArrayEquals(flat(g), flat(gx), what + "input gradient");
        }
    }

    private static float[] flat(INDArray a) {
        return a.dup('c').reshape('c', new long[] {a.length()}).toFloatVector();
    }
}
