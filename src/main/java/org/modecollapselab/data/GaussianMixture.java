package org.modecollapselab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.modecollapselab.metric.Mode;
import org.modecollapselab.metric.ModeSet;
import org.modecollapselab.util.Check;

/**
 * A Gaussian mixture in any dimension with isotropic components, which knows its modes: each mode is one
 * component ({@link Mode}: centre, standard deviation, weight). The 2-D ring and grid are the data sets of
 * VEEGAN (Srivastava et al. 2017) and PacGAN (Lin et al. 2018).
 *
 * @param name  a label for charts
 * @param modes the components; their weights sum to 1
 */
public record GaussianMixture(String name, ModeSet modes) implements DataSource {
    public GaussianMixture {
        Check.notBlank("name", name);
        Check.notNull("modes", modes);
    }

    /**
     * {@code count} equally weighted modes evenly spaced on a circle of radius {@code radius} around the origin
     * (the first at angle 0), each with standard deviation {@code sd}.
     */
    public static GaussianMixture ring(int count, double radius, double sd) {
        Check.atLeast("count", count, 1);
        Check.positive("radius", radius);
        List<Mode> modes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double a = 2 * Math.PI * i / count;
            modes.add(new Mode("mode " + i, new double[] {radius * Math.cos(a), radius * Math.sin(a)}, sd,
                    1.0 / count));
        }
        return new GaussianMixture("ring of " + count, new ModeSet(modes));
    }

    /**
     * A {@code side}×{@code side} grid of equally weighted modes centred on the origin, {@code spacing} apart,
     * each with standard deviation {@code sd}.
     */
    public static GaussianMixture grid(int side, double spacing, double sd) {
        Check.atLeast("side", side, 1);
        Check.positive("spacing", spacing);
        List<Mode> modes = new ArrayList<>();
        double offset = (side - 1) * spacing / 2;
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                modes.add(new Mode("(" + i + "," + j + ")", new double[] {i * spacing - offset, j * spacing - offset},
                        sd, 1.0 / (side * side)));
            }
        }
        return new GaussianMixture(side + "×" + side + " grid", new ModeSet(modes));
    }

    /** PacGAN's ring: 8 modes on the unit circle, σ = 0.01. */
    public static GaussianMixture pacganRing() {
        return ring(8, 1.0, 0.01);
    }

    /** PacGAN's grid: 25 modes at {−4, −2, 0, 2, 4}², σ = 0.05. */
    public static GaussianMixture pacganGrid() {
        return grid(5, 2.0, 0.05);
    }

    /**
     * The notebooks' ring: 8 modes on a circle of radius 2, σ = 0.1 — the unrolled-GAN paper's layout (Metz et al.
     * 2017) with wider modes, so that a small GAN trained for a few thousand steps can reach the 3σ quality bar.
     */
    public static GaussianMixture teachingRing() {
        return ring(8, 2.0, 0.1);
    }

    /** The notebooks' grid: PacGAN's 5×5 layout (spacing 2) with wider modes, σ = 0.1 (see {@link #teachingRing}). */
    public static GaussianMixture teachingGrid() {
        return grid(5, 2.0, 0.1);
    }

    @Override
    public int dimension() {
        return modes.dimension();
    }

    @Override
    public double[] sample(int n, RandomGenerator rng) {
        return draw(n, rng, null);
    }

    /** The label of a sample is the index of its mode. */
    @Override
    public int classes() {
        return modes.size();
    }

    /** The modes' weights. */
    @Override
    public double[] classWeights() {
        return modes.modes().stream().mapToDouble(Mode::weight).toArray();
    }

    /** Mode {@code label} alone, with weight 1 (see {@link #ofClasses}). */
    @Override
    public GaussianMixture ofClass(int label) {
        Check.index("label", label, classes());
        return ofClasses(label);
    }

    /**
     * The modes of {@code labels} alone, their weights renormalised: a mixture of its own (standardised on its own;
     * one mode is one Gaussian).
     */
    @Override
    public GaussianMixture ofClasses(int... labels) {
        int[] l = ClassData.checkClasses(this, labels);
        ModeSet sub = ClassData.subset(modes, l);
        return new GaussianMixture(name + ", " + String.join(" + ", sub.names()), sub);
    }

    @Override
    public Labelled sampleLabelled(int n, RandomGenerator rng) {
        int[] labels = new int[Check.atLeast("n", n, 1)];
        return new Labelled(draw(n, rng, labels), labels);
    }

    private double[] draw(int n, RandomGenerator rng, int[] labels) {
        Check.atLeast("n", n, 1);
        Check.notNull("rng", rng);
        return Mixtures.draw(classWeights(), centres(), sds(), n, rng, labels);
    }

    private double[][] centres() {
        return modes.modes().stream().map(Mode::center).toArray(double[][]::new);
    }

    private double[] sds() {
        return modes.modes().stream().mapToDouble(Mode::sd).toArray();
    }

    /** {@code n} samples, [n][dimension], drawn from a fresh generator seeded with {@code seed}. */
    public double[][] sample(int n, long seed) {
        Check.atLeast("n", n, 1);
        double[] flat = sample(n, new SplittableRandom(seed));
        int d = dimension();
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * d, out[i], 0, d);
        }
        return out;
    }

    @Override
    public double[] mean() {
        return Mixtures.mean(classWeights(), centres());
    }

    @Override
    public double[] sd() {
        return Mixtures.sd(classWeights(), centres(), sds());
    }
}
