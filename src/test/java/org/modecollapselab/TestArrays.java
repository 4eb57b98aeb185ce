package org.modecollapselab;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Seeded test inputs shared by the gradient checks. */
public final class TestArrays {
    private TestArrays() {
    }

    /** A [rows, cols] DOUBLE array of standard normal values drawn with {@code seed}. */
    public static INDArray gaussian(long rows, long cols, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[(int) (rows * cols)];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        return Nd4j.create(v, new long[] {rows, cols}, DataType.DOUBLE);
    }
}
