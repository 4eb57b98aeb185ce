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
 * {@link Broadcast} runs the op ND4J's {@code addiRowVector} / {@code addiColumnVector} family runs (so every bit is
 * the same) on every layout the passes produce: row-major and column-major matrices (ND4J takes a different op for
 * each), transposed views, a vector that is a view of the matrix's own buffer, one row, one column; FLOAT and DOUBLE.
 */
class BroadcastTest {

    private record Case(String name, boolean inPlace, BinaryOperator<INDArray> ours, BinaryOperator<INDArray> nd4j) {
    }

    private static final Case[] ROWS = {
        new Case("addiRow", true, Broadcast::addiRow, INDArray::addiRowVector),
        new Case("subiRow", true, Broadcast::subiRow, INDArray::subiRowVector),
        new Case("muliRow", true, Broadcast::muliRow, INDArray::muliRowVector),
        new Case("subRow", false, Broadcast::subRow, INDArray::subRowVector),
        new Case("mulRow", false, Broadcast::mulRow, INDArray::mulRowVector),
    };

    private static final Case[] COLUMNS = {
        new Case("addiColumn", true, Broadcast::addiColumn, INDArray::addiColumnVector),
        new Case("subiColumn", true, Broadcast::subiColumn, INDArray::subiColumnVector),
        new Case("muliColumn", true, Broadcast::muliColumn, INDArray::muliColumnVector),
        new Case("subColumn", false, Broadcast::subColumn, INDArray::subColumnVector),
        new Case("mulColumn", false, Broadcast::mulColumn, INDArray::mulColumnVector),
    };

    @Test
    void sameBitsAsNd4jOnEveryLayout() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (int[] shape : new int[][] {{64, 32}, {1, 32}, {64, 1}, {3, 2}, {1, 1}}) {
                int rows = shape[0];
                int cols = shape[1];
                INDArray base = TestArrays.gaussian(rows, cols, 11).castTo(type);
                INDArray row = TestArrays.gaussian(1, cols, 12).castTo(type);
                INDArray column = TestArrays.gaussian(rows, 1, 13).castTo(type);
                INDArray[] layouts = {base.dup('c'), base.dup('f'),
                    TestArrays.gaussian(cols, rows, 14).castTo(type).transpose()};
                for (INDArray x : layouts) {
                    String what = type + " " + rows + "×" + cols + " '" + x.ordering() + "' ";
                    for (Case c : ROWS) {
                        same(c, x, row, what);
                        same(c, x, row.reshape(cols), what + "(rank-1 row) ");
                    }
                    for (Case c : COLUMNS) {
                        same(c, x, column, what);
                        same(c, x, column.dup('f'), what + "(column-major column) ");
                    }
                }
            }
        }
    }

    @Test
    void aVectorThatIsAViewOfTheMatrixItself() {
        for (Case c : ROWS) {
            INDArray x = TestArrays.gaussian(8, 5, 15).castTo(DataType.FLOAT);
            INDArray mine = x.dup();
            INDArray theirs = x.dup();
            INDArray a = c.ours().apply(mine, mine.get(NDArrayIndex.interval(2, 3), NDArrayIndex.all()));
            INDArray b = c.nd4j().apply(theirs, theirs.get(NDArrayIndex.interval(2, 3), NDArrayIndex.all()));
            assertArrayEquals(bits(b), bits(a), c.name());
            assertArrayEquals(bits(theirs), bits(mine), c.name() + " (the input after)");
        }
        for (Case c : COLUMNS) {
            INDArray x = TestArrays.gaussian(8, 5, 16).castTo(DataType.FLOAT);
            INDArray mine = x.dup();
            INDArray theirs = x.dup();
            INDArray a = c.ours().apply(mine, mine.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 2)));
            INDArray b = c.nd4j().apply(theirs, theirs.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 2)));
            assertArrayEquals(bits(b), bits(a), c.name());
            assertArrayEquals(bits(theirs), bits(mine), c.name() + " (the input after)");
        }
    }

    @Test
    void refusesShapesThatDoNotFit() {
        INDArray x = Nd4j.zeros(DataType.FLOAT, 4, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Broadcast.addiRow(x, Nd4j.zeros(DataType.FLOAT, 1, 4)));
        assertTrue(e.getMessage().startsWith("row must be a row of x's 3 columns"), e.getMessage());
        assertTrue(e.getMessage().endsWith("was [1, 4]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Broadcast.addiRow(x, Nd4j.zeros(DataType.FLOAT, 3, 1)));
        e = assertThrows(IllegalArgumentException.class,
                () -> Broadcast.muliColumn(x, Nd4j.zeros(DataType.FLOAT, 1, 4)));
        assertTrue(e.getMessage().startsWith("column must be a column of x's 4 rows"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Broadcast.muliRow(Nd4j.zeros(DataType.FLOAT, 2, 2, 3), Nd4j.zeros(DataType.FLOAT, 1, 3)));
        assertTrue(e.getMessage().startsWith("x must be a matrix"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Broadcast.subRow(null, x));
        assertTrue(e.getMessage().contains("x"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Broadcast.mulColumn(x, null));
        assertTrue(e.getMessage().contains("column"), e.getMessage());
    }

    private static void same(Case c, INDArray x, INDArray v, String what) {
        INDArray mine = x.dup(x.ordering());
        INDArray theirs = x.dup(x.ordering());
        INDArray a = c.ours().apply(mine, v);
        INDArray b = c.nd4j().apply(theirs, v);
        String w = what + c.name();
        assertArrayEquals(b.shape(), a.shape(), w);
        assertEquals(b.ordering(), a.ordering(), w);
        assertArrayEquals(bits(b), bits(a), w);
        assertArrayEquals(bits(theirs), bits(mine), w + " (the input after)");
        if (c.inPlace()) {
            assertSame(mine, a, w + " works in place");
        }
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
