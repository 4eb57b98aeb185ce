package org.modecollapselab.remedy.spectralnorm;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.modecollapselab.config.Architecture;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.gan.Catalogued;
import org.modecollapselab.nn.Mlp;
import org.modecollapselab.nn.Network;
import org.modecollapselab.step.Remedy;
import org.modecollapselab.step.Setup;
import org.modecollapselab.step.StepContext;
import org.modecollapselab.step.StepHook;
import org.modecollapselab.util.Check;
import org.modecollapselab.util.NdArrays;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Spectral normalisation of D's weights (Miyato, Kataoka, Koyama and Yoshida, "Spectral Normalization for
 * Generative Adversarial Networks", ICLR 2018). Every weight matrix of D is divided by its largest singular value
 * σ(W), estimated by power iteration with a vector u kept from update to update, so that each layer — and with
 * 1-Lipschitz activations D as a whole — is 1-Lipschitz: D cannot become arbitrarily steep, and G's gradients stay
 * informative.
 *
 * <p><b>Departure: a projection, not a reparametrisation.</b> The paper trains the unnormalised W and uses
 * W̄ = W/σ(W) in D's forward pass, so D's gradient flows through σ(W) (its equation 12 removes the component
 * ⟨∇, W̄⟩·u vᵀ). Here W itself is rescaled to W/σ̂ after each of D's updates (as Gouk et al. 2018 enforce
 * Lipschitz bounds), through {@code StepHook.afterDiscriminatorUpdate}, and at the start. Every forward pass — D's
 * own and the one G's gradient goes through — sees normalised weights, as in the paper; the difference is the
 * gradient step before each projection, which lacks the paper's correction term. Why: the step and its optimisers
 * stay untouched (a reparametrisation needs D's forward pass or its gradient rewritten before every other term is
 * added), and it composes with every other remedy. Also: u is refined by 10 iterations at the start (the paper
 * starts from a random u), then by {@code powerIterations} (the paper's 1) per update. Biases are not normalised
 * (as in the paper). MLP discriminators only: the weights are reached through {@link Mlp#weights(int)}.
 *
 * @param enabled         false is the plain GAN exactly
 * @param powerIterations power iterations per D update, &gt;= 1 (the paper: 1)
 */
public record SpectralNormalisation(boolean enabled, int powerIterations) implements Remedy {
    /** The catalog's name: {@code spectral-norm}. */
    public static final Catalogued CATALOG = Catalogued.of("spectral-norm", SpectralNormalisation::on);

    /** Power iterations at the start, so that the first projection uses a converged estimate. */
    public static final int WARM_UP_ITERATIONS = 10;
    private static final long SALT = 0x5BEC7AL;

    public SpectralNormalisation {
        Check.atLeast("powerIterations", powerIterations, 1);
    }

    /** The paper's setting: one power iteration per update. */
    public static SpectralNormalisation on() {
        return new SpectralNormalisation(true, 1);
    }

    /** Switched off: the plain GAN. */
    public static SpectralNormalisation off() {
        return new SpectralNormalisation(false, 1);
    }

    @Override
    public String label() {
        return enabled ? "spectral norm" : "spectral norm off";
    }

    @Override
    public boolean neutral() {
        return !enabled;
    }

    @Override
    public void check(GanConfig config, int dataDimension, int classes) {
        if (enabled && config.discriminatorArchitecture() != Architecture.MLP) {
            throw new IllegalArgumentException("discriminatorArchitecture must be MLP for spectral normalisation "
                    + "(it reaches the weights through nn.Mlp's layer views), was "
                    + config.discriminatorArchitecture());
        }
    }

    @Override
    public StepHook start(Setup setup) {
        Network d = setup.discriminator();
        if (!(d instanceof Mlp mlp)) {
            throw new IllegalStateException("discriminator must be an nn.Mlp for spectral normalisation, was "
                    + (d == null ? "null" : d.describe()));
        }
        return new State(mlp, setup.random(SALT), powerIterations);
    }

    /** One GAN's spectral normalisation: a vector u per layer, and σ̂ of each layer before its last projection. */
    public static final class State implements StepHook {
        private final Mlp d;
        private final INDArray[] u;
        private final double[] sigma;
        private final int iterations;

        State(Mlp d, SplittableRandom rng, int iterations) {
            this.d = d;
            this.iterations = iterations;
            int layers = d.spec().layers();
            this.u = new INDArray[layers];
            this.sigma = new double[layers];
            try (MemoryWorkspace out = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                for (int i = 0; i < layers; i++) {
                    double[] v = new double[d.spec().fanIn(i)];
                    double norm = 0;
                    for (int j = 0; j < v.length; j++) {
                        v[j] = rng.nextGaussian();
                        norm += v[j] * v[j];
                    }
                    for (int j = 0; j < v.length; j++) {
                        v[j] /= Math.sqrt(norm);
                    }
                    u[i] = NdArrays.of(v, 1, v.length, d.dataType());
                }
                project(WARM_UP_ITERATIONS);
            }
        }

        @Override
        public void afterDiscriminatorUpdate(StepContext context) {
            project(iterations);
        }

        /** σ̂ of each of D's layers before the last projection (after it, each is 1 up to the estimate's error). */
        public double[] sigmas() {
            return sigma.clone();
        }

        private void project(int n) {
            for (int i = 0; i < u.length; i++) {
                INDArray w = d.weights(i);                       // [fanIn, linearWidth]: x·W
                double s = 0;
                for (int k = 0; k < n; k++) {
                    INDArray v = u[i].mmul(w);                   // vᵀ ∝ uᵀW
                    v.divi(v.norm2Number());
                    INDArray wv = v.mmul(w.transpose());         // (W v)ᵀ
                    s = wv.norm2Number().doubleValue();          // σ̂ = uᵀ W v with u = Wv/‖Wv‖
                    u[i].assign(wv.divi(s));
                }
                sigma[i] = s;
                w.divi(s);
            }
        }
    }

    /**
     * The largest singular value of {@code w} by {@code iterations} power iterations from a fixed start, in
     * double precision (for tests and notebooks).
     */
    public static double largestSingularValue(INDArray w, int iterations) {
        Check.notNull("w", w);
        Check.atLeast("iterations", iterations, 1);
        double[][] m = NdArrays.rows(w);
        int rows = m.length;
        int cols = m[0].length;
        double[] u = new double[rows];
        Arrays.fill(u, 1 / Math.sqrt(rows));
        double s = 0;
        for (int k = 0; k < iterations; k++) {
            double[] v = new double[cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    v[j] += u[i] * m[i][j];
                }
            }
            double nv = Math.sqrt(Arrays.stream(v).map(x -> x * x).sum());
            double[] wv = new double[rows];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    wv[i] += m[i][j] * v[j] / nv;
                }
            }
            s = Math.sqrt(Arrays.stream(wv).map(x -> x * x).sum());
            for (int i = 0; i < rows; i++) {
                u[i] = wv[i] / s;
            }
        }
        return s;
    }
}
