package org.modecollapselab.remedy.unrolled;

import java.util.Arrays;
import org.modecollapselab.config.Architecture;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.gan.Catalogued;
import org.modecollapselab.nn.Activation;
import org.modecollapselab.nn.Network;
import org.modecollapselab.nn.SecondOrder;
import org.modecollapselab.objective.Objective;
import org.modecollapselab.step.GeneratorPhase;
import org.modecollapselab.step.Remedy;
import org.modecollapselab.step.Setup;
import org.modecollapselab.step.StepHook;
import org.modecollapselab.util.Check;
import org.modecollapselab.util.NdArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Unrolled GANs (Metz, Poole, Pfau and Sohl-Dickstein, "Unrolled Generative Adversarial Networks", ICLR 2017).
 * The generator is scored not against the current discriminator but against the discriminator k updates later:
 * its loss is {@code L_G(G, D_k)} with {@code D_{j+1} = D_j − η·∇L_D(G, D_j)}. A generator that jumps onto the
 * mode D currently likes is punished by D's anticipated response, so the cat-and-mouse hopping loses its point.
 *
 * <p>Two versions, always labelled: {@link Mode#EXACT} back-propagates through the k updates — the generator's
 * gradient includes how its samples change D's updates (second-order terms, computed as exact Hessian-vector
 * and mixed products by {@link SecondOrder#curvatureProducts}; needs a discriminator with piecewise-linear
 * activations and an objective with a curvature); {@link Mode#FIRST_ORDER} takes the gradient at {@code D_k} as if
 * D_k did not depend on G — cheaper, and known to lose much of the effect. The unrolled loss replaces G's objective
 * ({@link StepHook#generatorObjectiveWeight()} 0); D itself trains as usual. {@code steps = 0} is the plain GAN,
 * exactly. The look-ahead uses the configuration's objective for both D's updates and G's loss.
 *
 * <p>Departures from the paper: the k look-ahead updates are plain gradient descent with rate η (the paper unrolls
 * D's own optimiser, Adam, with its state), on the step's last real batch and the generator's current fakes
 * (the paper's code also reuses one batch). Remedy terms other hooks add to D's loss are not unrolled.
 *
 * @param steps        look-ahead updates k, &gt;= 0 (0: the plain GAN)
 * @param learningRate η of the look-ahead updates, &gt; 0
 * @param mode         exact or first-order
 */
public record Unrolling(int steps, double learningRate, Mode mode) implements Remedy {
    /** The catalog's names: {@code unrolled[:k]} (exact, default k = 5) and {@code unrolled-first-order[:k]}. */
    public static final Catalogued CATALOG = Catalogued.integer("unrolled", "k", 5, Unrolling::exact);
    public static final Catalogued CATALOG_FIRST_ORDER = Catalogued.integer("unrolled-first-order", "k", 5,
            Unrolling::firstOrder);

    /** Whether the generator's gradient flows through the look-ahead updates. */
    public enum Mode {
        /** Back-propagate through all k updates (the paper's method). */
        EXACT,
        /** Ignore D_k's dependence on G: the gradient at the look-ahead discriminator only. */
        FIRST_ORDER
    }

    /**
     * Default look-ahead learning rate η (plain gradient descent on D's standard loss). Chosen on the teaching ring
     * with {@code GanConfig.ringCollapse()} (seed 1, k = 5, 2,000 steps): η = 0.5 stopped G from learning at all
     * (0/8 modes), η = 0.05 and 0.01 covered 8/8 modes with 84% and 91% high-quality samples.
     */
    public static final double DEFAULT_LEARNING_RATE = 0.05;

    public Unrolling {
        Check.atLeast("steps", steps, 0);
        Check.positive("learningRate", learningRate);
        Check.notNull("mode", mode);
    }

    /** Exact unrolling, k steps, default η. */
    public static Unrolling exact(int steps) {
        return new Unrolling(steps, DEFAULT_LEARNING_RATE, Mode.EXACT);
    }

    /** First-order unrolling (no second-order terms), k steps, default η. */
    public static Unrolling firstOrder(int steps) {
        return new Unrolling(steps, DEFAULT_LEARNING_RATE, Mode.FIRST_ORDER);
    }

    public Unrolling withLearningRate(double eta) {
        return new Unrolling(steps, eta, mode);
    }

    /** "unrolled k=5 (exact)" or "unrolled k=5 (first-order)". */
    @Override
    public String label() {
        return "unrolled k=" + steps + (mode == Mode.EXACT ? " (exact)" : " (first-order)");
    }

    @Override
    public boolean neutral() {
        return steps == 0;
    }

    @Override
    public String toString() {
        return label() + ", η=" + learningRate;
    }

    @Override
    public void check(GanConfig config, int dataDimension, int classes) {
        if (steps > 0 && config.dataType() == DataType.FLOAT
                && learningRate > Float.MAX_VALUE) {
            throw new IllegalArgumentException("learningRate must be <= " + Float.MAX_VALUE + " (the largest FLOAT, the "
                    + "parameters' data type) for unrolling's look-ahead, was " + learningRate);
        }
        if (mode != Mode.EXACT || steps == 0) {
            return;
        }
        if (!config.discriminatorArchitecture().secondOrder()) {
            throw new IllegalArgumentException("discriminatorArchitecture must give exact second-order products for "
                    + "exact unrolling, was " + config.discriminatorArchitecture() + " (use Mode.FIRST_ORDER)");
        }
        Activation a = config.discriminatorActivation();
        if (config.discriminatorArchitecture() == Architecture.MLP
                && a != Activation.IDENTITY && a != Activation.RELU && a != Activation.LEAKY_RELU) {
            throw new IllegalArgumentException("discriminatorActivation must be piecewise linear (IDENTITY, RELU, "
                    + "LEAKY_RELU) for exact unrolling, was " + a + " (use Mode.FIRST_ORDER)");
        }
        if (config.discriminatorDropout() > 0) {
            throw new IllegalArgumentException("discriminatorDropout must be 0 for exact unrolling (its curvature "
                    + "products have no dropout masks), was " + config.discriminatorDropout() + " (use Mode.FIRST_ORDER)");
        }
        if (!config.objective().hasCurvature()) {
            throw new IllegalArgumentException("objective must have a discriminator curvature for exact unrolling, "
                    + "was " + config.objective().label() + " (use Mode.FIRST_ORDER)");
        }
    }

    @Override
    public StepHook start(Setup setup) {
        requireSecondOrder(setup.discriminator());
        LookAhead look = new LookAhead();
        return new StepHook() {
            @Override
            public double generatorObjectiveWeight() {
                return 0;
            }

            @Override
            public double generatorTerms(GeneratorPhase g) {
                Result r = look.run(g.discriminator(), g.real(), g.discriminatorPass().input(), g.objective());
                g.fakeGradient().addi(g.fromDiscriminator(r.fakeGradient()));
                return r.loss();
            }
        };
    }

    /**
     * The unrolled generator loss and its gradient.
     *
     * @param loss         the generator's loss at the look-ahead discriminator D_k
     * @param fakeGradient ∂loss/∂fake (as D sees the fakes): total derivative for EXACT, partial at D_k for
     *                     FIRST_ORDER
     */
    public record Result(double loss, INDArray fakeGradient) {
        public Result {
            Check.notNull("fakeGradient", fakeGradient);
        }
    }

    /**
     * Unrolls k look-ahead updates of (a copy of) {@code d} on {@code real} and {@code fake} (rows as D sees them)
     * under {@code objective} and returns the generator's loss at D_k with its gradient with respect to
     * {@code fake}. {@code d} is left unchanged.
     */
    public Result lookAhead(Network d, INDArray real, INDArray fake, Objective objective) {
        Check.notNull("d", d);
        Check.matrix("real", real, -1, d.inputs());
        Check.matrix("fake", fake, -1, d.inputs());
        Check.notNull("objective", objective);
        requireSecondOrder(d);
        return new LookAhead().run(d, real, fake, objective);
    }

    /** Exact unrolling needs exact second-order products of D (a piecewise-linear MLP without batch norm). */
    private void requireSecondOrder(Network d) {
        if (mode == Mode.EXACT && !(d instanceof SecondOrder so && so.piecewiseLinear())) {
            throw new IllegalArgumentException("discriminator must give exact second-order products (a "
                    + "piecewise-linear MLP without batch norm) for exact unrolling, was " + d.describe()
                    + " (use Mode.FIRST_ORDER)");
        }
    }

    /** The look-ahead's scratch copy of D and its k parameter slots, made once outside any workspace. */
    private final class LookAhead {
        private Network scratch;
        private INDArray[] history;

        Result run(Network d, INDArray real, INDArray fake, Objective objective) {
            Network s = scratch(d);
            int nr = (int) real.rows();
            int nf = (int) fake.rows();
            INDArray both = Nd4j.vstack(real, fake);
            s.parameters().assign(d.parameters());
            // Each look-ahead update's pass and loss derivatives are kept (in the step's workspace) for the way back.
            Network.Pass[] passes = new Network.Pass[steps];
            INDArray[][] derivatives = new INDArray[steps][];
            for (int j = 0; j < steps; j++) {
                history[j].assign(s.parameters());
                passes[j] = s.forward(both);
                derivatives[j] = discriminatorDerivatives(objective, passes[j], nr, nf);
                s.zeroGradients();
                s.backward(passes[j], derivatives[j][0], true, false);
                s.parameters().subi(s.gradients().mul(learningRate));
            }
            // The generator's loss at D_k, its gradient w.r.t. the fakes and (for the exact version) w.r.t. D_k.
            Network.Pass at = s.forward(fake);
            double[] outputs = NdArrays.values(at.output());
            double[] gl = new double[nf];
            double loss = objective.generatorLoss(outputs, gl);
            s.zeroGradients();
            INDArray fakeGradient = s.backward(at, NdArrays.of(gl, nf, 1, d.dataType()), mode == Mode.EXACT, true);
            if (mode == Mode.EXACT) {
                // Reverse through D_{j+1} = D_j − η·g(D_j, fake): with λ = ∂L/∂D_{j+1},
                //   ∂L/∂fake += −η·∂(λ·g)/∂fake   and   ∂L/∂D_j = λ − η·H(D_j)·λ.
                SecondOrder so = (SecondOrder) s;
                INDArray lambda = s.gradients().dup();
                for (int j = steps - 1; j >= 0; j--) {
                    s.parameters().assign(history[j]);   // the products use D_j's weights with D_j's pass
                    SecondOrder.CurvatureProducts cp = so.curvatureProducts(passes[j], derivatives[j][0],
                            derivatives[j][1], lambda);
                    fakeGradient.subi(cp.inputGradient().get(NDArrayIndex.interval(nr, nr + nf), NDArrayIndex.all())
                            .mul(learningRate));
                    lambda.subi(cp.hessianVector().muli(learningRate));
                }
            }
            return new Result(loss, fakeGradient);
        }

        private Network scratch(Network d) {
            if (scratch == null || scratch.parameterCount() != d.parameterCount()
                    || scratch.dataType() != d.dataType()) {
                try (MemoryWorkspace out = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                    scratch = d.copy();
                    history = new INDArray[steps];
                    for (int j = 0; j < steps; j++) {
                        history[j] = d.parameters().dup();
                    }
                }
            }
            return scratch;
        }
    }

    /**
     * D's objective loss on [real; fake] rows: {∂L_D/∂outputs, ∂²L_D/∂outputs²} as columns (the curvature only
     * for the exact version).
     */
    private INDArray[] discriminatorDerivatives(Objective objective, Network.Pass pass, int nr, int nf) {
        double[] outputs = NdArrays.values(pass.output());
        double[] realLogits = Arrays.copyOfRange(outputs, 0, nr);
        double[] fakeLogits = Arrays.copyOfRange(outputs, nr, nr + nf);
        double[] realGradient = new double[nr];
        double[] fakeGradient = new double[nf];
        objective.discriminatorLoss(realLogits, fakeLogits, realGradient, fakeGradient);
        var type = pass.output().dataType();
        INDArray gradient = NdArrays.of(concat(realGradient, fakeGradient), nr + nf, 1, type);
        if (mode != Mode.EXACT) {
            return new INDArray[] {gradient, null};
        }
        double[] realCurvature = new double[nr];
        double[] fakeCurvature = new double[nf];
        objective.discriminatorCurvature(realLogits, fakeLogits, realCurvature, fakeCurvature);
        return new INDArray[] {gradient, NdArrays.of(concat(realCurvature, fakeCurvature), nr + nf, 1, type)};
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
