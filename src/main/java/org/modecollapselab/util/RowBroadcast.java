package org.modecollapselab.util;

import java.lang.ref.Reference;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BroadcastOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastDivOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarAdd;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarDivision;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarSubtraction;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A row vector added to (subtracted from, multiplied into, divided into) every row of a matrix, as ND4J 1.0.0-M2.1's
 * {@code addiRowVector} family computes it (the same op, so the same numbers), without its crash.
 *
 * <p>Why: for a matrix, {@code INDArray.addiRowVector} builds a broadcast op (or a scalar-along-dimension op) whose
 * dimension array ND4J allocates outside every workspace, where the garbage collector frees it, and
 * {@code NativeOpExecutioner.exec} no longer refers to the op while the native code runs. When another thread
 * triggers a collection at that moment (a study on two threads), ND4J's deallocator thread frees the dimension buffer
 * under the running op: SIGSEGV in {@code sd::DataBuffer::primary()} (seen after 1 h 40 min of a two-thread study, and
 * once in notebook 05). Here the op is created and kept reachable until it has run. A matrix of one row or one
 * column goes to ND4J's own method, which uses no such op for it.
 */
public final class RowBroadcast {
    private RowBroadcast() {
    }

    /** {@code x += row} for every row of {@code x}, in place; returns {@code x}. */
    public static INDArray addi(INDArray x, INDArray row) {
        return apply(x, row, 'a');
    }

    /** {@code x -= row} for every row of {@code x}, in place; returns {@code x}. */
    public static INDArray subi(INDArray x, INDArray row) {
        return apply(x, row, 's');
    }

    /** {@code x *= row} for every row of {@code x}, in place; returns {@code x}. */
    public static INDArray muli(INDArray x, INDArray row) {
        return apply(x, row, 'm');
    }

    /** {@code x - row} for every row of {@code x}, a new array (like {@code subRowVector}). */
    public static INDArray sub(INDArray x, INDArray row) {
        return apply(checked(x, row).dup(), row, 's');
    }

    /** {@code x * row} for every row of {@code x}, a new array (like {@code mulRowVector}). */
    public static INDArray mul(INDArray x, INDArray row) {
        return apply(checked(x, row).dup(), row, 'm');
    }

    private static INDArray apply(INDArray x, INDArray row, char op) {
        checked(x, row);
        if (x.isVector() || row.length() < 2) {
            return nd4j(x, row, op);   // one row, or one column: ND4J uses no broadcast op for these
        }
        INDArray r = row.data().sameUnderlyingData(x.data()) ? row.dup() : row;   // as ND4J does
        if (x.elementWiseStride() == 1 && x.ordering() == 'f' && r.elementWiseStride() == 1) {
            // ND4J's path for a column-major matrix: a scalar op along dimension 0.
            ScalarOp s = switch (op) {
                case 'a' -> new ScalarAdd(x, r, x, 0.0);
                case 's' -> new ScalarSubtraction(x, r, x, 0.0);
                case 'm' -> new ScalarMultiplication(x, r, x, 0.0);
                default -> new ScalarDivision(x, r, x, 0.0);
            };
            s.setDimension(0);
            Nd4j.getExecutioner().exec(s);
            Reference.reachabilityFence(s);
            return x;
        }
        int[] dimension = {Shape.isRowVectorShape(r.shape()) ? 1 : 0};
        BroadcastOp b = switch (op) {
            case 'a' -> new BroadcastAddOp(x, r, x, dimension);
            case 's' -> new BroadcastSubOp(x, r, x, dimension);
            case 'm' -> new BroadcastMulOp(x, r, x, dimension);
            default -> new BroadcastDivOp(x, r, x, dimension);
        };
        Nd4j.getExecutioner().exec(b);
        Reference.reachabilityFence(b);
        return x;
    }

    /** Refuses a missing argument, an {@code x} that is not a matrix and a row that is not one of x's rows. */
    private static INDArray checked(INDArray x, INDArray row) {
        Check.notNull("x", x);
        Check.notNull("row", row);
        if (x.rank() != 2) {
            throw new IllegalArgumentException("x must be a matrix [rows, columns], was "
                    + java.util.Arrays.toString(x.shape()));
        }
        if (row.length() != x.columns() || row.rank() > 2 || row.rank() == 2 && row.rows() != 1) {
            throw new IllegalArgumentException("row must be a row of x's " + x.columns() + " columns ([1, "
                    + x.columns() + "] or [" + x.columns() + "]) for x of shape " + java.util.Arrays.toString(x.shape())
                    + ", was " + java.util.Arrays.toString(row.shape()));
        }
        return x;
    }

    private static INDArray nd4j(INDArray x, INDArray row, char op) {
        return switch (op) {
            case 'a' -> x.addiRowVector(row);
            case 's' -> x.subiRowVector(row);
            case 'm' -> x.muliRowVector(row);
            default -> x.diviRowVector(row);
        };
    }
}
