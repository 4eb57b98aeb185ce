package org.modecollapselab.util;

import java.lang.ref.Reference;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BroadcastOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarAdd;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarSubtraction;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A row vector added to (subtracted from, multiplied into) every row of a matrix, or a column vector into every
 * column, as ND4J 1.0.0-M2.1's {@code addiRowVector} / {@code addiColumnVector} family computes it (the same op, so
 * the same numbers), without its crash.
 *
 * <p>Why: for a matrix, {@code INDArray.addiRowVector} builds a broadcast op (or a scalar-along-dimension op) whose
 * dimension array ND4J allocates outside every workspace, where the garbage collector frees it, and
 * {@code NativeOpExecutioner.exec} no longer refers to the op while the native code runs. When another thread
 * triggers a collection at that moment (a study on two threads), ND4J's deallocator thread frees the dimension buffer
 * under the running op: SIGSEGV in {@code sd::DataBuffer::primary()} (seen after 1 h 40 min of a two-thread study, and
 * once in notebook 05). Here the op is created and kept reachable until it has run. Shapes for which ND4J uses no
 * such op (one row for rows, one column for columns, a one-element vector) go to ND4J's own method.
 */
public final class Broadcast {
    private Broadcast() {
    }

    /** {@code x += row} for every row of {@code x}, in place; returns {@code x}. */
    public static INDArray addiRow(INDArray x, INDArray row) {
        return rows(x, row, 'a');
    }

    /** {@code x -= row} for every row of {@code x}, in place; returns {@code x}. */
    public static INDArray subiRow(INDArray x, INDArray row) {
        return rows(x, row, 's');
    }

    /** {@code x *= row} for every row of {@code x}, in place; returns {@code x}. */
    public static INDArray muliRow(INDArray x, INDArray row) {
        return rows(x, row, 'm');
    }

    /** {@code x - row} for every row of {@code x}, a new array (like {@code subRowVector}). */
    public static INDArray subRow(INDArray x, INDArray row) {
        return rows(checked(x, row, true).dup(), row, 's');
    }

    /** {@code x * row} for every row of {@code x}, a new array (like {@code mulRowVector}). */
    public static INDArray mulRow(INDArray x, INDArray row) {
        return rows(checked(x, row, true).dup(), row, 'm');
    }

    /** {@code x += column} for every column of {@code x}, in place; returns {@code x}. */
    public static INDArray addiColumn(INDArray x, INDArray column) {
        return columns(x, column, 'a');
    }

    /** {@code x -= column} for every column of {@code x}, in place; returns {@code x}. */
    public static INDArray subiColumn(INDArray x, INDArray column) {
        return columns(x, column, 's');
    }

    /** {@code x *= column} for every column of {@code x}, in place; returns {@code x}. */
    public static INDArray muliColumn(INDArray x, INDArray column) {
        return columns(x, column, 'm');
    }

    /** {@code x - column} for every column of {@code x}, a new array (like {@code subColumnVector}). */
    public static INDArray subColumn(INDArray x, INDArray column) {
        return columns(checked(x, column, false).dup(), column, 's');
    }

    /** {@code x * column} for every column of {@code x}, a new array (like {@code mulColumnVector}). */
    public static INDArray mulColumn(INDArray x, INDArray column) {
        return columns(checked(x, column, false).dup(), column, 'm');
    }

    /** ND4J's {@code doRowWise} for a matrix, with the op kept reachable. */
    private static INDArray rows(INDArray x, INDArray row, char op) {
        checked(x, row, true);
        if (x.isVector() || row.length() < 2) {
            return switch (op) {   // one row, or one column: ND4J uses no broadcast op for these
                case 'a' -> x.addiRowVector(row);
                case 's' -> x.subiRowVector(row);
                default -> x.muliRowVector(row);
            };
        }
        INDArray r = row.data().sameUnderlyingData(x.data()) ? row.dup() : row;   // as ND4J does
        // ND4J's path for a contiguous column-major matrix: a scalar op along dimension 0.
        return run(x, r, op, x.elementWiseStride() == 1 && x.ordering() == 'f' && r.elementWiseStride() == 1, 0);
    }

    /** ND4J's {@code doColumnWise} for a matrix, with the op kept reachable. */
    private static INDArray columns(INDArray x, INDArray column, char op) {
        checked(x, column, false);
        if (x.equalShapes(column) || x.rows() == 1 && column.isScalar() || column.length() < 2) {
            return switch (op) {   // one column, or one row: ND4J uses no broadcast op for these
                case 'a' -> x.addiColumnVector(column);
                case 's' -> x.subiColumnVector(column);
                default -> x.muliColumnVector(column);
            };
        }
        INDArray c = column.data().sameUnderlyingData(x.data()) ? column.dup() : column;   // as ND4J does
        // ND4J's path for a contiguous row-major matrix: a scalar op along dimension 1.
        return run(x, c, op, x.elementWiseStride() == 1 && x.ordering() == 'c' && c.elementWiseStride() == 1, 1);
    }

    private static INDArray run(INDArray x, INDArray v, char op, boolean alongDimension, int scalarDimension) {
        if (alongDimension) {
            ScalarOp s = switch (op) {
                case 'a' -> new ScalarAdd(x, v, x, 0.0);
                case 's' -> new ScalarSubtraction(x, v, x, 0.0);
                default -> new ScalarMultiplication(x, v, x, 0.0);
            };
            s.setDimension(scalarDimension);
            Nd4j.getExecutioner().exec(s);
            Reference.reachabilityFence(s);
            return x;
        }
        int[] dimension = {Shape.isRowVectorShape(v.shape()) ? 1 : 0};   // ND4J's applyBroadcastOp
        BroadcastOp b = switch (op) {
            case 'a' -> new BroadcastAddOp(x, v, x, dimension);
            case 's' -> new BroadcastSubOp(x, v, x, dimension);
            default -> new BroadcastMulOp(x, v, x, dimension);
        };
        Nd4j.getExecutioner().exec(b);
        Reference.reachabilityFence(b);
        return x;
    }

    /** Refuses a missing argument, an {@code x} that is not a matrix and a vector that does not fit x. */
    private static INDArray checked(INDArray x, INDArray v, boolean row) {
        String name = row ? "row" : "column";
        Check.notNull("x", x);
        Check.notNull(name, v);
        if (x.rank() != 2) {
            throw new IllegalArgumentException("x must be a matrix [rows, columns], was " + Arrays.toString(x.shape()));
        }
        long n = row ? x.columns() : x.rows();
        boolean fits = v.length() == n && (row ? v.rank() == 1 || v.rank() == 2 && v.rows() == 1
                : v.rank() == 2 && v.columns() == 1 || v.rank() == 1 && n == 1);
        if (!fits) {
            String shape = row ? "[1, " + n + "] or [" + n + "]" : "[" + n + ", 1]";
            throw new IllegalArgumentException(name + " must be a " + name + " of x's " + n
                    + (row ? " columns (" : " rows (") + shape + ") for x of shape " + Arrays.toString(x.shape()) + ", was " + Arrays.toString(v.shape()));
        }
        return x;
    }
}
