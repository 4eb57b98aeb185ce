package org.modecollapselab.remedy.packing;

import org.modecollapselab.config.GanConfig;
import org.modecollapselab.gan.Catalogued;
import org.modecollapselab.step.InputTransform;
import org.modecollapselab.step.Remedy;
import org.modecollapselab.step.Setup;
import org.modecollapselab.step.StepHook;
import org.modecollapselab.util.Check;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Packing (Lin, Khetan, Fanti and Oh, "PacGAN: The power of two samples in generative adversarial networks",
 * NeurIPS 2018). The discriminator judges {@code m} samples at once — all real or all generated — concatenated
 * into one input, so a generator that draws only a few kinds of sample is easy to spot: a pack of near-identical
 * samples rarely occurs in real data. The generator and the losses are unchanged; D's input is m times wider.
 *
 * <p>With row-major batches a pack is a reshape: [batch, d] → [batch/m, m·d], and the gradient goes back by the
 * inverse reshape. {@code packSize = 1} is the plain GAN, exactly. By default a batch of {@code batchSize} samples
 * forms {@code batchSize/m} packs; {@link #pacgan(int, int)} trains as the paper does, with a fixed number of packs
 * per step (batches of m·packs samples).
 *
 * @param packSize      samples per pack, &gt;= 1
 * @param packsPerBatch 0 to keep the configured batch size; otherwise the batch becomes {@code packSize·packsPerBatch}
 *                      samples (PacGAN's protocol)
 */
public record Packing(int packSize, int packsPerBatch) implements Remedy {
    /** The catalog's name: {@code packing[:m]}, packs of m out of the configured batch (default m = 4). */
    public static final Catalogued CATALOG = Catalogued.integer("packing", "m", 4, Packing::new);

    public Packing {
        Check.atLeast("packSize", packSize, 1);
        Check.atLeast("packsPerBatch", packsPerBatch, 0);
    }

    /** Packs of {@code packSize} out of the configured batch. */
    public Packing(int packSize) {
        this(packSize, 0);
    }

    /**
     * PacGAN as its paper trains it: packs of m, and batches of {@code packs} packs (m·packs samples), so that D
     * sees as many packs per step as the plain GAN sees samples. Labelled "PacGAN<i>m</i>", and "GAN" for m = 1.
     */
    public static Packing pacgan(int packSize, int packs) {
        return new Packing(packSize, Check.atLeast("packs", packs, 1));
    }

    @Override
    public String label() {
        if (packsPerBatch > 0) {
            return packSize == 1 ? "GAN" : "PacGAN" + packSize;
        }
        return "packing m=" + packSize;
    }

    @Override
    public boolean neutral() {
        return packSize == 1;
    }

    @Override
    public GanConfig adjust(GanConfig config) {
        return packsPerBatch == 0 ? config : config.withBatchSize(packSize * packsPerBatch);
    }

    @Override
    public void check(GanConfig config, int dataDimension, int classes) {
        if (config.batchSize() % packSize != 0) {
            throw new IllegalArgumentException("batchSize must be a multiple of packSize (" + packSize + "), was "
                    + config.batchSize());
        }
    }

    @Override
    public int discriminatorInputWidth(int width) {
        return width * packSize;
    }

    /** Packing keeps no state: its hook only reshapes D's input. */
    @Override
    public StepHook start(Setup setup) {
        return StepHook.transforming((x, labels) -> InputTransform.Applied.of(toDiscriminator(x),
                this::fromDiscriminator));
    }

    /** What D sees of samples [rows, d]: [rows/m, m·d], each row a pack of m consecutive samples. */
    public INDArray toDiscriminator(INDArray samples) {
        Check.matrix("samples", samples, -1, -1);
        if (samples.rows() % packSize != 0) {
            throw new IllegalArgumentException("samples must come in whole packs of " + packSize + ", was "
                    + samples.rows() + " rows");
        }
        return samples.reshape('c', samples.rows() / packSize, samples.columns() * packSize);
    }

    /** ∂loss/∂(packs) back to ∂loss/∂(samples): the inverse reshape. */
    public INDArray fromDiscriminator(INDArray inputGradient) {
        Check.matrix("inputGradient", inputGradient, -1, -1);
        if (inputGradient.columns() % packSize != 0) {
            throw new IllegalArgumentException("inputGradient must have a multiple of " + packSize
                    + " columns (whole packs), was " + inputGradient.columns());
        }
        return inputGradient.reshape('c', inputGradient.rows() * packSize, inputGradient.columns() / packSize);
    }
}
