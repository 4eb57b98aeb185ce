package org.modecollapselab.sampler;

/**
 * Anything that draws samples in data units: a trained GAN, a mixture of GANs, a conditional GAN, or the data
 * itself ({@code DataSource.asSampler()}). Metrics, charts and studies accept a sampler, so every chart and metric
 * works for every way of training one.
 */
public interface Sampler {
    /** Coordinates per sample. */
    int dimension();

    /**
     * {@code n} samples, [n][dimension], in data units, drawn from a generator seeded with {@code seed}: the same
     * seed gives the same samples.
     */
    double[][] sample(int n, long seed);

    /** A short name for tables and charts. */
    String label();
}
