package org.modecollapselab.data;

import org.modecollapselab.util.Check;

/**
 * The shape of image samples. A sample is one row of {@link #pixels()} values, channel-major: the value of channel
 * c at row y, column x is at {@code c·height·width + y·width + x} (NCHW, flattened per sample), as MNIST's IDX files
 * and DL4J's {@code InputType.convolutionalFlat} lay them out. Convolutional networks read a row this way.
 *
 * @param channels colour channels, &gt;= 1 (1 for MNIST, 3 for Stacked MNIST)
 * @param height   rows of pixels, &gt;= 1
 * @param width    columns of pixels, &gt;= 1
 */
public record ImageShape(int channels, int height, int width) {
    /** MNIST: one channel of 28×28. */
    public static final ImageShape MNIST = new ImageShape(1, 28, 28);
    /** Stacked MNIST: three channels of 28×28, one digit each. */
    public static final ImageShape STACKED_MNIST = new ImageShape(3, 28, 28);

    public ImageShape {
        Check.atLeast("channels", channels, 1);
        Check.atLeast("height", height, 1);
        Check.atLeast("width", width, 1);
    }

    /** Values per channel: height·width. */
    public int channelSize() {
        return height * width;
    }

    /** Values per sample: channels·height·width. */
    public int pixels() {
        return channels * height * width;
    }

    @Override
    public String toString() {
        return channels + "×" + height + "×" + width;
    }
}
