package org.modecollapselab.objective;

import org.modecollapselab.util.Check;

/**
 * The f-GAN objective (Nowozin, Cseke and Tomioka, "f-GAN", 2016): for an f-divergence with output activation g_f
 * and conjugate f* ({@link FDivergence}, the paper's Table 2), the variational bound
 * {@code F = E_real g_f(v(x)) − E_fake f*(g_f(v(G(z))))} of D_f(P‖Q) is maximised by D and minimised by G. D
 * minimises −F. G minimises, as the paper trains it, {@code −E g_f(v(G(z)))} ({@link GeneratorLoss#NON_SATURATING},
 * the paper's "alternative" update, the analogue of the non-saturating GAN loss), or the saddle-point objective
 * {@code −E f*(g_f(v(G(z))))} ({@link GeneratorLoss#MINIMAX}).
 *
 * <p>Which divergence is minimised decides whether the ideal generator is mode-covering (KL: it pays heavily for
 * missing data) or mode-seeking (reverse KL: it pays heavily for samples where there are no data) — the argument
 * for and against "the objective matters" (notebook 07 measures it). D's score in charts is the probability
 * r/(1 + r) implied by its density-ratio estimate r = (f′)⁻¹(T) — what the GAN's D(x) estimates, p/(p + q), so the
 * family shares one scale. The Jensen–Shannon member's D loss is the GAN's minus log 4 (tested).
 *
 * @param divergence    which f-divergence
 * @param generatorLoss the paper's alternative (non-saturating) update or the saddle-point (minimax) one
 */
public record FGanObjective(FDivergence divergence, GeneratorLoss generatorLoss) implements RowwiseObjective {
    public FGanObjective {
        Check.notNull("divergence", divergence);
        Check.notNull("generatorLoss", generatorLoss);
    }

    /** The paper's training: the alternative (non-saturating) generator update. */
    public FGanObjective(FDivergence divergence) {
        this(divergence, GeneratorLoss.NON_SATURATING);
    }

    @Override
    public String label() {
        return "f-GAN (" + divergence.displayName() + ")"
                + (generatorLoss == GeneratorLoss.MINIMAX ? " saddle-point G" : "");
    }

    /** −g_f(v) on real rows. */
    @Override
    public RowLoss realTerm() {
        return new RowLoss() {
            @Override
            public double value(double v) {
                return -divergence.activationDerivatives(v)[0];
            }

            @Override
            public double derivative(double v) {
                return -divergence.activationDerivatives(v)[1];
            }

            @Override
            public double curvature(double v) {
                return -divergence.activationDerivatives(v)[2];
            }
        };
    }

    /** f*(g_f(v)) on generated rows. */
    @Override
    public RowLoss fakeTerm() {
        return new RowLoss() {
            @Override
            public double value(double v) {
                return divergence.conjugateOfActivation(v)[0];
            }

            @Override
            public double derivative(double v) {
                return divergence.conjugateOfActivation(v)[1];
            }

            @Override
            public double curvature(double v) {
                return divergence.conjugateOfActivation(v)[2];
            }
        };
    }

    /** −g_f(v) (the paper's alternative) or −f*(g_f(v)) (the saddle point) on generated rows. */
    @Override
    public RowLoss generatorTerm() {
        return generatorLoss == GeneratorLoss.NON_SATURATING ? realTerm() : fakeTerm().negated();
    }

    /** r/(1 + r) for D's density-ratio estimate r: the probability "real" it implies (p/(p + q) at the optimum). */
    @Override
    public double score(double output) {
        double r = divergence.densityRatio(output);
        if (Double.isInfinite(r)) {
            return 1;
        }
        return r / (1 + r);
    }

    @Override
    public String scoreName() {
        return "D(x) implied by T(x): p/(p+q)";
    }

    @Override
    public String toString() {
        return label();
    }
}
