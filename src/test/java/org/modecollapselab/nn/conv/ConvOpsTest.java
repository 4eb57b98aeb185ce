package org.modecollapselab.nn.conv;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.modecollapselab.TestArrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The hand-written layers against libnd4j's own convolution ops (an independent implementation of the same
 * PyTorch semantics), and col2im as the adjoint of im2col. The backward passes are checked against finite
 * differences in the networks' tests.
 */
class ConvOpsTest {

    static INDArray random(long seed, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return TestArrays.gaussian(1, n, seed).reshape('c', shape);
    }

    /** [n, c, h, w] ↔ [c, n, h, w]. */
    static INDArray swap(INDArray x) {
        return x.permute(1, 0, 2, 3).dup('c');
    }

    @ParameterizedTest(name = "{0}×{0}, {1} → {2} channels")
    @CsvSource({"8, 1, 2", "8, 3, 4", "12, 2, 3", "28, 3, 5"})
    void convolutionMatchesLibnd4j(int s, int in, int out) {
        INDArray x = random(1, 2, in, s, s);
        INDArray w = random(2, out, in, 4, 4);
        INDArray b = random(3, out);
        ConvOps.Conv ours = ConvOps.conv(swap(x), w, b);
        assertTrue(Libnd4jConv.conv(x, w, b).equalsWithEps(swap(ours.output()), 1e-10), "forward");
        INDArray g = random(4, 2, out, s / 2, s / 2);
        INDArray[] ref = Libnd4jConv.convBackward(x, w, b, g);
        INDArray gw = w.ulike().assign(0);
        INDArray gb = b.ulike().assign(0);
        INDArray gx = ConvOps.convBackward(ours, w, swap(g), gw, gb, true);
        assertTrue(ref[0].equalsWithEps(swap(gx), 1e-10), "input gradient");
        assertTrue(ref[1].equalsWithEps(gw, 1e-10), "weight gradient");
        assertTrue(ref[2].equalsWithEps(gb, 1e-10), "bias gradient");
    }

    @ParameterizedTest(name = "{0}×{0} → twice the side, {1} → {2} channels")
    @CsvSource({"2, 2, 1", "4, 4, 3", "3, 3, 2", "14, 5, 3"})
    void transposedConvolutionMatchesLibnd4j(int s, int in, int out) {
        INDArray x = random(5, 2, in, s, s);
        INDArray w = random(6, in, out, 4, 4);
        INDArray b = random(7, out);
        assertTrue(Libnd4jConv.deconv(x, w, b).equalsWithEps(swap(ConvOps.deconv(swap(x), w, b)), 1e-10),
                "forward");
        INDArray g = random(8, 2, out, 2 * s, 2 * s);
        INDArray[] ref = Libnd4jConv.deconvBackward(x, w, b, g);
        INDArray gw = w.ulike().assign(0);
        INDArray gb = b.ulike().assign(0);
        INDArray gx = ConvOps.deconvBackward(swap(x), w, swap(g), gw, gb, true);
        assertTrue(ref[0].equalsWithEps(swap(gx), 1e-10), "input gradient");
        assertTrue(ref[1].equalsWithEps(gw, 1e-10), "weight gradient");
        assertTrue(ref[2].equalsWithEps(gb, 1e-10), "bias gradient");
    }

    @ParameterizedTest(name = "side {0}")
    @CsvSource({"4", "6", "8", "28"})
    void col2imIsTheAdjointOfIm2col(int s) {
        int o = s / 2;
        INDArray x = random(9, 3, 2, s, s);
        INDArray y = random(10, 3 * 16, 2L * o * o);
        double left = ConvOps.im2col(x).mul(y).sumNumber().doubleValue();
        // col2im reads rows (ky, kx, channel) on the (o + 1)² grid; im2col writes rows (channel, ky, kx).
        INDArray kernelMajor = y.reshape('c', 3, 16, 2, o, o).permute(1, 0, 2, 3, 4).dup('c')
                .reshape('c', 16 * 3, 2, o, o);
        double right = x.mul(ConvOps.col2im(ConvOps.onGrid(kernelMajor), 3, 2, s)).sumNumber().doubleValue();
        assertEquals(left, right, 1e-9 * Math.abs(left));
    }

    @ParameterizedTest(name = "{0} channels")
    @CsvSource({"1", "4"})
    void batchNormalisationStandardisesEachChannel(int c) {
        INDArray x = random(11, c, 3, 5, 5).muli(3).addi(2);
        INDArray xhat = ConvOps.normalise(x).xhat();
        for (int ch = 0; ch < c; ch++) {
            assertEquals(0, xhat.getRow(ch).meanNumber().doubleValue(), 1e-12);
            assertEquals(1, xhat.getRow(ch).mul(xhat.getRow(ch)).meanNumber().doubleValue(), 1e-3);
        }
    }
}
