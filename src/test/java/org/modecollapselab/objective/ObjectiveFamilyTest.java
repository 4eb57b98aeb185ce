package org.modecollapselab.objective;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every objective's losses against finite differences, the f-GAN table against its definitions, and bad input. */
class ObjectiveFamilyTest {

    static List<Objective> all() {
        List<Objective> o = new ArrayList<>(List.of(Objective.gan(GeneratorLoss.MINIMAX), Objective.standard(),
                Objective.wasserstein(), Objective.leastSquares(), new LeastSquaresObjective(-1, 1, 0),
                Objective.hinge()));
        for (FDivergence d : FDivergence.values()) {
            for (GeneratorLoss g : GeneratorLoss.values()) {
                o.add(new FGanObjective(d, g));
            }
        }
        return o;
    }

    private static final double[] REAL = {-2.5, -0.7, 0.05, 0.9, 1.6, 3.1};
    private static final double[] FAKE = {-3.0, -1.2, -0.4, 0.3, 1.1, 2.2, 0.6};
    private static final double H = 1e-6;

    private static double dLoss(Objective o, double[] r, double[] f) {
        return o.discriminatorLoss(r, f, new double[r.length], new double[f.length]);
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-6 * Math.max(1, Math.abs(expected)), what);
    }

    /** D's and G's loss gradients, and D's curvature, against central differences, for every objective. */
    @Test
    void lossesGradientsAndCurvatureMatchFiniteDifferences() {
        for (Objective o : all()) {
            double[] gr = new double[REAL.length];
            double[] gf = new double[FAKE.length];
            double loss = o.discriminatorLoss(REAL, FAKE, gr, gf);
            assertTrue(Double.isFinite(loss), o + ": D loss " + loss);
            double[] cr = new double[REAL.length];
            double[] cf = new double[FAKE.length];
            assertTrue(o.hasCurvature(), o + " should have a curvature (exact unrolling works with every objective)");
            o.discriminatorCurvature(REAL, FAKE, cr, cf);
            for (int side = 0; side < 2; side++) {
                double[] v = side == 0 ? REAL : FAKE;
                double[] g = side == 0 ? gr : gf;
                double[] c = side == 0 ? cr : cf;
                for (int i = 0; i < v.length; i++) {
                    double[] up = v.clone();
                    up[i] += H;
                    double[] dn = v.clone();
                    dn[i] -= H;
                    double fd = side == 0 ? (dLoss(o, up, FAKE) - dLoss(o, dn, FAKE)) / (2 * H)
                            : (dLoss(o, REAL, up) - dLoss(o, REAL, dn)) / (2 * H);
                    String what = o + (side == 0 ? " real[" : " fake[") + i + "]";
                    assertClose(fd, g[i], what + " gradient");
                    // Curvature: central differences of the gradient.
                    double[] gu = new double[v.length];
                    double[] gd = new double[v.length];
                    double[] other = new double[side == 0 ? FAKE.length : REAL.length];
                    if (side == 0) {
                        o.discriminatorLoss(up, FAKE, gu, other);
                        o.discriminatorLoss(dn, FAKE, gd, other);
                    } else {
                        o.discriminatorLoss(REAL, up, other, gu);
                        o.discriminatorLoss(REAL, dn, other, gd);
                    }
                    assertEquals((gu[i] - gd[i]) / (2 * H), c[i], 1e-5 * Math.max(1, Math.abs(c[i])),
                            what + " curvature");
                }
            }
            double[] gg = new double[FAKE.length];
            o.generatorLoss(FAKE, gg);
            for (int i = 0; i < FAKE.length; i++) {
                double[] up = FAKE.clone();
                up[i] += H;
                double[] dn = FAKE.clone();
                dn[i] -= H;
                double fd = (o.generatorLoss(up, new double[FAKE.length]) - o.generatorLoss(dn, new double[FAKE.length]))
                        / (2 * H);
                assertClose(fd, gg[i], o + " G gradient fake[" + i + "]");
            }
        }
    }

    /** The default objective is today's: the same numbers as {@link Losses}, bit for bit. */
    @Test
    void theGanObjectiveIsTheOriginalLosses() {
        double[] a = new double[REAL.length];
        double[] b = new double[FAKE.length];
        double[] c = new double[REAL.length];
        double[] d = new double[FAKE.length];
        assertEquals(Losses.discriminator(REAL, FAKE, 1, a, b), Objective.standard().discriminatorLoss(REAL, FAKE, c, d));
        assertArrayEquals(a, c);
        assertArrayEquals(b, d);
        for (GeneratorLoss k : GeneratorLoss.values()) {
            double[] g1 = new double[FAKE.length];
            double[] g2 = new double[FAKE.length];
            assertEquals(Losses.generator(k, FAKE, g1), Objective.gan(k).generatorLoss(FAKE, g2));
            assertArrayEquals(g1, g2);
        }
    }

    /** f-GAN with Jensen–Shannon is the GAN's game: D's loss differs by the constant log 4, gradients agree. */
    @Test
    void jensenShannonFGanIsTheGanUpToLogFour() {
        Objective js = Objective.fGan("js");
        double[] a = new double[REAL.length];
        double[] b = new double[FAKE.length];
        double[] c = new double[REAL.length];
        double[] d = new double[FAKE.length];
        double gan = Objective.standard().discriminatorLoss(REAL, FAKE, a, b);
        assertEquals(gan - Math.log(4), js.discriminatorLoss(REAL, FAKE, c, d), 1e-12);
        assertArrayEquals(a, c, 1e-12);
        assertArrayEquals(b, d, 1e-12);
        for (double v : REAL) {
            assertEquals(Losses.sigmoid(v), js.score(v), 1e-12, "JS f-GAN's implied D(x) is σ(v)");
        }
    }

    /**
     * The paper's Table 2: f* is the Fenchel conjugate of f (sup over u of t·u − f(u), found numerically), g_f maps
     * every output into the conjugate's domain, and the density-ratio estimate inverts T = f′(u).
     */
    @Test
    void fDivergenceTableMatchesItsDefinitions() {
        for (FDivergence d : FDivergence.values()) {
            assertEquals(0, d.f(1), 1e-12, d + ": f(1) = 0");
            for (double v : new double[] {-2, -0.5, 0.1, 0.8, 1.5}) {
                double t = d.activation(v);
                assertTrue(d.inConjugateDomain(t), d + ": g_f(" + v + ") = " + t + " outside dom f*");
                // sup_u t·u − f(u) over a fine grid of u > 0 (and the optimum's neighbourhood refined).
                double best = Double.NEGATIVE_INFINITY;
                double bestU = 0;
                for (int k = 1; k <= 200000; k++) {
                    double u = k * 1e-4;
                    double val = t * u - d.f(u);
                    if (val > best) {
                        best = val;
                        bestU = u;
                    }
                }
                assertEquals(best, d.conjugate(t), 1e-5 * Math.max(1, Math.abs(best)), d + ": f*(" + t + ")");
                assertEquals(d.conjugate(t), d.conjugateOfActivation(v)[0], 1e-9, d + ": f*(g_f(v)) closed form");
                assertEquals(t, d.activationDerivatives(v)[0], 1e-12, d + ": g_f closed form");
                // T = f′(u*) at the maximiser u*: the density-ratio estimate recovers u* = (f′)⁻¹(T).
                if (bestU > 1e-3 && bestU < 19.9) {
                    assertEquals(bestU, d.densityRatio(v), 2e-3 * Math.max(1, bestU), d + ": ratio at v=" + v);
                }
            }
        }
    }

    @Test
    void scoresAreLabelledByWhatTheyAre() {
        assertTrue(Objective.standard().scoreIsProbability());
        assertEquals("D(x)", Objective.standard().scoreName());
        assertFalse(Objective.wasserstein().scoreIsProbability());
        assertEquals("critic value", Objective.wasserstein().scoreName());
        assertEquals(-3.5, Objective.wasserstein().score(-3.5));
        assertFalse(Objective.hinge().scoreIsProbability());
        assertFalse(Objective.leastSquares().scoreIsProbability());
        for (FDivergence d : FDivergence.values()) {
            Objective o = Objective.fGan(d);
            assertTrue(o.scoreIsProbability());
            for (double v : new double[] {-800, -3, 0, 2, 800}) {
                double p = o.score(v);
                assertTrue(p >= 0 && p <= 1, o + ": score " + p + " at " + v);
            }
        }
        assertEquals("WGAN", Objective.wasserstein().label());
        assertEquals("LSGAN", Objective.leastSquares().label());
        assertEquals("LSGAN (a=-1, b=1, c=0)", new LeastSquaresObjective(-1, 1, 0).label());
        assertEquals("f-GAN (reverse KL)", Objective.fGan("reverse-kl").label());
        assertEquals("f-GAN (Pearson χ²) saddle-point G", new FGanObjective(FDivergence.PEARSON,
                GeneratorLoss.MINIMAX).label());
        assertEquals(Objective.fGan("KL"), Objective.fGan(FDivergence.KL), "objectives are values");
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Objective.fGan("wasserstein"));
        assertEquals("name (the divergence) must be one of kl, reverse-kl, js, pearson, hellinger; was 'wasserstein'",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FDivergence.named(null));
        assertEquals("realTarget must differ from fakeTarget (1.0), was 1.0", assertThrows(IllegalArgumentException.class,
                () -> new LeastSquaresObjective(1, 1, 1)).getMessage());
        assertEquals("fakeTarget must be finite, was NaN", assertThrows(IllegalArgumentException.class,
                () -> new LeastSquaresObjective(Double.NaN, 1, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FGanObjective(null));
        assertThrows(IllegalArgumentException.class, () -> new FGanObjective(FDivergence.KL, null));
    }
}
