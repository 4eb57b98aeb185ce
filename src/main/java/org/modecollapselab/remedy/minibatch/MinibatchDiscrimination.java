package org.modecollapselab.remedy.minibatch;

import java.util.SplittableRandom;
import org.modecollapselab.gan.GanConfig;
import org.modecollapselab.gan.Optimizer;
import org.modecollapselab.gan.StepHook;
import org.modecollapselab.util.Check;
import org.modecollapselab.util.NdArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

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
 * penultimate layer — for 1-D and 2-D toy data the samples are the natural features, and D stays a plain MLP;
 * the kernel sums are averaged over the other samples (the paper sums them), so the feature does not grow with
 * the batch size; T starts at N(0, 1/width) rather than N(0, 0.05²), scaled for a few input features instead of
 * a thousand.
 */
public final class MinibatchDiscrimination implements StepHook {
    private final int kernels;
    private final int kernelDim;
    private int width;
    private long seed;
    private GanConfig config;
    private INDArray t;
    private INDArray tGrad;
    private Optimizer optimizer;
    private Cache last;
    /** This step's forward computations by the array handed to D, so D's update need not repeat them. */
    private final java.util.Map<INDArray, Cache> seen = new java.util.IdentityHashMap<>();

    /**
     * @param kernels   B, similarity kernels (extra inputs of D), &gt;= 0 (0: the plain GAN)
     * @param kernelDim C, dimension of each kernel's projection, &gt;= 1
     */
    public MinibatchDiscrimination(int kernels, int kernelDim) {
        this.kernels = Check.atLeast("kernels", kernels, 0);
        this.kernelDim = Check.atLeast("kernelDim", kernelDim, 1);
    }

    /** B kernels of dimension 5 (the paper's code uses 5 dimensions per kernel). */
    public static MinibatchDiscrimination of(int kernels) {
        return new MinibatchDiscrimination(kernels, 5);
    }

    public int kernels() {
        return kernels;
    }

    public int kernelDim() {
        return kernelDim;
    }

    @Override
    public String toString() {
        return "minibatch discrimination B=" + kernels + ", C=" + kernelDim;
    }

    @Override
    public void check(GanConfig config, int dataDimension) {
        this.config = config;
        this.seed = config.seed() ^ 0x4D424DL;
    }

    @Override
    public int discriminatorInputWidth(int w) {
        width = w;
        if (kernels > 0) {
            // Created once per GAN, outside the step's workspace: a hook instance belongs to one GAN.
            try (MemoryWorkspace out = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                SplittableRandom rng = new SplittableRandom(seed);
                double[] v = new double[w * kernels * kernelDim];
                for (int i = 0; i < v.length; i++) {
                    v[i] = rng.nextGaussian() / Math.sqrt(w);
                }
                t = Nd4j.create(v, new long[] {v.length}, DataType.DOUBLE).castTo(config.dataType());
                tGrad = t.ulike().assign(0);
                optimizer = new Optimizer(config.discriminatorOptimizer(), t, tGrad);
            }
        }
        return w + kernels;
    }

    @Override
    public INDArray toDiscriminator(INDArray samples) {
        if (kernels == 0) {
            return samples;
        }
        last = forward(matrix(samples));
        INDArray o = array(last.o, samples.dataType());
        INDArray out = Nd4j.hstack(samples, o);
        seen.put(out, last);
        return out;
    }

    @Override
    public INDArray fromDiscriminator(INDArray inputGradient) {
        if (kernels == 0) {
            return inputGradient;
        }
        // ∂/∂x = the direct part plus the part through the kernel features of the batch last passed forward.
        INDArray direct = inputGradient.get(NDArrayIndex.all(), NDArrayIndex.interval(0, width));
        double[][] gO = matrix(inputGradient.get(NDArrayIndex.all(), NDArrayIndex.interval(width, width + kernels)));
        double[][] dx = backward(last, gO, null);
        return direct.add(array(dx, inputGradient.dataType()));
    }

    @Override
    public void beforeStep(org.modecollapselab.gan.Gan gan, int step) {
        seen.clear();
    }

    @Override
    public void afterStep(org.modecollapselab.gan.Gan gan, org.modecollapselab.gan.StepStats stats) {
        seen.clear();   // the arrays belong to the step's workspace
        last = null;
    }

    @Override
    public double discriminatorTerms(DiscriminatorBatch batch) {
        if (kernels == 0) {
            return 0;
        }
        // D's loss reaches T through the kernel features of both batches: ∂L/∂(D input), then back through them.
        INDArray gx = batch.discriminator().backward(batch.pass(), batch.outputGradient(), false, true);
        long nr = batch.real().rows();
        long n = gx.rows();
        double[] dT = new double[(int) t.length()];
        INDArray[] rows = {batch.real(), batch.fake()};
        long[][] ranges = {{0, nr}, {nr, n}};
        for (int k = 0; k < 2; k++) {
            Cache f = seen.get(rows[k]);
            if (f == null) {   // another hook changed the batch after this one: recompute
                f = forward(matrix(rows[k].get(NDArrayIndex.all(), NDArrayIndex.interval(0, width))));
            }
            double[][] gO = matrix(gx.get(NDArrayIndex.interval(ranges[k][0], ranges[k][1]),
                    NDArrayIndex.interval(width, width + kernels)));
            backward(f, gO, dT);
        }
        tGrad.assign(Nd4j.create(dT, new long[] {dT.length}, DataType.DOUBLE).castTo(tGrad.dataType()));
        optimizer.step();
        return 0;
    }

    private static double[][] matrix(INDArray a) {
        return NdArrays.rows(a);
    }

    private static INDArray array(double[][] m, DataType type) {
        return NdArrays.of(m, type);
    }

    /**
     * The forward computation for one batch x [n, width], kept for its backward pass: M = x·T flattened as
     * [n][B·C], the similarities e_ijb for i &lt; j flattened as [pair][B], and o [n][B].
     */
    private record Cache(double[][] x, double[] m, double[] similarity, double[][] o) {
    }

    /** The kernel parameters T as [width][kernels·kernelDim] (a copy). */
    public double[][] kernelTensor() {
        double[] v = t == null ? new double[0] : t.toDoubleVector();
        double[][] out = new double[width][kernels * kernelDim];
        for (int k = 0; k < width; k++) {
            System.arraycopy(v, k * kernels * kernelDim, out[k], 0, kernels * kernelDim);
        }
        return out;
    }

    /** o [n, B] for x [n, width]: mean over j ≠ i of exp(−‖M_ib − M_jb‖₁). Public for tests. */
    public double[][] features(double[][] x) {
        return forward(x).o;
    }

    /** ∂L/∂T for x [n, width] and gO = ∂L/∂o [n, B], laid out like T's rows (for gradient checks). */
    double[] kernelGradient(double[][] x, double[][] gO) {
        double[] dT = new double[kernels * kernelDim * width];
        backward(forward(x), gO, dT);
        return dT;
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
        sim = org.nd4j.linalg.ops.transforms.Transforms.exp(Nd4j.create(sim, new long[] {sim.length}, DataType.DOUBLE), false)
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
