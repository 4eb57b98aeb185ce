package org.modecollapselab.remedy.infogan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.modecollapselab.gan.Catalogued;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.metric.CodeModeTable;
import org.modecollapselab.metric.CoverageReport;
import org.modecollapselab.metric.CoverageThresholds;
import org.modecollapselab.metric.ModeCoverage;
import org.modecollapselab.nn.Network;
import org.modecollapselab.step.DiscriminatorPhase;
import org.modecollapselab.step.GeneratorPhase;
import org.modecollapselab.step.LatentCodes;
import org.modecollapselab.step.Remedy;
import org.modecollapselab.step.Setup;
import org.modecollapselab.step.StepHook;
import org.modecollapselab.util.Check;
import org.modecollapselab.util.NdArrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * InfoGAN (Chen, Duan, Houthooft, Schulman, Sutskever and Abbeel, "InfoGAN: Interpretable Representation Learning
 * by Information Maximizing Generative Adversarial Nets", NeurIPS 2016). G gets latent codes c next to its noise —
 * a categorical code of K values and continuous codes in [−1, 1] — and an auxiliary head Q, sharing D's body, learns
 * to recover c from G(z, c). Both G and Q minimise λ·L_I, the negative variational lower bound on the mutual
 * information I(c; G(z, c)): G is pushed to make its samples depend on c, which for a categorical code can mean
 * one kind of sample — one mode — per value.
 *
 * <p>L_I per sample is the cross-entropy of Q's softmax over the K categories plus ½‖c − μ‖² for the continuous
 * codes (a Gaussian Q with unit variance; constants dropped). The step adds it in both phases: D's update
 * back-propagates λ·L_I on the generated batch into D's parameters (Q's head and the shared body), G's update
 * back-propagates it through D's fixed weights into the generated samples. Q's outputs are D's outputs after its
 * first ({@code discriminatorOutputExtra}); the objective reads only the first. No codes (K = 0, no continuous
 * codes) is the plain GAN exactly. Departures: Q is a linear head on D's last hidden layer (the paper adds one
 * fully connected layer); the continuous codes' Q has a fixed unit variance (the paper also uses a factored
 * Gaussian, with its variance learnt or fixed).
 *
 * @param categories  K, values of the categorical code (0 for none, otherwise &gt;= 2)
 * @param continuous  continuous codes, &gt;= 0
 * @param lambda      λ, weight of the information term, &gt;= 0 (0 when there are no codes)
 */
public record InfoGan(int categories, int continuous, double lambda) implements Remedy {
    /** The catalog's name: {@code infogan[:K]}, a categorical code of K values, λ = 1 (default K = 8). */
    public static final Catalogued CATALOG = Catalogued.integer("infogan", "K", 8, InfoGan::categorical);


    public InfoGan {
        if (categories != 0) {
            Check.atLeast("categories", categories, 2);
        }
        Check.atLeast("continuous", continuous, 0);
        Check.nonNegative("lambda", lambda);
        if (categories == 0 && continuous == 0 && lambda != 0) {
            throw new IllegalArgumentException("lambda must be 0 without codes (categories 0, continuous 0), was "
                    + lambda);
        }
    }

    /** A categorical code of K values, λ = 1 (the paper's λ for discrete codes). */
    public static InfoGan categorical(int categories) {
        return new InfoGan(categories, 0, 1.0);
    }

    /** No codes: the plain GAN. */
    public static InfoGan none() {
        return new InfoGan(0, 0, 0);
    }

    @Override
    public String label() {
        if (neutral()) {
            return "InfoGAN (no codes)";
        }
        List<String> parts = new ArrayList<>();
        if (categories > 0) {
            parts.add("K=" + categories);
        }
        if (continuous > 0) {
            parts.add(continuous + " cont.");
        }
        String l = lambda == Math.rint(lambda) ? String.valueOf((long) lambda) : String.valueOf(lambda);
        return "InfoGAN " + String.join(" ", parts) + " λ=" + l;
    }

    @Override
    public boolean neutral() {
        return categories == 0 && continuous == 0;
    }

    /** Code columns: K one-hot columns, then the continuous codes. */
    public int codeWidth() {
        return categories + continuous;
    }

    @Override
    public int generatorInputExtra() {
        return codeWidth();
    }

    @Override
    public int discriminatorOutputExtra() {
        return codeWidth();
    }

    @Override
    public StepHook start(Setup setup) {
        return new State(this, setup.codeColumn(), setup.outputColumn());
    }

    // ---------------------------------------------------------------- code × mode

