package org.modecollapselab.gan;

import org.modecollapselab.util.Check;

/**
 * Generated samples at one step of training, from the same noise at every snapshot, so that snapshots show
 * where the same z went over time. For 1-D data it also holds the discriminator's response D(x) on a grid.
 *
 * @param step               the step after which it was taken
 * @param samples            generated samples in data units, [n][dimension]
 * @param probeX             grid of x values for D's response (1-D data only, else empty)
 * @param probeD             D's score on that grid ({@code Objective.score}): the probability D gives that x is
 *                           real for the GAN family, the critic's value for WGAN
 * @param scoreName          what {@code probeD} is, e.g. "D(x)" or "critic value" ({@code Objective.scoreName})
 * @param scoreIsProbability whether {@code probeD} is a probability in [0, 1]
 */
public record Snapshot(int step, double[][] samples, double[] probeX, double[] probeD, String scoreName,
                       boolean scoreIsProbability) {
    public Snapshot {
        Check.notNull("samples", samples);
        Check.notNull("probeX", probeX);
        Check.notNull("probeD", probeD);
        Check.sameLength("probeX", probeX.length, "probeD", probeD.length);
        Check.notNull("scoreName", scoreName);
    }

    /** A snapshot whose probe is D's probability "real" (the GAN family). */
    public Snapshot(int step, double[][] samples, double[] probeX, double[] probeD) {
        this(step, samples, probeX, probeD, "D(x)", true);
    }

    /** The first coordinate of every sample (the value itself for 1-D data). */
    public double[] values() {
        double[] v = new double[samples.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = samples[i][0];
        }
        return v;
    }
}
