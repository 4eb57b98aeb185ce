package org.modecollapselab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.modecollapselab.metric.Mode;
import org.modecollapselab.metric.ModeSet;
import org.modecollapselab.util.Check;

/**
 * A 1-D Gaussian mixture that knows its modes: {@code p(x) = Σ w_i N(x; μ_i, σ_i²)}. Its components are named
 * Gaussians with a mean and a weight (the temperature sites); drawing and moments are {@link GaussianMixture}'s
 * arithmetic ({@code Mixtures}).
 *
 * @param name       a label for charts
 * @param components the components; their weights must sum to 1
 */
public record GaussianMixture1D(String name, List<Component> components) implements DataSource {

    /** One component: a named Gaussian with a mixture weight. */
    public record Component(String name, double mean, double sd, double weight) {
        public Component {
            Check.notBlank("name", name);
            Check.finite("mean", mean);
            Check.positive("sd", sd);
            if (!(weight > 0 && weight <= 1)) {
                throw new IllegalArgumentException("weight of component '" + name + "' must be in (0, 1], was "
                        + weight);
            }
        }
    }

    public GaussianMixture1D {
        Check.notBlank("name", name);
        Check.notEmpty("components", components);
        Check.noNulls("components", components);
        Check.distinct("components", components, "name", Component::name);
        // A component identical in place and spread to an earlier one could never be told apart (its samples would
        // always be scored as the earlier one's).
        Check.distinct("components", components, "mean and sd", c -> List.of(c.mean(), c.sd()));
        components = List.copyOf(components);
        double sum = components.stream().mapToDouble(Component::weight).sum();
        if (Math.abs(sum - 1) > ModeSet.WEIGHT_TOLERANCE) {
            throw new IllegalArgumentException("mixture weights must sum to 1 (within " + ModeSet.WEIGHT_TOLERANCE
                    + "), was " + sum);
        }
    }

    public static GaussianMixture1D of(String name, Component... components) {
        return new GaussianMixture1D(name, Arrays.asList(Check.noNulls("components", components)));
    }

    /** The same components with new weights, in component order. */
    public GaussianMixture1D withWeights(double... weights) {
        Check.notNull("weights", weights);
        if (weights.length != components.size()) {
            throw new IllegalArgumentException("weights must have one entry per component (" + components.size()
                    + "), was " + weights.length);
        }
        List<Component> out = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] > 0 && weights[i] <= 1)) {
                throw new IllegalArgumentException("weights[" + i + "] must be in (0, 1], was " + weights[i]);
            }
            Component c = components.get(i);
            out.add(new Component(c.name(), c.mean(), c.sd(), weights[i]));
        }
        return new GaussianMixture1D(name, out);
    }

    @Override
    public int dimension() {
        return 1;
    }

    @Override
    public double[] sample(int n, RandomGenerator rng) {
        return draw(n, rng, null);
    }

    /** The label of a sample is the index of its component. */
    @Override
    public int classes() {
        return components.size();
    }

    /** The components' weights. */
    @Override
    public double[] classWeights() {
        return components.stream().mapToDouble(Component::weight).toArray();
    }

    /** Mode {@code label} alone, with weight 1 (see {@link #ofClasses}). */
    @Override
    public GaussianMixture1D ofClass(int label) {
        Check.index("label", label, classes());
        return ofClasses(label);
    }

    /** The components of {@code labels} alone, their weights renormalised (standardised on their own). */
    @Override
    public GaussianMixture1D ofClasses(int... labels) {
        int[] l = ClassData.checkClasses(this, labels);
        double total = 0;
        for (int i : l) {
            total += components.get(i).weight();
        }
        List<Component> out = new ArrayList<>();
        double acc = 0;
        for (int i = 0; i < l.length; i++) {
            Component c = components.get(l[i]);
            double w = i == l.length - 1 ? 1 - acc : c.weight() / total;
            acc += w;
            out.add(new Component(c.name(), c.mean(), c.sd(), w));
        }
        return new GaussianMixture1D(name + ", " + String.join(" + ", out.stream().map(Component::name).toList()),
                out);
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
        return components.stream().map(c -> new double[] {c.mean()}).toArray(double[][]::new);
    }

    private double[] sds() {
        return components.stream().mapToDouble(Component::sd).toArray();
    }

    /** The component that a uniform draw {@code u} in [0, 1) selects, by cumulative weight. */
    public Component component(double u) {
        Check.inHalfOpen("u", u, 0, 1);
        return components.get(Mixtures.pick(classWeights(), u));
    }

    /** {@code n} samples drawn from a fresh generator seeded with {@code seed}. */
    public double[] sample(int n, long seed) {
        Check.atLeast("n", n, 1);
        return sample(n, new SplittableRandom(seed));
    }

    @Override
    public ModeSet modes() {
        return new ModeSet(components.stream().map(c -> Mode.of(c.name(), c.mean(), c.sd(), c.weight())).toList());
    }

    @Override
    public double[] mean() {
        return Mixtures.mean(classWeights(), centres());
    }

    @Override
    public double[] sd() {
        return Mixtures.sd(classWeights(), centres(), sds());
    }

    /** The mixture's probability density at {@code x}. */
    public double density(double x) {
        Check.finite("x", x);
        double p = 0;
        for (Component c : components) {
            double z = (x - c.mean()) / c.sd();
            p += c.weight() * Math.exp(-0.5 * z * z) / (c.sd() * Math.sqrt(2 * Math.PI));
        }
        return p;
    }
}
