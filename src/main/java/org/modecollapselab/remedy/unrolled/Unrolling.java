package org.modecollapselab.remedy.unrolled;

import org.modecollapselab.gan.GanConfig;
import org.modecollapselab.gan.GeneratorLoss;
import org.modecollapselab.gan.Losses;
import org.modecollapselab.gan.StepHook;
import org.modecollapselab.nn.Activation;
import org.modecollapselab.nn.Mlp;
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
 * and mixed products by {@link Mlp#curvatureProducts}; needs a discriminator with piecewise-linear activations);
 * {@link Mode#FIRST_ORDER} takes the gradient at {@code D_k} as if D_k did not depend on G — cheaper, and known
 * to lose much of the effect. Only the generator's update looks ahead; D itself trains as usual. {@code steps = 0}
 * is the plain GAN, exactly.
 *
 * <p>Departures from the paper: the k look-ahead updates are plain gradient descent with rate η (the paper unrolls
 * D's own optimiser, Adam, with its state), on the step's last real batch and the generator's current fakes
 * (the paper's code also reuses one batch). Remedy terms other hooks add to D's loss are not unrolled.
 */
public final class Unrolling implements StepHook {
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

    private final int steps;
    private final double learningRate;
    private final Mode mode;
    private Mlp scratch;
    private INDArray[] history;
    private INDArray real;

    /**
     * @param steps        look-ahead updates k, &gt;= 0 (0: the plain GAN)
     * @param learningRate η of the look-ahead updates, &gt; 0
     * @param mode         exact or first-order
     */
    public Unrolling(int steps, double learningRate, Mode mode) {
        this.steps = Check.atLeast("steps", steps, 0);
        this.learningRate = Check.positive("learningRate", learningRate);
        this.mode = Check.notNull("mode", mode);
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

    public int steps() {
        return steps;
    }

    public double learningRate() {
        return learningRate;
    }

    public Mode mode() {
        return mode;
    }

    /** "unrolled k=5 (exact)" or "unrolled k=5 (first-order)". */
    public String label() {
        return "unrolled k=" + steps + (mode == Mode.EXACT ? " (exact)" : " (first-order)");
    }

    @Override
    public String toString() {
        return label() + ", η=" + learningRate;
    }

    @Override
    public void check(GanConfig config, int dataDimension) {
        Activation a = config.discriminatorActivation();
        if (mode == Mode.EXACT && steps > 0
                && a != Activation.IDENTITY && a != Activation.RELU && a != Activation.LEAKY_RELU) {
            throw new IllegalArgumentException("discriminatorActivation must be piecewise linear (IDENTITY, RELU, "
                    + "LEAKY_RELU) for exact unrolling, was " + a + " (use Mode.FIRST_ORDER)");
        }
    }

    @Override
    public double discriminatorTerms(DiscriminatorBatch batch) {
        real = batch.real();   // the step's last real batch, as D sees it; lives until the step ends
        return 0;
    }

    @Override
    public double generatorTerms(GeneratorBatch batch) {
        if (steps == 0) {
            return 0;
        }
        Mlp d = batch.gan().discriminator();
        INDArray fake = batch.discriminatorPass().inputs()[0];
        Result r = lookAhead(d, real, fake, batch.gan().config().loss());
        batch.fakeGradient().assign(batch.gan().fromDiscriminator(r.fakeGradient()));
        return r.loss() - batch.baseLoss();
    }

    /**
     * The unrolled generator loss and its gradient.
     *
     * @param loss         the generator's loss at the look-ahead discriminator D_k
     * @param fakeGradient ∂loss/∂fake (as D sees the fakes): total derivative for EXACT, partial at D_k for
     *                     FIRST_ORDER
     */
    public record Result(double loss, INDArray fakeGradient) {
    }

    /**
     * Unrolls k look-ahead updates of (a copy of) {@code d} on {@code real} and {@code fake} (rows as D sees them)
     * and returns the generator's loss at D_k with its gradient with respect to {@code fake}. {@code d} is left
     * unchanged.
     */
    public Result lookAhead(Mlp d, INDArray real, INDArray fake, GeneratorLoss generatorLoss) {
        Check.notNull("real", real);
        Mlp s = scratch(d);
        int nr = (int) real.rows();
        int nf = (int) fake.rows();
        INDArray both = Nd4j.vstack(real, fake);
        s.parameters().assign(d.parameters());
        // Each look-ahead update's pass and loss derivatives are kept (in the step's workspace) for the way back.
        Mlp.Pass[] passes = new Mlp.Pass[steps];
        INDArray[][] derivatives = new INDArray[steps][];
        for (int j = 0; j < steps; j++) {
            history[j].assign(s.parameters());
            passes[j] = s.forward(both);
            derivatives[j] = discriminatorDerivatives(passes[j], nr, nf);
            s.zeroGradients();
            s.backward(passes[j], derivatives[j][0], true, false);
            s.parameters().subi(s.gradients().mul(learningRate));
        }
        // The generator's loss at D_k, its gradient w.r.t. the fakes and (for the exact version) w.r.t. D_k.
        Mlp.Pass at = s.forward(fake);
        double[] logits = at.output().toDoubleVector();
        double[] gl = new double[nf];
        double loss = Losses.generator(generatorLoss, logits, gl);
        s.zeroGradients();
        INDArray fakeGradient = s.backward(at, column(gl, d), mode == Mode.EXACT, true);
        if (mode == Mode.EXACT) {
            // Reverse through D_{j+1} = D_j − η·g(D_j, fake): with λ = ∂L/∂D_{j+1},
            //   ∂L/∂fake += −η·∂(λ·g)/∂fake   and   ∂L/∂D_j = λ − η·H(D_j)·λ.
            INDArray lambda = s.gradients().dup();
            for (int j = steps - 1; j >= 0; j--) {
                s.parameters().assign(history[j]);   // the products use D_j's weights with D_j's pass
                Mlp.CurvatureProducts cp = s.curvatureProducts(passes[j], derivatives[j][0], derivatives[j][1], lambda);
                fakeGradient.subi(cp.inputGradient().get(NDArrayIndex.interval(nr, nr + nf), NDArrayIndex.all())
                        .mul(learningRate));
                lambda.subi(cp.hessianVector().muli(learningRate));
            }
        }
        return new Result(loss, fakeGradient);
    }

    /**
     * D's standard loss on [real; fake] rows: {∂L_D/∂logits, ∂²L_D/∂logits²} as columns (see
     * {@link Losses#discriminator}).
     */
    private static INDArray[] discriminatorDerivatives(Mlp.Pass pass, int nr, int nf) {
        double[] logits = pass.output().toDoubleVector();
        double[] lr = java.util.Arrays.copyOfRange(logits, 0, nr);
        double[] lf = java.util.Arrays.copyOfRange(logits, nr, nr + nf);
        double[] gr = new double[nr];
        double[] gf = new double[nf];
        Losses.discriminator(lr, lf, 1.0, gr, gf);
        double[] g = new double[nr + nf];
        double[] c = new double[nr + nf];
        System.arraycopy(gr, 0, g, 0, nr);
        System.arraycopy(gf, 0, g, nr, nf);
        for (int i = 0; i < nr + nf; i++) {
            double p = Losses.sigmoid(logits[i]);
            c[i] = p * (1 - p) / (i < nr ? nr : nf);   // each side's loss is a mean over its rows
        }
        DataType type = pass.output().dataType();
        return new INDArray[] {NdArrays.of(g, nr + nf, 1, type), NdArrays.of(c, nr + nf, 1, type)};
    }

    private static INDArray column(double[] v, Mlp like) {
        return NdArrays.of(v, v.length, 1, like.dataType());
    }

    /** A scratch copy of D's shape and k parameter slots, made once outside any workspace. */
    private Mlp scratch(Mlp d) {
        if (scratch == null || !scratch.spec().equals(d.spec()) || scratch.dataType() != d.dataType()) {
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
