package org.modecollapselab.gan;

import org.modecollapselab.config.Dcgan;
import org.modecollapselab.data.BlobImages;

/** Scratch timing, not a test. */
public class DcganTimingProbe {
    public static void main(String[] a) {
        for (String s : a) {
            String[] p = s.split(":");
            int width = Integer.parseInt(p[0]);
            int batch = Integer.parseInt(p[1]);
            int c = Integer.parseInt(p[2]);
            Gan g = Gan.create(new BlobImages(4, c, 28, 0.05), new Dcgan(c, 28, width,
                    org.modecollapselab.nn.Activation.TANH).ganConfig().withBatchSize(batch));
            for (int i = 0; i < 3; i++) g.step();
            long t0 = System.nanoTime();
            int n = Integer.parseInt(p[3]);
            for (int i = 0; i < n; i++) g.step();
            double sec = (System.nanoTime() - t0) / 1e9;
            System.out.printf("width %d batch %d c %d: %.1f ms/step, %.2f steps/s, %.0f images/s%n", width, batch, c,
                    1000 * sec / n, n / sec, n * batch / sec);
        }
    }
}
