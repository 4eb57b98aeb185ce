package org.modecollapselab.step;

import org.modecollapselab.util.Check;

/**
 * Columns a remedy appends to G's input for one batch (class one-hots, InfoGAN codes), and the class labels they
 * encode.
 *
 * @param values row-major, rows × width
 * @param width  columns per row
 * @param labels the class of each row, or null when the codes encode none
 */
public record LatentCodes(double[] values, int width, int[] labels) {
    public LatentCodes {
        Check.data("values", values);
        Check.atLeast("width", width, 1);
        if (values.length % width != 0) {
            throw new IllegalArgumentException("values must hold whole rows of " + width + ", was " + values.length);
        }
        if (labels != null && labels.length != values.length / width) {
            throw new IllegalArgumentException("labels must have one entry per row (" + values.length / width
                    + "), was " + labels.length);
        }
        if (labels != null) {
            for (int i = 0; i < labels.length; i++) {
                Check.atLeast("labels[" + i + "]", labels[i], 0);
            }
        }
    }
}
