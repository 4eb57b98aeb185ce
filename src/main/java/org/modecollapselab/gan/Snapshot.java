package org.modecollapselab.gan;

/**
 * Generated samples at one step of training, from the same noise at every snapshot, so that snapshots show
 * where the same z went over time. For 1-D data it also holds the discriminator's response D(x) on a grid.
 *
 * @param step    the step after which it was taken
 * @param samples generated samples in data units, [n][dimension]
 * @param probeX  grid of x values for D's response (1-D data only, else empty)
 * @param probeD  D(x) on that grid: the probability D gives that x is real
 */
public record Snapshot(int step, double[][] samples, double[] probeX, double[] probeD) {
    public Snapshot {
        org.modecollapselab.util.Check.notNull("samples", samples);
        org.modecollapselab.util.Check.notNull("probeX", probeX);
        org.modecollapselab.util.Check.notNull("probeD", probeD);
        org.modecollapselab.util.Check.sameLength("probeX", probeX.length, "probeD", probeD.length);
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
