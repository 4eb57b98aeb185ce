package org.modecollapselab.step;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.DataSource;
import org.modecollapselab.util.NdArrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The step's batches, in standardised units: real ones drawn from the data (with their classes when a remedy needs
 * them), and G's input — noise, then every hook's {@link LatentCodes} in the remedies' order.
 */
final class Batches {
    /** A batch in standardised units with the class of each row (null when there are none). */
    record Batch(INDArray x, int[] labels) {
    }

    private final DataSource data;
    private final Standardiser standardiser;
    private final SplittableRandom dataRng;
    private final boolean needsLabels;
    private final GanConfig config;
    private final int generatorInputs;
    private final List<Remedy> remedies;
    private final List<StepHook> hooks;
    private final String ganLabel;

    Batches(DataSource data, Standardiser standardiser, SplittableRandom dataRng, GanConfig config,
            int generatorInputs, List<Remedy> remedies, List<StepHook> hooks, String ganLabel) {
        this.data = data;
        this.standardiser = standardiser;
        this.dataRng = dataRng;
        this.needsLabels = remedies.stream().anyMatch(Remedy::needsLabels);
        this.config = config;
        this.generatorInputs = generatorInputs;
        this.remedies = remedies;
        this.hooks = hooks;
        this.ganLabel = ganLabel;
    }

    /** {@code n} real samples from the step's data stream. */
    Batch real(int n) {
        double[] x;
        int[] labels = null;
        if (needsLabels) {
            DataSource.Labelled l = data.sampleLabelled(n, dataRng);
            x = l.values();
            labels = l.labels();
        } else {
            x = data.sample(n, dataRng);
        }
        standardiser.standardiseInPlace(x);
        return new Batch(array(x, n, standardiser.dimension()), labels);
    }

    /**
     * G's input for {@code n} samples: noise from {@code rng}, then each hook's codes (drawn from {@code rng} after
     * the noise), with the class labels the codes encode; {@code labels}, when not null, asks for those classes.
     */
    Batch latent(int n, RandomGenerator rng, int[] labels) {
        int width = generatorInputs;
        int latentDim = config.latentDim();
        double[] z = new double[n * width];
        boolean gaussian = config.latent() == GanConfig.Latent.GAUSSIAN;
        if (width == latentDim) {
            for (int i = 0; i < z.length; i++) {
                z[i] = gaussian ? rng.nextGaussian() : 2 * rng.nextDouble() - 1;
            }
            if (labels != null) {
                throw new IllegalStateException("sampling one class needs a remedy that conditions G on the class "
                        + "(a conditional GAN), but this GAN has " + (remedies.isEmpty() ? "no remedies" : ganLabel));
            }
            return new Batch(array(z, n, width), null);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < latentDim; j++) {
                z[i * width + j] = gaussian ? rng.nextGaussian() : 2 * rng.nextDouble() - 1;
            }
        }
        int col = latentDim;
        int[] encoded = null;
        for (int h = 0; h < hooks.size(); h++) {
            int extra = remedies.get(h).generatorInputExtra();
            if (extra == 0) {
                continue;
            }
            LatentCodes codes = hooks.get(h).latentCodes(n, rng, labels);
            if (codes == null || codes.width() != extra || codes.values().length != n * extra) {
                throw new IllegalStateException("remedy " + remedies.get(h).label() + " must give " + n + " rows of "
                        + extra + " latent codes, gave " + (codes == null ? "none"
                        : codes.values().length / codes.width() + " rows of " + codes.width()));
            }
            for (int i = 0; i < n; i++) {
                System.arraycopy(codes.values(), i * extra, z, i * width + col, extra);
            }
            col += extra;
            if (encoded == null) {
                encoded = codes.labels();
            }
        }
        if (labels != null && encoded == null) {
            throw new IllegalStateException("sampling one class needs a remedy that conditions G on the class "
                    + "(a conditional GAN), but this GAN has " + ganLabel);
        }
        return new Batch(array(z, n, width), encoded);
    }

    private INDArray array(double[] v, long rows, long cols) {
        return NdArrays.of(v, rows, cols, config.dataType());
    }
}
