package org.modecollapselab.remedy.minibatch;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.modecollapselab.gan.Catalogued;
import org.modecollapselab.nn.Optimizer;
import org.modecollapselab.nn.OptimizerSpec;
import org.modecollapselab.step.DiscriminatorPhase;
import org.modecollapselab.step.InputTransform;
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
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Minibatch discrimination (Salimans, Goodfellow, Zaremba, Cheung, Radford and Chen, "Improved Techniques for
 * Training GANs", 2016, section 3.2). Next to each sample the discriminator sees how close it is to the other
 * samples of its batch, through B learned similarity kernels; a collapsed generator's batch is suspiciously
 * self-similar, so D can reject it as a whole and G is pushed to spread out.
 *
 * <p>For sample i with features f_i, M_i = f_i·T is a B×C matrix (T is learned with D's loss and optimiser);
 * {@code o_ib = mean over j ≠ i of exp(−‖M_ib − M_jb‖₁)}; D's input is [f_i, o_i]. Real and generated batches are
 * scored separately, as in the paper. {@code kernels = 0} is the plain GAN, exactly.
 *
 * <p>Departures from the paper: the features f are D's input (the samples, standardised) rather than D's
 * penultimate layer — for 1-D and 2-D toy data the samples are the natural features, and D stays a plain network;
 * the kernel sums are averaged over the other samples (the paper sums them), so the feature does not grow with
 * the batch size; T starts at N(0, 1/width) rather than N(0, 0.05²), scaled for a few input features instead of
 * a thousand.
 *
 * @param kernels   B, similarity kernels (extra inputs of D), &gt;= 0 (0: the plain GAN)
 * @param kernelDim C, dimension of each kernel's projection, &gt;= 1
 */
public record MinibatchDiscrimination(int kernels, int kernelDim) implements Remedy {
    /** The catalog's name: {@code minibatch[:B]}, B kernels of dimension 5 (default 8). */
    public static final Catalogued CATALOG = Catalogued.integer("minibatch", "B", 8, MinibatchDiscrimination::of);

    /** Tells this remedy's random stream (T's initialisation) apart from other remedies'. */
    private static final long SALT = 0x4D424DL;

    public MinibatchDiscrimination {
        Check.atLeast("kernels", kernels, 0);
        Check.atLeast("kernelDim", kernelDim, 1);
    }

    /** B kernels of dimension 5 (the paper's code uses 5 dimensions per kernel). */
    public static MinibatchDiscrimination of(int kernels) {
        return new MinibatchDiscrimination(kernels, 5);
    }

    @Override
    public String label() {
        return "minibatch B=" + kernels;
    }

    @Override
    public boolean neutral() {
        return kernels == 0;
    }

    @Override
    public String toString() {
        return "minibatch discrimination B=" + kernels + ", C=" + kernelDim;
    }

    @Override
    public int discriminatorInputWidth(int width) {
        return width + kernels;
    }

    /** New kernels T for inputs {@code width} wide, drawn from {@code seed}: the state one GAN trains. */
    public Kernels newKernels(int width, long seed, DataType dataType) {
        Check.atLeast("width", width, 1);
        Check.floating("dataType", dataType);
        return new Kernels(kernels, kernelDim, width, new SplittableRandom(seed), dataType);
    }

    /** The same in double precision (for notebooks and tests). */
    public Kernels newKernels(int width, long seed) {
        return newKernels(width, seed, DataType.DOUBLE);
    }

    /** Kernels initialised from this remedy's random stream, trained with D's optimiser settings. */
    @Override
    public StepHook start(Setup setup) {
        Kernels k = new Kernels(kernels, kernelDim, setup.inputWidth(), setup.random(SALT),
                setup.config().dataType());
        return new State(k, setup.config().discriminatorOptimizer());
    }

    /**
     * One GAN's minibatch discrimination: the kernels, their optimiser, and the transform that appends the kernel
     * features to what D sees. T's gradient from D's loss (real and generated batches) is accumulated in double
     * precision and applied at D's update.
     */
    public static final class State implements StepHook, InputTransform {
        private final Kernels kernels;
        private final INDArray tGrad;
        private final Optimizer optimizer;
        private final double[] dT;

        State(Kernels kernels, OptimizerSpec optimizer) {
            this.kernels = kernels;
            try (MemoryWorkspace out = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                this.tGrad = kernels.t.ulike().assign(0);
                this.optimizer = new Optimizer(optimizer, kernels.t, tGrad);
            }
            this.dT = new double[(int) kernels.t.length()];
        }

        public Kernels kernels() {
            return kernels;
        }

        @Override
        public InputTransform discriminatorInput() {
            return this;
        }

        @Override
        public boolean trainable() {
            return true;
        }

        @Override
        public Applied apply(INDArray x, int[] labels) {
            Kernels.Cache f = kernels.forward(NdArrays.rows(x));
            INDArray out = Nd4j.hstack(x, NdArrays.of(f.o(), x.dataType()));
            return new Applied() {
                @Override
                public INDArray output() {
                    return out;
                }

                @Override
                public INDArray backward(INDArray g, boolean accumulateParams, boolean needInputGradient) {
                    int w = kernels.width;
                    double[][] gO = NdArrays.rows(g.get(NDArrayIndex.all(), NDArrayIndex.interval(w, w + kernels.kernels)));
                    double[][] dx = kernels.backward(f, gO, accumulateParams ? dT : null);
                    if (!needInputGradient) {
                        return null;
                    }
                    // ∂/∂x = the direct part plus the part through the kernel features.
                    return g.get(NDArrayIndex.all(), NDArrayIndex.interval(0, w)).add(NdArrays.of(dx, g.dataType()));
                }
            };
        }

        /** Applies T's accumulated gradient with D's optimiser settings. */
        @Override
        public double discriminatorTerms(DiscriminatorPhase phase) {
            tGrad.assign(Nd4j.create(dT, new long[] {dT.length}, DataType.DOUBLE).castTo(tGrad.dataType()));
            Arrays.fill(dT, 0);
            optimizer.step();
            return 0;
        }
    }

    /** The kernels T and the minibatch features they give. */
    public static final class Kernels {
        private final int kernels;
        private final int kernelDim;
        private final int width;
        private final INDArray t;

        Kernels(int kernels, int kernelDim, int width, RandomGenerator rng, DataType dataType) {
            this.kernels = kernels;
            this.kernelDim = kernelDim;
            this.width = width;
            double[] v = new double[width * kernels * kernelDim];
            for (int i = 0; i < v.length; i++) {
                v[i] = rng.nextGaussian() / Math.sqrt(width);
            }
            // Kept across steps: created outside any workspace.
            try (MemoryWorkspace out = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                t = Nd4j.create(v, new long[] {v.length}, DataType.DOUBLE).castTo(dataType);
            }
        }

        /** The forward computation for one batch, kept for its backward pass: M = x·T flattened as [n][B·C], the
         * similarities e_ijb for i &lt; j flattened as [pair][B], and o [n][B]. */
        record Cache(double[][] x, double[] m, double[] similarity, double[][] o) {
        }

        /** The kernel parameters T as [width][kernels·kernelDim] (a copy). */
        public double[][] kernelTensor() {
            double[] v = t.toDoubleVector();
            double[][] out = new double[width][kernels * kernelDim];
            for (int k = 0; k < width; k++) {
                System.arraycopy(v, k * kernels * kernelDim, out[k], 0, kernels * kernelDim);
            }
            return out;
        }

        /** o [n, B] for x [n, width]: mean over j ≠ i of exp(−‖M_ib − M_jb‖₁). */
        public double[][] features(double[][] x) {
            Check.points("x", x, width);
            if (x.length < 2) {
                throw new IllegalArgumentException("x must have >= 2 rows for minibatch discrimination, was "
                        + x.length);
            }
            return forward(x).o;
        }

        /** ∂L/∂T for x [n, width] and gO = ∂L/∂o [n, B], laid out like T's rows (for gradient checks). */
        double[] kernelGradient(double[][] x, double[][] gO) {
            double[] grad = new double[kernels * kernelDim * width];
            backward(forward(x), gO, grad);
            return grad;
        }

        /** Overwrites T (for gradient checks). */
        void setKernelTensor(double[] v) {
            t.assign(Nd4j.create(v, new long[] {v.length}, DataType.DOUBLE).castTo(t.dataType()));
        }

        private Cache forward(double[][] x) {
            int n = x.length;
            if (n < 2) {
                throw new IllegalArgumentException("batch must have >= 2 rows for minibatch discrimination, was " + n);
            }
            double[] tv = t.toDoubleVector();
            int bc = kernels * kernelDim;
            double[] m = new double[n * bc];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < width; k++) {
                    double xi = x[i][k];
                    for (int j = 0; j < bc; j++) {
                        m[i * bc + j] += xi * tv[k * bc + j];
                    }
                }
            }
            // Negative L1 distances for every pair i < j and kernel, then exp of all of them in one vectorised ND4J op
            // (Math.exp one by one was most of the step at batch 256: n(n−1)/2·B ≈ 260,000 values per batch).
            double[] sim = new double[n * (n - 1) / 2 * kernels];
            int p = 0;
            for (int i = 0; i < n; i++) {
                int mi = i * bc;
                for (int j = i + 1; j < n; j++) {
                    int mj = j * bc;
                    for (int b = 0; b < kernels; b++, p++) {
                        double d = 0;
                        int off = b * kernelDim;
                        for (int c = 0; c < kernelDim; c++) {
                            d += Math.abs(m[mi + off + c] - m[mj + off + c]);
                        }
                        sim[p] = -d;
                    }
                }
            }
            sim = Transforms.exp(Nd4j.create(sim, new long[] {sim.length}, DataType.DOUBLE), false)
                    .toDoubleVector();
            double[][] o = new double[n][kernels];
            double scale = 1.0 / (n - 1);
            p = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    for (int b = 0; b < kernels; b++, p++) {
                        o[i][b] += sim[p] * scale;
                        o[j][b] += sim[p] * scale;
                    }
                }
            }
            return new Cache(x, m, sim, o);
        }

        /**
         * Back through the kernel features: from gO = ∂L/∂o [n, B], adds ∂L/∂T to {@code dT} (when not null) and
         * returns ∂L/∂x [n, width].
         */
        private double[][] backward(Cache f, double[][] gO, double[] dT) {
            int n = f.x.length;
            int bc = kernels * kernelDim;
            double[] m = f.m;
            double[] dm = new double[n * bc];
            double scale = 1.0 / (n - 1);
            int p = 0;
            for (int i = 0; i < n; i++) {
                int mi = i * bc;
                for (int j = i + 1; j < n; j++) {
                    int mj = j * bc;
                    for (int b = 0; b < kernels; b++, p++) {
                        // e_ij appears in o_i and o_j: ∂L/∂d_ij = −(gO_i + gO_j)·e_ij/(n − 1).
                        double a = (gO[i][b] + gO[j][b]) * f.similarity[p] * scale;
                        int off = b * kernelDim;
                        for (int c = 0; c < kernelDim; c++) {
                            double s = Math.signum(m[mi + off + c] - m[mj + off + c]) * a;
                            dm[mi + off + c] -= s;
                            dm[mj + off + c] += s;
                        }
                    }
                }
            }
            double[] tv = t.toDoubleVector();
            double[][] dx = new double[n][width];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < width; k++) {
                    double sx = 0;
                    for (int j = 0; j < bc; j++) {
                        double g = dm[i * bc + j];
                        sx += g * tv[k * bc + j];
                        if (dT != null) {
                            dT[k * bc + j] += f.x[i][k] * g;
                        }
                    }
                    dx[i][k] = sx;
                }
            }
            return dx;
        }
    }
}
