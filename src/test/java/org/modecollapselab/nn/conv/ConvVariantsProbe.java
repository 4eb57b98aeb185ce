package org.modecollapselab.nn.conv;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/** Scratch timing, not a test: min over alternated blocks. */
public class ConvVariantsProbe {
    static INDArray exec(String op, INDArray[] in, INDArray[] out, int fmt, int wf) {
        Nd4j.exec(DynamicCustomOp.builder(op).addInputs(in).addOutputs(out)
                .addIntegerArguments(4, 4, 2, 2, 1, 1, 1, 1, 0, fmt, wf).build());
        return out[0];
    }

    public static void main(String[] a) {
        int b = Integer.parseInt(a[0]);
        int w = Integer.parseInt(a[1]);
        DataType t = DataType.FLOAT;
        INDArray x14 = Nd4j.rand(t, b, w, 14, 14);
        INDArray x14h = x14.permute(0, 2, 3, 1).dup('c');
        INDArray w2 = Nd4j.rand(t, 2 * w, w, 4, 4), b2 = Nd4j.rand(t, 2 * w);
        INDArray w2k = w2.permute(2, 3, 1, 0).dup('c');   // [kH, kW, iC, oC]
        INDArray gO = Nd4j.rand(t, b, 2 * w, 7, 7);
        INDArray gOh = gO.permute(0, 2, 3, 1).dup('c');
        // deconv 7 -> 14: x7 [b, 2w, 7, 7], weights wf1 [iC=2w, oC=w, 4, 4], wf0 [kH, kW, oC, iC]
        INDArray x7 = Nd4j.rand(t, b, 2 * w, 7, 7);
        INDArray x7h = x7.permute(0, 2, 3, 1).dup('c');
        INDArray wd = Nd4j.rand(t, 2 * w, w, 4, 4);
        INDArray wdk = wd.permute(2, 3, 1, 0).dup('c');
        INDArray g14 = Nd4j.rand(t, b, w, 14, 14);
        INDArray g14h = g14.permute(0, 2, 3, 1).dup('c');
        Map<String, Runnable> cases = new LinkedHashMap<>();
        cases.put("conv NCHW wf1", () -> exec("conv2d", new INDArray[] {x14, w2, b2}, new INDArray[] {gO.ulike()}, 0, 1));
        cases.put("conv NCHW wf0", () -> exec("conv2d", new INDArray[] {x14, w2k, b2}, new INDArray[] {gO.ulike()}, 0, 0));
        cases.put("conv NHWC wf0", () -> exec("conv2d", new INDArray[] {x14h, w2k, b2}, new INDArray[] {gOh.ulike()}, 1, 0));
        cases.put("conv_bp NCHW wf1", () -> exec("conv2d_bp", new INDArray[] {x14, w2, b2, gO},
                new INDArray[] {x14.ulike(), w2.ulike(), b2.ulike()}, 0, 1));
        cases.put("conv_bp NCHW wf0", () -> exec("conv2d_bp", new INDArray[] {x14, w2k, b2, gO},
                new INDArray[] {x14.ulike(), w2k.ulike(), b2.ulike()}, 0, 0));
        cases.put("conv_bp NHWC wf0", () -> exec("conv2d_bp", new INDArray[] {x14h, w2k, b2, gOh},
                new INDArray[] {x14h.ulike(), w2k.ulike(), b2.ulike()}, 1, 0));
        cases.put("deconv NCHW wf1", () -> exec("deconv2d", new INDArray[] {x7, wd}, new INDArray[] {g14.ulike()}, 0, 1));
        cases.put("deconv NCHW wf0", () -> exec("deconv2d", new INDArray[] {x7, wdk}, new INDArray[] {g14.ulike()}, 0, 0));
        cases.put("deconv NHWC wf0", () -> exec("deconv2d", new INDArray[] {x7h, wdk}, new INDArray[] {g14h.ulike()}, 1, 0));
        cases.put("deconv_bp NCHW wf1", () -> exec("deconv2d_bp", new INDArray[] {x7, wd, g14},
                new INDArray[] {x7.ulike(), wd.ulike()}, 0, 1));
        cases.put("deconv_bp NCHW wf0", () -> exec("deconv2d_bp", new INDArray[] {x7, wdk, g14},
                new INDArray[] {x7.ulike(), wdk.ulike()}, 0, 0));
        cases.put("deconv_bp NHWC wf0", () -> exec("deconv2d_bp", new INDArray[] {x7h, wdk, g14h},
                new INDArray[] {x7h.ulike(), wdk.ulike()}, 1, 0));
        INDArray m1 = Nd4j.rand(t, b * 49, w * 16);
        INDArray m2 = Nd4j.rand(t, w * 16, 2 * w);
        cases.put("gemm [b·49, 16w]x[16w, 2w]", () -> m1.mmul(m2));
        Map<String, Double> best = new LinkedHashMap<>();
        for (int rep = 0; rep < 5; rep++) {
            for (var e : cases.entrySet()) {
                for (int i = 0; i < 2; i++) e.getValue().run();
                int n = 10;
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) e.getValue().run();
                double ms = (System.nanoTime() - t0) / 1e6 / n;
                best.merge(e.getKey(), ms, Math::min);
            }
        }
        best.forEach((k, v) -> System.out.printf("%-40s %8.3f ms%n", k, v));
    }
}
