package org.modecollapselab.objective;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class LossesTest {

    @Test
    void discriminatorAtIndifferenceIsTwoLogTwo() {
        double[] gr = new double[2];
        double[] gf = new double[2];
        double loss = Losses.discriminator(new double[] {0, 0}, new double[] {0, 0}, 1, gr, gf);
        assertEquals(2 * Math.log(2), loss, 1e-12);
        assertArrayEquals(new double[] {-0.25, -0.25}, gr, 1e-12);   // (σ(0) − 1)/2
        assertArrayEquals(new double[] {0.25, 0.25}, gf, 1e-12);     // σ(0)/2
    }

    @Test
    void handComputedCase() {
        // real logit ln 3 → D = 0.75, −log 0.75; fake logit −ln 3 → D = 0.25, −log(1 − 0.25)
        double[] gr = new double[1];
        double[] gf = new double[1];
        double loss = Losses.discriminator(new double[] {Math.log(3)}, new double[] {-Math.log(3)}, 1, gr, gf);
        assertEquals(-2 * Math.log(0.75), loss, 1e-12);
        assertEquals(-0.25, gr[0], 1e-12);
        assertEquals(0.25, gf[0], 1e-12);
        double[] g = new double[1];
        assertEquals(-Math.log(0.25), Losses.generator(GeneratorLoss.NON_SATURATING, new double[] {-Math.log(3)}, g), 1e-12);
        assertEquals(-0.75, g[0], 1e-12);
        assertEquals(Math.log(0.75), Losses.generator(GeneratorLoss.MINIMAX, new double[] {-Math.log(3)}, g), 1e-12);
        assertEquals(-0.25, g[0], 1e-12);
    }

    @Test
    void gradientsMatchFiniteDifferencesAndStayFiniteForHugeLogits() {
        double[] logits = {-40, -3, -0.2, 0.7, 5, 800};
        for (GeneratorLoss kind : GeneratorLoss.values()) {
            double[] g = new double[logits.length];
            Losses.generator(kind, logits, g);
            for (int i = 0; i < logits.length - 1; i++) {
                double h = 1e-6;
                double[] up = logits.clone();
                up[i] += h;
                double[] dn = logits.clone();
                dn[i] -= h;
                double fd = (Losses.generator(kind, up, new double[6]) - Losses.generator(kind, dn, new double[6])) / (2 * h);
                assertEquals(fd, g[i], 1e-7, kind + " " + i);
            }
        }
        double[] gr = new double[1];
        double[] gf = new double[1];
        double loss = Losses.discriminator(new double[] {800}, new double[] {-800}, 1, gr, gf);
        assertEquals(0, loss, 1e-12);
        assertTrue(Double.isFinite(Losses.discriminator(new double[] {-800}, new double[] {800}, 1, gr, gf)));
    }

    @Test
    void labelSmoothingTarget() {
        double[] gr = new double[1];
        Losses.discriminator(new double[] {0}, new double[] {0}, 0.9, gr, new double[1]);
        assertEquals(0.5 - 0.9, gr[0], 1e-12);
    }
}
