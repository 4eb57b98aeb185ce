package org.modecollapselab.remedy.gradientpenalty;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.modecollapselab.config.Architecture;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.gan.Catalogued;
import org.modecollapselab.nn.Activation;
import org.modecollapselab.nn.Network;
import org.modecollapselab.nn.SecondOrder;
import org.modecollapselab.step.DiscriminatorPhase;
import org.modecollapselab.step.Remedy;
import org.modecollapselab.step.Setup;
import org.modecollapselab.step.StepHook;
import org.modecollapselab.util.Broadcast;
import org.modecollapselab.util.Check;
import org.modecollapselab.util.NdArrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The gradient penalty (Gulrajani, Ahmed, Arjovsky, Dumoulin and Courville, "Improved Training of Wasserstein
 * GANs", 2017): D's loss gains {@code λ·E (‖∇ₓD(x̂)‖ − 1)²} at random interpolates x̂ = ε·x_real + (1 − ε)·x_fake,
 * ε ~ U[0, 1] per row — a soft version of the 1-Lipschitz constraint the Wasserstein critic needs, enforced where
 * it matters (between the data and the samples) instead of by clipping weights. The one-sided form
 * {@code λ·E max(0, ‖∇ₓD(x̂)‖ − 1)²} (the paper's appendix; Petzka et al. 2018) penalises only slopes above 1.
 *
 * <p>The penalty's gradient with respect to D's parameters is a derivative of an input gradient; it is computed
 * <em>exactly</em>, as explicit ND4J ops ({@link SecondOrder#inputDirectionGradient}), and checked against finite
 * differences. That needs a D whose units are piecewise linear — linear, ReLU, leaky ReLU, maxout — so that the
 * product is exact; TANH and SIGMOID units (their second derivatives) and batch normalisation in D (the paper's
 * reason for leaving it out: it couples the rows that the penalty treats separately) are refused by name.
 *
 * <p>It is a remedy on D's loss and works with any objective (WGAN-GP is {@code Objective.wasserstein()} with this
 * penalty; the catalog's {@code wgan-gp} setting bundles them). It uses D's first output (an auxiliary head's columns
 * are not penalised) and interpolates between the real and generated rows as D sees them, after any remedy's input
 * transform (packs are interpolated pack by pack). λ = 0 is the plain GAN exactly. Departure: the penalty is not
 * unrolled by exact unrolling (remedy terms on D's loss are not).
 *
 * @param lambda λ, finite and &gt;= 0 (the paper's 10)
 * @param form   two-sided (the paper's) or one-sided
 */
public record GradientPenalty(double lambda, Form form) implements Remedy {
    /** The paper's λ. */
    public static final double PAPER_LAMBDA = 10;

    /** The catalog's name: {@code gradient-penalty[:λ]}, two-sided, on any objective (default λ = 10). */
    public static final Catalogued CATALOG = Catalogued.number("gradient-penalty", "λ", PAPER_LAMBDA,
            GradientPenalty::of);

    /** Which slopes the penalty pushes towards 1. */
    public enum Form {
        /** (‖∇‖ − 1)²: every slope towards 1 (the paper's). */
        TWO_SIDED,
        /** max(0, ‖∇‖ − 1)²: only slopes above 1. */
        ONE_SIDED
    }

    public GradientPenalty {
        Check.nonNegative("lambda", lambda);
        Check.notNull("form", form);
    }

    /** The two-sided penalty with weight λ. */
    public static GradientPenalty of(double lambda) {
        return new GradientPenalty(lambda, Form.TWO_SIDED);
    }

    /** The one-sided penalty with weight λ. */
    public static GradientPenalty oneSided(double lambda) {
        return new GradientPenalty(lambda, Form.ONE_SIDED);
    }

    /** "GP λ=10" or "one-sided GP λ=10". */
    @Override
    public String label() {
        String l = lambda == Math.rint(lambda) ? Long.toString((long) lambda) : Double.toString(lambda);
        return (form == Form.ONE_SIDED ? "one-sided GP λ=" : "GP λ=") + l;
    }

    @Override
    public boolean neutral() {
        return lambda == 0;
    }

    @Override
    public String toString() {
        return label();
    }

    /** Refuses an MLP discriminator with TANH or SIGMOID units (other architectures are checked at start). */
    @Override
    public void check(GanConfig config, int dataDimension, int classes) {
        if (neutral() || config.discriminatorArchitecture() != Architecture.MLP) {
            return;
        }
        Activation a = config.discriminatorActivation();
        if (a != Activation.IDENTITY && a != Activation.RELU && a != Activation.LEAKY_RELU) {
            throw new IllegalArgumentException("discriminatorActivation must be piecewise linear (IDENTITY, RELU, "
                    + "LEAKY_RELU, with or without maxout) for the exact gradient penalty, was " + a
                    + " (its second derivative is not zero)");
        }
    }

    @Override
    public StepHook start(Setup setup) {
        requireSupported(setup.discriminator());
        SplittableRandom random = setup.random(0x6E4A1L);
        return new StepHook() {
            @Override
            public double discriminatorTerms(DiscriminatorPhase phase) {
                int n = (int) phase.real().rows();
                double[] mix = new double[n];
                for (int i = 0; i < n; i++) {
                    mix[i] = random.nextDouble();
                }
                Penalty p = penalty(phase.discriminator(), phase.real(), phase.fake(), mix);
                phase.discriminator().gradients().addi(p.parameterGradient());
                return p.loss();
            }
        };
    }

    /**
     * The penalty on one batch and its exact gradient with respect to D's parameters.
     *
     * @param loss              λ·mean φ(‖∇ₓD(x̂_r)‖)
     * @param parameterGradient ∂loss/∂θ, laid out like D's parameters
     * @param meanNorm          mean ‖∇ₓD(x̂_r)‖ over the rows (a diagnostic: 1 for a critic that meets the
     *                          constraint)
     */
    public record Penalty(double loss, INDArray parameterGradient, double meanNorm) {
        public Penalty {
            Check.notNull("parameterGradient", parameterGradient);
        }
    }

    /**
     * The penalty at x̂_r = mix_r·real_r + (1 − mix_r)·fake_r, rows as D sees them, and its gradient with respect to
     * D's parameters; D and its gradients are left unchanged.
     *
     * @param mix ε per row, in [0, 1]
     */
    public Penalty penalty(Network d, INDArray real, INDArray fake, double[] mix) {
        Check.notNull("d", d);
        Check.notNull("real", real);
        Check.notNull("fake", fake);
        Check.notNull("mix", mix);
        requireSupported(d);
        if (real.rank() != 2 || fake.rank() != 2 || real.rows() != fake.rows() || real.columns() != d.inputs()
                || fake.columns() != d.inputs()) {
            throw new IllegalArgumentException("real and fake must both have shape [rows, " + d.inputs()
                    + "] with equal rows, were " + Arrays.toString(real.shape()) + " and "
                    + Arrays.toString(fake.shape()));
        }
        int n = (int) real.rows();
        if (mix.length != n) {
            throw new IllegalArgumentException("mix must have one value per row (" + n + "), was " + mix.length);
        }
        for (int i = 0; i < n; i++) {
            Check.inRange("mix[" + i + "]", mix[i], 0, 1);
        }
        var type = d.dataType();
        INDArray interpolates = Broadcast.muliColumn(real.sub(fake), NdArrays.of(mix, n, 1, type)).addi(fake);
        Network.Pass pass = d.forward(interpolates);
        int outputs = d.outputs();
        double[] first = new double[n * outputs];
        for (int i = 0; i < n; i++) {
            first[i * outputs] = 1;
        }
        INDArray outputWeights = NdArrays.of(first, n, outputs, type);
        double[] g = NdArrays.values(d.backward(pass, outputWeights, false, true));
        int width = d.inputs();
        double[] direction = new double[g.length];
        double loss = 0;
        double norms = 0;
        for (int r = 0; r < n; r++) {
            double sq = 0;
            for (int j = 0; j < width; j++) {
                sq += g[r * width + j] * g[r * width + j];
            }
            double norm = Math.sqrt(sq);
            norms += norm / n;
            double excess = form == Form.ONE_SIDED ? Math.max(0, norm - 1) : norm - 1;
            loss += lambda * excess * excess / n;
            // ∂/∂(∇ₓD(x̂_r)) of λ/n·φ(‖·‖): λ/n·2·excess·∇/‖∇‖ (zero where the gradient vanishes: a subgradient).
            double scale = norm > 0 ? lambda * 2 * excess / (n * norm) : 0;
            for (int j = 0; j < width; j++) {
                direction[r * width + j] = scale * g[r * width + j];
            }
        }
        INDArray gradient = ((SecondOrder) d).inputDirectionGradient(pass, outputWeights,
                NdArrays.of(direction, n, width, type));
        return new Penalty(loss, gradient, norms);
    }

    /** The exact penalty needs exact second-order products of D: a piecewise-linear network without batch norm. */
    private static void requireSupported(Network d) {
        if (!(d instanceof SecondOrder so)) {
            throw new IllegalArgumentException("discriminator must give exact second-order products (nn.SecondOrder) "
                    + "for the exact gradient penalty, was " + d.describe());
        }
        String unsupported = so.unsupportedLayers();
        if (unsupported != null || !so.piecewiseLinear()) {
            throw new IllegalArgumentException("discriminator must have only linear, ReLU, leaky ReLU or maxout "
                    + "layers for the exact gradient penalty, but " + d.describe() + " has " + unsupported);
        }
    }
}
