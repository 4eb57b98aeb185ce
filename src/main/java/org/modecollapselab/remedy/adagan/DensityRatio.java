package org.modecollapselab.remedy.adagan;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.modecollapselab.config.Architecture;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.nn.Network;
import org.modecollapselab.nn.Optimizer;
import org.modecollapselab.objective.Objective;
import org.modecollapselab.util.NdArrays;
import org.modecollapselab.util.Workspaces;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.factory.Nd4j;

/**
 * AdaGAN's estimate of how much more (or less) often the current mixture draws each training point than the data
 * does: a classifier D_M is trained to tell the training points (label "real") from as many samples of the mixture
 * (label "fake"), and {@code h(x) = (1 − D_M(x)) / D_M(x)} estimates dP_mixture/dP_data at x (section 3.1 of the
 * paper; the paper's code trains such a classifier afresh in every round). The classifier is a discriminator of the
 * GAN's architecture, trained with the logistic loss ({@code Objective.standard()}) and D's optimiser settings; only
 * the classifier learns — no generator is involved, so this is no GAN step.
 */
final class DensityRatio {
    private static final WorkspaceConfiguration WORKSPACE = Workspaces.PER_ITERATION;
    private static final String WORKSPACE_ID = "mcl-adagan-classifier";

    private DensityRatio() {
    }

    /**
     * Trains the classifier and returns h at every point.
     *
     * @param points standardised training points, row-major [n, dim]
     * @param fakes  standardised mixture samples, row-major [m, dim]
     * @param steps  classifier updates, each on a batch of {@code config.batchSize()} points and as many samples
     * @param seed   seeds the classifier's weights and batches
     */
    static double[] ratios(double[] points, double[] fakes, int dim, GanConfig config, int steps, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Objective logistic = Objective.standard();
        Network d;
        Optimizer opt;
        try (MemoryWorkspace out = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            d = config.discriminatorArchitecture().build(Architecture.Role.DISCRIMINATOR, dim, 1, config,
                    rng.nextLong());
            opt = new Optimizer(config.discriminatorOptimizer(), d);
        }
        int n = points.length / dim;
        int m = fakes.length / dim;
        int b = config.batchSize();
        double[] batch = new double[2 * b * dim];
        for (int s = 0; s < steps; s++) {
            for (int i = 0; i < b; i++) {
                System.arraycopy(points, rng.nextInt(n) * dim, batch, i * dim, dim);
                System.arraycopy(fakes, rng.nextInt(m) * dim, batch, (b + i) * dim, dim);
            }
            try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, WORKSPACE_ID)) {
                Network.Pass pass = d.forward(NdArrays.of(batch, 2L * b, dim, config.dataType()));
                double[] logits = NdArrays.values(pass.output());
                double[] lr = Arrays.copyOfRange(logits, 0, b);
                double[] lf = Arrays.copyOfRange(logits, b, 2 * b);
                double[] gr = new double[b];
                double[] gf = new double[b];
                logistic.discriminatorLoss(lr, lf, gr, gf);
                double[] g = new double[2 * b];
                System.arraycopy(gr, 0, g, 0, b);
                System.arraycopy(gf, 0, g, b, b);
                d.backward(pass, NdArrays.of(g, 2L * b, 1, config.dataType()), true, false);
                opt.step();
            }
        }
        double[] h = new double[n];
        int chunk = 4096;
        for (int from = 0; from < n; from += chunk) {
            int rows = Math.min(chunk, n - from);
            double[] x = Arrays.copyOfRange(points, from * dim, (from + rows) * dim);
            try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, WORKSPACE_ID)) {
                double[] logits = NdArrays.values(d.output(NdArrays.of(x, rows, dim, config.dataType())));
                for (int i = 0; i < rows; i++) {
                    // (1 − D)/D = exp(−logit) for D = σ(logit); bounded so that a confident classifier stays finite.
                    h[from + i] = Math.exp(Math.max(-50, Math.min(50, -logits[i])));
                }
            }
        }
        return h;
    }
}
