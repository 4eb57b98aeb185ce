package org.modecollapselab.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;
import org.modecollapselab.TestArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@link RowBroadcast} runs the op ND4J's {@code addiRowVector} family runs (so every bit is the same) on every layout
 * the passes produce: row-major and column-major matrices (ND4J takes a different op for each), transposed views,
 * a row that is a view of the matrix's own buffer, one row, one column; in FLOAT and DOUBLE.
 */
class RowBroadcastTest {

    private record Case(String name, BinaryOperator<INDArray> ours, BinaryOperator<INDArray> nd4j) {
    }

    private static final Case[] CASES = {
        new Case("addi", RowBroadcast::addi, INDArray::addiRowVector),
        new Case("subi", RowBroadcast::subi, INDArray::subiRowVector),
        new Case("muli", RowBroadcast::muli, INDArray::muliRowVector),
        new Case("sub", RowBroadcast::sub, INDArray::subRowVector),
        new Case("mul", RowBroadcast::mul, INDArray::mulRowVector),
    };

    @Test
    void sameBitsAsNd4jOnEveryLayout() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (int[] shape : new int[][] {{64, 32}, {1, 32}, {64, 1}, {3, 2}}) {
                int rows = shape[0];
                int cols = shape[1];
                INDArray base = TestArrays.gaussian(rows, cols, 11).castTo(type);
                INDArray row = TestArrays.gaussian(1, cols, 12).castTo(type);
                INDArray[] layouts = {base.dup('c'), base.dup('f'),
                    TestArrays.gaussian(cols, rows, 13).castTo(type).transpose()};
                for (INDArray x : layouts) {
                    for (Case c : CASES) {
                        for (INDArray r : new INDArray[] {row, row.reshape(cols)}) {
                            INDArray mine = x.dup(x.ordering());
                            INDArray theirs = x.dup(x.ordering());
                            INDArray a = c.ours().apply(mine, r);
                            INDArray b = c.nd4j().apply(theirs, r);
                            String what = c.name() + " " + type + " " + rows + "×" + cols + " '" + x.ordering() + "'";
                            assertArrayEquals(b.shape(), a.shape(), what);
                            assertEquals(b.ordering(), a.ordering(), what);
                            assertArrayEquals(bits(b), bits(a), what);
                            assertArrayEquals(bits(theirs), bits(mine), what + " (the input after)");
                            if (c.name().endsWith("i")) {
                                assertSame(mine, a, what + " works in place");
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void aRowThatIsAViewOfTheMatrixItself() {
        for (Case c : CASES) {
            INDArray mine = TestArrays.gaussian(8, 5, 14).castTo(DataType.FLOAT);
            INDArray theirs = mine.dup();
            INDArray a = c.ours().apply(mine, mine.get(NDArrayIndex.interval(2, 3), NDArrayIndex.all()));
            INDArray b = c.nd4j().apply(theirs, theirs.get(NDArrayIndex.interval(2, 3), NDArrayIndex.all()));
            assertArrayEquals(bits(b), bits(a), c.name());
            assertArrayEquals(bits(theirs), bits(mine), c.name() + " (the input after)");
        }
    }

    @Test
    void refusesShapesThatDoNotMatch() {
        INDArray x = Nd4j.zeros(DataType.FLOAT, 4, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RowBroadcast.addi(x, Nd4j.zeros(DataType.FLOAT, 1, 4)));
        assertTrue(e.getMessage().startsWith("row must be a row of x's 3 columns"), e.getMessage());
        assertTrue(e.getMessage().contains("was [1, 4]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RowBroadcast.addi(x, Nd4j.zeros(DataType.FLOAT, 3, 1)));
        e = assertThrows(IllegalArgumentException.class,
                () -> RowBroadcast.muli(Nd4j.zeros(DataType.FLOAT, 2, 2, 3), Nd4j.zeros(DataType.FLOAT, 1, 3)));
        assertTrue(e.getMessage().startsWith("x must be a matrix"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RowBroadcast.sub(null, x));
        assertTrue(e.getMessage().contains("x"), e.getMessage());
    }

    private static long[] bits(INDArray a) {
        double[] v = a.dup('c').castTo(DataType.DOUBLE).data().asDouble();
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.doubleToRawLongBits(v[i]);
        }
        return out;
    }
}
