package org.modecollapselab.remedy.packing;

import org.modecollapselab.gan.GanConfig;
import org.modecollapselab.gan.StepHook;
import org.modecollapselab.util.Check;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Packing (Lin, Khetan, Fanti and Oh, "PacGAN: The power of two samples in generative adversarial networks",
 * NeurIPS 2018). The discriminator judges {@code m} samples at once — all real or all generated — concatenated
 * into one input, so a generator that draws only a few kinds of sample is easy to spot: a pack of near-identical
 * samples rarely occurs in real data. The generator and the losses are unchanged; D's input is m times wider.
 *
 * <p>With row-major batches a pack is a reshape: [batch, d] → [batch/m, m·d], and the gradient goes back by the
 * inverse reshape. {@code packSize = 1} is the plain GAN, exactly. Departure from the paper's code: none in the
 * mechanism; a batch of {@code batchSize} samples forms {@code batchSize/m} packs, whereas PacGAN keeps the number
 * of packs per step and draws m times the samples — set {@code batchSize = m·packs} for that, as
 * {@code study.Remedy.pacgan} and the Table 1 reproduction do.
 *
 * @param packSize samples per pack, &gt;= 1
 */
public record Packing(int packSize) implements StepHook {
    public Packing {
        Check.atLeast("packSize", packSize, 1);
    }

    @Override
    public void check(GanConfig config, int dataDimension) {
        if (config.batchSize() % packSize != 0) {
            throw new IllegalArgumentException("batchSize must be a multiple of packSize (" + packSize + "), was "
                    + config.batchSize());
        }
    }

    @Override
    public int discriminatorInputWidth(int width) {
        return width * packSize;
    }

    @Override
    public INDArray toDiscriminator(INDArray samples) {
        if (samples.rows() % packSize != 0) {
            throw new IllegalArgumentException("samples must come in whole packs of " + packSize + ", was "
                    + samples.rows() + " rows");
        }
        return samples.reshape('c', samples.rows() / packSize, samples.columns() * packSize);
    }

    @Override
    public INDArray fromDiscriminator(INDArray inputGradient) {
        return inputGradient.reshape('c', inputGradient.rows() * packSize, inputGradient.columns() / packSize);
    }
}
