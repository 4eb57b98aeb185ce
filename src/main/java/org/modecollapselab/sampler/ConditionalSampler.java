package org.modecollapselab.sampler;

/** A sampler that can also draw samples of one class (a conditional GAN, one GAN per class). */
public interface ConditionalSampler extends Sampler {
    /** Number of classes; labels are 0..classes−1. */
    int classes();

    /**
     * {@code n} samples of class {@code label}, [n][dimension], in data units, from a generator seeded with
     * {@code seed}.
     *
     * @throws IllegalArgumentException when {@code label} is not in [0, classes)
     */
    double[][] sample(int n, long seed, int label);
}
