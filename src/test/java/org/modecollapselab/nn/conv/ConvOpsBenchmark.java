package org.modecollapselab.nn.conv;

import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Not a test: times the DCGAN's layers (forward and backward, FLOAT, batch n) with {@link ConvOps} and with
 * libnd4j's convolution ops, alternated in blocks, and prints the best block of each. Run with one OpenMP thread:
 * <pre>
 * mvn -q test-compile && OMP_NUM_THREADS=1 java -cp target/test-classes:target/classes:$(mvn -q
 *   dependency:build-classpath -Dmdep.outputFile=/dev/stdout) org.modecollapselab.nn.conv.ConvOpsBenchmark 128 64
 * </pre>
 */
public final class ConvOpsBenchmark {
    private ConvOpsBenchmark() {
    }

    private static double best(Runnable r, int blocks, int reps) {
        double best = Double.POSITIVE_INFINITY;
        for (int b = 0; b < blocks; b++) {
            r.run();
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                r.run();
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1e6 / reps);
        }
        return best;
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int w = Integer.parseInt(args[1]);
        DataType t = DataType.FLOAT;
        System.out.printf(Locale.ROOT, "# batch %d, width %d; ms per forward + backward, best of 5 blocks%n", n, w);
        // D's second convolution: w × 14² → 2w × 7²; G's first transposed convolution: 2w × 7² → w × 14².
        INDArray x = Nd4j.rand(t, n, w, 14, 14);
        INDArray wc = Nd4j.rand(t, 2 * w, w, 4, 4);
        INDArray bc = Nd4j.rand(t, 2 * w);
        INDArray gy = Nd4j.rand(t, n, 2 * w, 7, 7);
        INDArray xc = x.permute(1, 0, 2, 3).dup('c');
        INDArray gyc = gy.permute(1, 0, 2, 3).dup('c');
        INDArray gw = wc.ulike();
        INDArray gb = bc.ulike();
        Runnable oursConv = () -> ConvOps.convBackward(ConvOps.conv(xc, wc, bc), wc, gyc, gw, gb, true);
        Runnable libConv = () -> {
            Libnd4jConv.conv(x, wc, bc);
            Libnd4jConv.convBackward(x, wc, bc, gy);
        };
        INDArray wd = Nd4j.rand(t, 2 * w, w, 4, 4);
        INDArray bd = Nd4j.rand(t, w);
        Runnable oursDeconv = () -> ConvOps.deconvBackward(gyc, wd, ConvOps.deconv(gyc, wd, bd), gw, bd.ulike(), true);
        Runnable libDeconv = () -> Libnd4jConv.deconvBackward(gy, wd, bd, Libnd4jConv.deconv(gy, wd, bd));
        double[] o = new double[2];
        double[] l = new double[2];
        for (int round = 0; round < 3; round++) {
            o[0] = round == 0 ? best(oursConv, 5, 5) : Math.min(o[0], best(oursConv, 5, 5));
            l[0] = round == 0 ? best(libConv, 5, 5) : Math.min(l[0], best(libConv, 5, 5));
            o[1] = round == 0 ? best(oursDeconv, 5, 5) : Math.min(o[1], best(oursDeconv, 5, 5));
            l[1] = round == 0 ? best(libDeconv, 5, 5) : Math.min(l[1], best(libDeconv, 5, 5));
        }
        System.out.printf(Locale.ROOT, "conv %d×14² → %d×7²:             ours %.1f ms, libnd4j %.1f ms%n", w, 2 * w,
                o[0], l[0]);
        System.out.printf(Locale.ROOT, "transposed conv %d×7² → %d×14²:  ours %.1f ms, libnd4j %.1f ms%n", 2 * w, w,
                o[1], l[1]);
    }
}
