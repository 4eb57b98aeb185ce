package org.modecollapselab.data;

import java.util.Arrays;
import org.modecollapselab.metric.ModeSet;

/**
 * Image data: samples are images of one {@link ImageShape} with pixel values in [−1, 1] (the range of a tanh
 * output), flattened channel-major. Such data are not standardised by the GAN ({@link #mean()} is 0 and
 * {@link #sd()} is 1 for every pixel; a border pixel that is always black has no spread to divide by), and they
 * have no Gaussian modes: they are scored by a classifier instead of by distance ({@link #modes()} refuses).
 */
public interface ImageSource extends DataSource {
    /** The shape of each sample; {@link #dimension()} is its {@link ImageShape#pixels()}. */
    ImageShape shape();

    @Override
    default int dimension() {
        return shape().pixels();
    }

    @Override
    default double[] mean() {
        return new double[dimension()];
    }

    @Override
    default double[] sd() {
        double[] s = new double[dimension()];
        Arrays.fill(s, 1.0);
        return s;
    }

    /**
     * Images have no Gaussian modes to measure distances to.
     *
     * @throws IllegalStateException always: score image samples with a classifier ({@code DigitScorer})
     */
    @Override
    default ModeSet modes() {
        throw new IllegalStateException("data '" + name() + "' are images: they have no Gaussian modes to score "
                + "samples by distance; score them with the digit classifier (DigitScorer.digits() or "
                + "DigitScorer.stackedMnist(), or StudyCase.named(\"mnist\"))");
    }
}