    /**
     * {@code n} samples of {@code gan} (which must have this remedy) with the categorical code fixed to
     * {@code category} (continuous codes and noise drawn as usual from {@code seed}), in data units.
     */
    public double[][] samplesOfCategory(Gan gan, int category, int n, long seed) {
        Check.notNull("gan", gan);
        if (category < 0 || category >= categories) {
            throw new IllegalArgumentException("category must be in [0, " + categories + "), was " + category);
        }
        if (!(gan.stateOf(this) instanceof State s)) {
            throw new IllegalArgumentException("gan must have been created with " + label() + " (codes), was "
                    + gan.label());
        }
        synchronized (s) {
            s.fixedCategory = category;
            try {
                return gan.sample(n, seed);
            } finally {
                s.fixedCategory = -1;
            }
        }
    }

    /**
     * Which modes each value of the categorical code produces: {@code samplesPerCode} samples per value (seeds
     * {@code seed}, {@code seed + 1}, …) scored against the GAN's data modes.
     *
     * @param pickShare a code picks a mode when at least this share of its samples are high-quality samples of it
     */
    public CodeModeTable codeModeTable(Gan gan, int samplesPerCode, long seed, CoverageThresholds thresholds,
                                       double pickShare) {
        Check.notNull("gan", gan);
        Check.atLeast("samplesPerCode", samplesPerCode, 1);
        Check.notNull("thresholds", thresholds);
        if (categories == 0) {
            throw new IllegalStateException("a code × mode table needs a categorical code, but " + label()
                    + " has none");
        }
        List<CoverageReport> reports = new ArrayList<>();
        for (int k = 0; k < categories; k++) {
            reports.add(ModeCoverage.evaluate(samplesOfCategory(gan, k, samplesPerCode, seed + k),
                    gan.data().modes(), thresholds));
        }
        return CodeModeTable.of(reports, pickShare);
    }

    // ---------------------------------------------------------------- the information term

