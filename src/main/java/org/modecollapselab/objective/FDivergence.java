package org.modecollapselab.objective;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The f-divergences of f-GAN (Nowozin, Cseke and Tomioka, "f-GAN: Training Generative Neural Samplers using
 * Variational Divergence Minimization", 2016), each with its generator f, the output activation g_f that maps D's
 * raw output v into the domain of the conjugate, and the Fenchel conjugate f*, as in the paper's Table 2.
 * D's variational function is T(x) = g_f(v(x)); at the optimum T = f′(p/q), so D's output also gives an estimate of
 * the density ratio p/q ({@link #densityRatio}).
 *
 * <p>Each constant gives its pieces as functions of the raw output v, with first and second derivatives: the
 * activation g_f(v) and the composite f*(g_f(v)), written in closed form (e.g. for KL f*(g_f(v)) = e^(v−1)).
 */
public enum FDivergence {
    /** Kullback–Leibler KL(P‖Q): f(u) = u log u, g_f(v) = v, f*(t) = e^(t−1). */
    KL("kl", "KL") {
        @Override
        public double f(double u) {
            return u == 0 ? 0 : u * Math.log(u);
        }

        @Override
        public double activation(double v) {
            return v;
        }

        @Override
        public double conjugate(double t) {
            return Math.exp(t - 1);
        }

        @Override
        public boolean inConjugateDomain(double t) {
            return Double.isFinite(t);
        }

        @Override
        double[] activationDerivatives(double v) {
            return new double[] {v, 1, 0};
        }

        @Override
        double[] conjugateOfActivation(double v) {
            double e = Math.exp(v - 1);
            return new double[] {e, e, e};
        }

        @Override
        public double densityRatio(double v) {
            return Math.exp(v - 1);
        }
    },
    /** Reverse KL, KL(Q‖P): f(u) = −log u, g_f(v) = −e^(−v), f*(t) = −1 − log(−t). */
    REVERSE_KL("reverse-kl", "reverse KL") {
        @Override
        public double f(double u) {
            return -Math.log(u);
        }

        @Override
        public double activation(double v) {
            return -Math.exp(-v);
        }

        @Override
        public double conjugate(double t) {
            return -1 - Math.log(-t);
        }

        @Override
        public boolean inConjugateDomain(double t) {
            return t < 0;
        }

        @Override
        double[] activationDerivatives(double v) {
            double e = Math.exp(-v);
            return new double[] {-e, e, -e};
        }

        @Override
        double[] conjugateOfActivation(double v) {
            return new double[] {-1 + v, 1, 0};
        }

        @Override
        public double densityRatio(double v) {
            return Math.exp(v);
        }
    },
    /** Jensen–Shannon: f(u) = u log u − (u + 1) log((u + 1)/2), g_f(v) = log 2 − log(1 + e^(−v)), f*(t) = −log(2 − e^t). */
    JENSEN_SHANNON("js", "Jensen–Shannon") {
        @Override
        public double f(double u) {
            return (u == 0 ? 0 : u * Math.log(u)) - (u + 1) * Math.log((u + 1) / 2);
        }

        @Override
        public double activation(double v) {
            return Math.log(2) - Losses.softplus(-v);
        }

        @Override
        public double conjugate(double t) {
            return -Math.log(2 - Math.exp(t));
        }

        @Override
        public boolean inConjugateDomain(double t) {
            return t < Math.log(2);
        }

        @Override
        double[] activationDerivatives(double v) {
            double s = Losses.sigmoid(v);
            return new double[] {Math.log(2) - Losses.softplus(-v), 1 - s, -s * (1 - s)};
        }

        @Override
        double[] conjugateOfActivation(double v) {
            // −log(2 − 2σ(v)) = softplus(v) − log 2
            double s = Losses.sigmoid(v);
            return new double[] {Losses.softplus(v) - Math.log(2), s, s * (1 - s)};
        }

        @Override
        public double densityRatio(double v) {
            return Math.exp(v);
        }
    },
    /** Pearson χ²: f(u) = (u − 1)², g_f(v) = v, f*(t) = t²/4 + t. */
    PEARSON("pearson", "Pearson χ²") {
        @Override
        public double f(double u) {
            return (u - 1) * (u - 1);
        }

        @Override
        public double activation(double v) {
            return v;
        }

        @Override
        public double conjugate(double t) {
            return t * t / 4 + t;
        }

        @Override
        public boolean inConjugateDomain(double t) {
            return Double.isFinite(t);
        }

        @Override
        double[] activationDerivatives(double v) {
            return new double[] {v, 1, 0};
        }

        @Override
        double[] conjugateOfActivation(double v) {
            return new double[] {v * v / 4 + v, v / 2 + 1, 0.5};
        }

        /** 1 + v/2, or 0 where that is negative (T = v lies outside the range of f′ on u ≥ 0). */
        @Override
        public double densityRatio(double v) {
            return Math.max(0, 1 + v / 2);
        }
    },
    /** Squared Hellinger: f(u) = (√u − 1)², g_f(v) = 1 − e^(−v), f*(t) = t/(1 − t). */
    SQUARED_HELLINGER("hellinger", "squared Hellinger") {
        @Override
        public double f(double u) {
            double r = Math.sqrt(u) - 1;
            return r * r;
        }

        @Override
        public double activation(double v) {
            return 1 - Math.exp(-v);
        }

        @Override
        public double conjugate(double t) {
            return t / (1 - t);
        }

        @Override
        public boolean inConjugateDomain(double t) {
            return t < 1;
        }

        @Override
        double[] activationDerivatives(double v) {
            double e = Math.exp(-v);
            return new double[] {1 - e, e, -e};
        }

        @Override
        double[] conjugateOfActivation(double v) {
            // (1 − e^(−v)) / e^(−v) = e^v − 1
            double e = Math.exp(v);
            return new double[] {e - 1, e, e};
        }

        @Override
        public double densityRatio(double v) {
            return Math.exp(2 * v);
        }
    };

    private final String id;
    private final String displayName;

    FDivergence(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** The name in commands and the catalog: kl, reverse-kl, js, pearson, hellinger. */
    public String id() {
        return id;
    }

    /** The name in tables, e.g. "reverse KL". */
    public String displayName() {
        return displayName;
    }

    /** The generator f of the divergence D_f(P‖Q) = ∫ q f(p/q), convex with f(1) = 0. */
    public abstract double f(double u);

    /** g_f(v): D's raw output mapped into the conjugate's domain. */
    public abstract double activation(double v);

    /** The Fenchel conjugate f*(t) = sup_u (t·u − f(u)), for t in its domain. */
    public abstract double conjugate(double t);

    /** Whether t lies in the domain of f* (where the conjugate is finite). */
    public abstract boolean inConjugateDomain(double t);

    /** {g_f(v), g_f′(v), g_f″(v)}. */
    abstract double[] activationDerivatives(double v);

    /** {f*(g_f(v)), d/dv, d²/dv²}, in closed form. */
    abstract double[] conjugateOfActivation(double v);

    /** D's estimate of the density ratio p/q at a point where its raw output is v: (f′)⁻¹(g_f(v)). */
    public abstract double densityRatio(double v);

    /** Every divergence's {@link #id()}, in order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(FDivergence::id).toList();
    }

    /**
     * The divergence named {@code name} ({@link #id()}: kl, reverse-kl, js, pearson, hellinger; case and the
     * separator '-'/'_' do not matter).
     *
     * @throws IllegalArgumentException for any other name, listing the valid ones
     */
    public static FDivergence named(String name) {
        if (name == null) {
            throw new IllegalArgumentException("name (the divergence) must be one of " + String.join(", ", ids())
                    + "; was null");
        }
        String s = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (FDivergence d : values()) {
            if (d.id.equals(s)) {
                return d;
            }
        }
        throw new IllegalArgumentException("name (the divergence) must be one of " + String.join(", ", ids())
                + "; was '" + name + "'");
    }
}
