package org.modecollapselab.nn;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.modecollapselab.TestArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The passes keep their products column-major and run element-wise backward steps on flat views (README,
 * Performance): they must compute what the plain row-major computation computes — {@code INDArray.mmul} and the
 * activations on row-major arrays, as the passes were written before — in FLOAT, at a batch large enough for
 * OpenBLAS's blocked kernels, for 1-wide inputs (the broadcast product) and wider ones.
 *
 * <p>Two call shapes of a gemm need not agree in the last bits: which kernel and which blocking OpenBLAS picks
 * depends on the CPU (on the development machine's AMD EPYC with OpenBLAS's Haswell kernels both paths gave the
 * same bits; on an Intel Xeon, and on the same EPYC with OpenBLAS's SkylakeX kernels, the parameter gradients
 * differed by up to 4.6·10⁻⁷ of their largest magnitude). So the rule is a tolerance (README, Tests: the rule for numbers):
 * every element within {@link #RELATIVE} of the array's largest magnitude. A FLOAT sum of K products carries a
 * rounding error of about √K·2⁻²⁴ of its terms' size (K ≤ 512 here: ~1.4·10⁻⁶) and at most K·2⁻²⁴ (3·10⁻⁵, never
 * approached by a blocked sum); a layout bug — a transposed weight, a gradient read in the wrong order — moves
 * elements by the order of the array's magnitude, and {@link #aLayoutBugIsFarOutsideTheTolerance} shows the check
 * catches both.
 */
class MlpLayoutTest {
    /** Largest difference allowed, relative to the largest magnitude of the expected array. */
    static final double RELATIVE = 1e-5;

    @ParameterizedTest
    @EnumSource(Activation.class)
    void sameNumbersAsTheRowMajorComputationWithinTolerance(Activation act) {
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
            assertClose(flat(h), flat(pass.output()), what + "output");
            assertClose(grads, net.gradients().toFloatVector(), what + "parameter gradients");
            assertClose(flat(g), flat(gx), what + "input gradient");
        }
    }

    /**
     * The tolerance still tells a layout bug: a forward pass through one square layer's transposed weight, and the
     * passes' own parameter gradient read column by column instead of row by row, are both far outside it.
     */
    @Test
    void aLayoutBugIsFarOutsideTheTolerance() {
        Mlp net = new Mlp(new MlpSpec(3, List.of(16, 16), 2, Activation.LEAKY_RELU, Activation.IDENTITY,
                Init.PYTORCH_DEFAULT), DataType.FLOAT, 5);
        INDArray x = TestArrays.gaussian(512, 3, 6).castTo(DataType.FLOAT);
        INDArray right = x;
        INDArray wrong = x;
        for (int i = 0; i < net.spec().layers(); i++) {
            INDArray w = net.weights(i);
            right = net.spec().activation(i).forwardInPlace(right.mmul(w).addiRowVector(net.biases(i)));
            INDArray dropped = i == 1 ? w.transpose() : w;   // the 16×16 layer: a transpose dropped
            wrong = net.spec().activation(i).forwardInPlace(wrong.mmul(dropped).addiRowVector(net.biases(i)));
        }
        Mlp.Pass pass = net.forward(x);
        assertTrue(close(flat(right), flat(pass.output()), RELATIVE), "the passes' output is the reference's");
        assertFalse(close(flat(wrong), flat(pass.output()), RELATIVE), "a dropped transpose must be caught");
        net.backward(pass, TestArrays.gaussian(512, 2, 7).castTo(DataType.FLOAT), true, false);
        float[] rowByRow = java.util.Arrays.copyOf(net.gradients().toFloatVector(), 3 * 16);   // layer 0's 3×16
        float[] columnByColumn = new float[rowByRow.length];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 16; c++) {
                columnByColumn[c * 3 + r] = rowByRow[r * 16 + c];
            }
        }
        assertTrue(close(rowByRow, rowByRow.clone(), RELATIVE));
        assertFalse(close(rowByRow, columnByColumn, RELATIVE), "a gradient read in the wrong order must be caught");
    }

    /** Every element of {@code actual} within {@link #RELATIVE} of {@code expected}'s largest magnitude. */
    static void assertClose(float[] expected, float[] actual, String what) {
        double ratio = largestDifference(expected, actual) / largestMagnitude(expected);
        if (ratio > 0) {
            System.out.printf("%s: largest difference %.2g of the largest magnitude%n", what, ratio);
        }
        assertTrue(close(expected, actual, RELATIVE), () -> what + ": largest difference " + largestDifference(
                expected, actual) + " against a tolerance of " + RELATIVE * largestMagnitude(expected));
    }

    static boolean close(float[] expected, float[] actual, double relative) {
        return expected.length == actual.length
                && largestDifference(expected, actual) <= relative * largestMagnitude(expected);
    }

    static double largestDifference(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            d = Math.max(d, Math.abs((double) a[i] - b[i]));
        }
        return d;
    }

    static double largestMagnitude(float[] a) {
        double m = 0;
        for (float v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static float[] flat(INDArray a) {
        return a.dup('c').reshape('c', new long[] {a.length()}).toFloatVector();
    }
}
