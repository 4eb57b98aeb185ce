package org.modecollapselab.objective;

/**
 * The hinge objective (Lim and Ye, "Geometric GAN", 2017; Miyato et al., "Spectral Normalization for Generative
 * Adversarial Networks", 2018): D minimises {@code E max(0, 1 − D(x_real)) + E max(0, 1 + D(G(z)))} — a
 * support-vector margin between real and generated samples — and G minimises {@code −E D(G(z))}, as in WGAN. D's
 * output is linear (no sigmoid); a real sample scoring above 1 or a generated one below −1 no longer moves D. The
 * losses are piecewise linear: the curvature is zero (almost everywhere); at a kink the derivative is taken from the
 * flat side.
 */
public record HingeObjective() implements RowwiseObjective, RawScore {
    private static final RowLoss REAL = new RowLoss() {
        @Override
        public double value(double v) {
            return Math.max(0, 1 - v);
        }

        @Override
        public double derivative(double v) {
            return v < 1 ? -1 : 0;
        }

        @Override
        public double curvature(double v) {
            return 0;
        }
    };
    private static final RowLoss FAKE = new RowLoss() {
        @Override
        public double value(double v) {
            return Math.max(0, 1 + v);
        }

        @Override
        public double derivative(double v) {
            return v > -1 ? 1 : 0;
        }

        @Override
        public double curvature(double v) {
            return 0;
        }
    };
    private static final RowLoss GENERATOR = RowLoss.linear(-1);

    @Override
    public String label() {
        return "hinge";
    }

    /** max(0, 1 − D(x_real)). */
    @Override
    public RowLoss realTerm() {
        return REAL;
    }

    /** max(0, 1 + D(G(z))). */
    @Override
    public RowLoss fakeTerm() {
        return FAKE;
    }

    /** −D(G(z)). */
    @Override
    public RowLoss generatorTerm() {
        return GENERATOR;
    }

    @Override
    public String scoreName() {
        return "D(x), hinge output (real ≥ 1, fake ≤ −1)";
    }

    @Override
    public String toString() {
        return label();
    }
}
