package org.modecollapselab.util;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Moving numbers between Java arrays and ND4J arrays in one bulk copy, in the target's data type, without a cast
 * op on the ND4J side (element-wise reads and writes cost a JNI call each; a cast op is one more op per array).
 */
public final class NdArrays {
    private NdArrays() {
    }

    /** A [rows, cols] array of {@code type} (FLOAT or DOUBLE) filled row-major from {@code v}. */
    public static INDArray of(double[] v, long rows, long cols, DataType type) {
        Check.notNull("v", v);
        Check.atLeast("rows", rows, 0);
        Check.atLeast("cols", cols, 0);
        if (v.length != rows * cols) {
            throw new IllegalArgumentException("v must have rows·cols = " + rows * cols + " values, was " + v.length);
        }
        Check.floating("type", type);
        if (type == DataType.DOUBLE) {
            return Nd4j.create(v, new long[] {rows, cols}, DataType.DOUBLE);
        }
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return Nd4j.create(f, new long[] {rows, cols}, 'c');
    }

    /** Java rows (all of one length) as a [rows, cols] array of {@code type}. */
    public static INDArray of(double[][] rows, DataType type) {
        Check.noNulls("rows", rows);
        if (rows.length == 0) {
            throw new IllegalArgumentException("rows must not be empty, was []");
        }
        int cols = rows[0].length;
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols || cols == 0) {
                throw new IllegalArgumentException("rows[" + i + "] must have " + Math.max(cols, 1) + " value"
                        + (cols > 1 ? "s" : "") + " (all rows alike, at least 1), was " + rows[i].length);
            }
        }
        double[] flat = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * cols, cols);
        }
        return of(flat, rows.length, cols, type);
    }

    /** The values of an array, row-major, as doubles. */
    public static double[] values(INDArray a) {
        Check.notNull("a", a);
        // (INDArray.ravel('c') in M2.1 reads the order character as a dimension: shape [99, n].)
        INDArray flat = a.rank() == 1 || a.isVector() ? a : Nd4j.toFlattened('c', a);
        if (a.dataType() == DataType.DOUBLE) {
            return flat.toDoubleVector();
        }
        float[] f = flat.toFloatVector();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /** A [rows, cols] array as Java rows. */
    public static double[][] rows(INDArray a) {
        Check.matrix("a", a, -1, -1);
        int rows = (int) a.rows();
        int cols = (int) a.columns();
        double[] flat = values(a);
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * cols, m[i], 0, cols);
        }
        return m;
    }

    /** The first column of a [rows, cols] array (D's first output for each row), as doubles. */
    public static double[] firstColumn(INDArray a) {
        Check.matrix("a", a, -1, -1);
        double[] v = values(a);
        int cols = (int) a.columns();
        if (cols == 1) {
            return v;
        }
        double[] first = new double[(int) a.rows()];
        for (int i = 0; i < first.length; i++) {
            first[i] = v[i * cols];
        }
        return first;
    }

    /**
     * A [v.length, columns] array of {@code type} whose first column is {@code v} and whose other columns are 0: a
     * loss gradient with respect to D's first output, as the gradient of all of D's outputs.
     */
    public static INDArray inFirstColumn(double[] v, int columns, DataType type) {
        Check.notNull("v", v);
        Check.atLeast("columns", columns, 1);
        if (columns == 1) {
            return of(v, v.length, 1, type);
        }
        double[] wide = new double[v.length * columns];
        for (int i = 0; i < v.length; i++) {
            wide[i * columns] = v[i];
        }
        return of(wide, v.length, columns, type);
    }
}
