package org.modecollapselab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The matrix products and layouts of {@link Mlp}'s passes: products into column-major arrays (the rounding of the
 * gemm the project's numbers were measured with), layer views of the flat parameter vector, maxout pieces.
 */
final class MlpMath {
    private MlpMath() {
    }

    static INDArray view(INDArray flat, long off, long rows, long cols) {
        return flat.get(NDArrayIndex.interval(off, off + rows * cols)).reshape('c', rows, cols);
    }


    /** The linear output [batch, pieces·units] viewed as [batch, pieces, units]. */
    static INDArray pieces(INDArray linear, int p) {
        return linear.reshape('c', linear.rows(), p, linear.columns() / p);
    }


    /**
     * x·W, column-major like {@link #product}: as a broadcast product when x is one column wide (see
     * {@link Mlp#forward}), computed as (Wᵀ ⊙ xᵀ)ᵀ so that the result is column-major too (the same products).
     */
    static INDArray times(INDArray x, INDArray weights) {
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
    static INDArray product(INDArray a, INDArray b, boolean transposeB) {
        long cols = transposeB ? b.rows() : b.columns();
        INDArray out = Nd4j.createUninitialized(a.dataType(), new long[] {a.rows(), cols}, 'f');
        return Nd4j.gemm(a, b, out, false, transposeB, 1.0, 0.0);
    }

    /** {@code a} itself when row-major, else a row-major copy. */
    static INDArray rowMajor(INDArray a) {
        return a.rank() == 2 && a.stride(1) == 1 && a.stride(0) == a.columns() ? a : a.dup('c');
    }

    /** Whether {@code a} is a matrix laid out column by column without gaps (a transposed view may be one). */
    static boolean columnMajor(INDArray a) {
        return a.rank() == 2 && a.stride(0) == 1 && a.stride(1) == a.rows();
    }

    /**
     * ∂/∂(a layer's pre-activation) from ∂/∂(its output): {@code g} itself for an identity layer (nothing writes
     * to it afterwards), else the activation's backward pass. Column-major arrays go through it as flat vectors:
     * in ND4J M2.1 element-wise ops on two column-major matrices take a slow path (multiply: ~120 µs against
     * ~15 µs for 512×64), while the same elements as vectors take the fast one; element-wise results are the same.
     */
    static INDArray activationBackward(Activation a, INDArray out, INDArray g) {
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
}
