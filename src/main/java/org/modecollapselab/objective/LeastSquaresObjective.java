package org.modecollapselab.objective;

import org.modecollapselab.util.Check;

/**
 * The least-squares GAN objective (Mao et al., "Least Squares Generative Adversarial Networks", 2017): D minimises
 * {@code ½E (D(x_real) − b)² + ½E (D(G(z)) − a)²} and G minimises {@code ½E (D(G(z)) − c)²}, with D's output
 * linear. Unlike the sigmoid cross-entropy, the squared error keeps penalising generated samples that D already
 * classifies correctly but that lie far from the data, so G's gradient does not vanish there. The default coding
 * is the paper's 0-1 scheme a = 0, b = c = 1 (at the optimum D(x) = p/(p + q)); a = −1, b = 1, c = 0 is the scheme
 * under which the paper shows the game minimises the Pearson χ² divergence.
 *
 * @param fakeTarget     a, D's target for generated samples (finite)
 * @param realTarget     b, D's target for real samples (finite, ≠ a)
 * @param generatorTarget c, the value G wants D to give its samples (finite)
 */
public record LeastSquaresObjective(double fakeTarget, double realTarget, double generatorTarget)
        implements RowwiseObjective, RawScore {
    public LeastSquaresObjective {
        Check.finite("fakeTarget", fakeTarget);
        Check.finite("realTarget", realTarget);
        Check.finite("generatorTarget", generatorTarget);
        if (fakeTarget == realTarget) {
            throw new IllegalArgumentException("realTarget must differ from fakeTarget (" + fakeTarget + "), was "
                    + realTarget);
        }
    }

    /** The paper's 0-1 coding: a = 0, b = c = 1. */
    public LeastSquaresObjective() {
        this(0, 1, 1);
    }

    /** ½(v − t)². */
    private static RowLoss squared(double t) {
        return new RowLoss() {
            @Override
            public double value(double v) {
                return 0.5 * (v - t) * (v - t);
            }

            @Override
            public double derivative(double v) {
                return v - t;
            }

            @Override
            public double curvature(double v) {
                return 1;
            }
        };
    }

    @Override
    public String label() {
        return fakeTarget == 0 && realTarget == 1 && generatorTarget == 1 ? "LSGAN"
                : "LSGAN (a=" + fmt(fakeTarget) + ", b=" + fmt(realTarget) + ", c=" + fmt(generatorTarget) + ")";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** ½(D(x_real) − b)². */
    @Override
    public RowLoss realTerm() {
        return squared(realTarget);
    }

    /** ½(D(G(z)) − a)². */
    @Override
    public RowLoss fakeTerm() {
        return squared(fakeTarget);
    }

    /** ½(D(G(z)) − c)². */
    @Override
    public RowLoss generatorTerm() {
        return squared(generatorTarget);
    }

    @Override
    public String scoreName() {
        return "D(x), least-squares output (real → " + fmt(realTarget) + ", fake → " + fmt(fakeTarget) + ")";
    }

    @Override
    public String toString() {
        return label();
    }
}