    /**
     * L_I of D's outputs for some rows, and its gradient. For each row r of the [rows, width] output block
     * {@code outputs} that carries codes, Q's logits are columns [column, column + K) and its means
     * [column + K, column + K + C); {@code codes} holds that row's K one-hot values then C continuous values.
     *
     * @param outputs  D's outputs, row-major, {@code width} per row
     * @param width    D's output width
     * @param first    the first row with codes
     * @param codes    rows × (K + C) codes, row-major, one row per output row from {@code first}
     * @param column   Q's first output column
     * @param gradient receives ∂L_I/∂outputs (same layout as {@code outputs}; other rows and columns untouched)
     * @return {L_I (mean over the coded rows), the categorical cross-entropy alone}
     */
    public static double[] informationLoss(double[] outputs, int width, int first, double[] codes, int categories,
                                           int continuous, int column, double[] gradient) {
        Check.notNull("outputs", outputs);
        Check.atLeast("width", width, 1);
        Check.atLeast("first", first, 0);
        Check.data("codes", codes);
        Check.atLeast("categories", categories, 0);
        Check.atLeast("continuous", continuous, 0);
        Check.atLeast("categories + continuous", categories + continuous, 1);
        Check.index("column", column, width);
        Check.notNull("gradient", gradient);
        int codeWidth = categories + continuous;
        if (codes.length % codeWidth != 0 || gradient.length != outputs.length || column + codeWidth > width
                || (long) (first + codes.length / codeWidth) * width > outputs.length) {
            throw new IllegalArgumentException("outputs, width, first, codes, categories, continuous, column and "
                    + "gradient must fit together (codes: whole rows of categories + continuous values; each row's "
                    + "predictions in outputs from column, within width; gradient as long as outputs), was outputs "
                    + outputs.length + ", width " + width + ", first " + first + ", codes " + codes.length
                    + ", categories " + categories + ", continuous " + continuous + ", column " + column
                    + ", gradient " + gradient.length);
        }
        int rows = codes.length / codeWidth;
        double loss = 0;
        double crossEntropy = 0;
        double[] p = new double[categories];
        for (int r = 0; r < rows; r++) {
            int o = (first + r) * width + column;
            int c = r * codeWidth;
            if (categories > 0) {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < categories; k++) {
                    max = Math.max(max, outputs[o + k]);
                }
                double sum = 0;
                for (int k = 0; k < categories; k++) {
                    p[k] = Math.exp(outputs[o + k] - max);
                    sum += p[k];
                }
                double logSum = max + Math.log(sum);
                for (int k = 0; k < categories; k++) {
                    p[k] /= sum;
                    double target = codes[c + k];
                    crossEntropy -= target * (outputs[o + k] - logSum) / rows;
                    gradient[o + k] = (p[k] - target) / rows;
                }
            }
            for (int j = 0; j < continuous; j++) {
                double d = outputs[o + categories + j] - codes[c + categories + j];
                loss += 0.5 * d * d / rows;
                gradient[o + categories + j] = d / rows;
            }
        }
        return new double[] {loss + crossEntropy, crossEntropy};
    }

    /** One GAN's InfoGAN state: where its codes and Q's outputs sit, and the last information bound measured. */
    public static final class State implements StepHook {
        private final int categories;
        private final int continuous;
        private final double lambda;
        private final int codeColumn;
        private final int outputColumn;
        private volatile int fixedCategory = -1;
        private double lastCrossEntropy = Double.NaN;

        State(InfoGan r, int codeColumn, int outputColumn) {
            this.categories = r.categories;
            this.continuous = r.continuous;
            this.lambda = r.lambda;
            this.codeColumn = codeColumn;
            this.outputColumn = outputColumn;
        }

        /**
         * The lower bound on I(c_cat; G(z, c)) at G's last update, in nats: log K minus Q's cross-entropy on G's
         * batch (log K when Q recovers every code; 0 or below when it guesses). NaN before the first step.
         */
        public double categoricalInformationBound() {
            return categories == 0 ? Double.NaN : Math.log(categories) - lastCrossEntropy;
        }

        @Override
        public LatentCodes latentCodes(int rows, RandomGenerator rng, int[] labels) {
            int w = categories + continuous;
            double[] v = new double[rows * w];
            int fixed = fixedCategory;
            for (int i = 0; i < rows; i++) {
                if (categories > 0) {
                    int k = rng.nextInt(categories);
                    v[i * w + (fixed >= 0 ? fixed : k)] = 1;
                }
                for (int j = 0; j < continuous; j++) {
                    v[i * w + categories + j] = 2 * rng.nextDouble() - 1;
                }
            }
            return new LatentCodes(v, w, null);
        }

        /** The codes of G's input rows, row-major. */
        private double[] codes(INDArray latent) {
            int w = categories + continuous;
            int width = (int) latent.columns();
            double[] all = NdArrays.values(latent);
            int rows = (int) latent.rows();
            double[] c = new double[rows * w];
            for (int i = 0; i < rows; i++) {
                System.arraycopy(all, i * width + codeColumn, c, i * w, w);
            }
            return c;
        }

        /** λ·L_I on the generated rows of D's pass, into D's parameters (Q's head and the shared body). */
        @Override
        public double discriminatorTerms(DiscriminatorPhase phase) {
            if (lambda == 0) {
                return 0;
            }
            Network.Pass pass = phase.pass();
            int nr = (int) phase.real().rows();
            int nf = (int) phase.latent().rows();
            if (pass.output().rows() != nr + nf || phase.fake().rows() != nf) {
                throw new IllegalStateException("InfoGAN needs D to judge single generated samples, but D saw "
                        + phase.fake().rows() + " rows for " + nf + " samples (a remedy before it regroups rows?)");
            }
            double[] lossAndCe = back(phase.discriminator(), pass, nr, codes(phase.latent()), true, null);
            return lambda * lossAndCe[0];
        }

        /** λ·L_I on G's batch, through D's fixed weights into the generated samples. */
        @Override
        public double generatorTerms(GeneratorPhase phase) {
            Network.Pass pass = phase.discriminatorPass();
            if (pass.output().rows() != phase.latent().rows()) {
                throw new IllegalStateException("InfoGAN needs D to judge single generated samples, but D saw "
                        + pass.output().rows() + " rows for " + phase.latent().rows() + " samples");
            }
            if (lambda == 0) {
                return 0;
            }
            INDArray[] gradient = new INDArray[1];
            double[] lossAndCe = back(phase.discriminator(), pass, 0, codes(phase.latent()), false, gradient);
            lastCrossEntropy = lossAndCe[1];
            phase.fakeGradient().addi(phase.fromDiscriminator(gradient[0]));
            return lambda * lossAndCe[0];
        }

        /**
         * λ·L_I on rows [first, …) of {@code pass} back through D: into D's parameters ({@code params}), or to D's
         * input (into {@code inputGradient[0]}). Returns {L_I, cross-entropy}.
         */
        private double[] back(Network d, Network.Pass pass, int first, double[] codes, boolean params,
                              INDArray[] inputGradient) {
            INDArray out = pass.output();
            int rows = (int) out.rows();
            int width = (int) out.columns();
            double[] grad = new double[rows * width];
            double[] r = informationLoss(NdArrays.values(out), width, first, codes, categories, continuous,
                    outputColumn, grad);
            for (int i = 0; i < grad.length; i++) {
                grad[i] *= lambda;
            }
            INDArray g = d.backward(pass, NdArrays.of(grad, rows, width, out.dataType()), params, !params);
            if (!params) {
                inputGradient[0] = g;
            }
            return r;
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "InfoGAN: %d categories, %d continuous codes, λ=%s", categories, continuous,
                lambda);
    }
}
