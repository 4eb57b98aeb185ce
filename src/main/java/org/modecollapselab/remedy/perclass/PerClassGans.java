package org.modecollapselab.remedy.perclass;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.DataSource;
import org.modecollapselab.gan.Catalogued;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.gan.Method;
import org.modecollapselab.gan.TrainingOptions;
import org.modecollapselab.gan.TrainingResult;
import org.modecollapselab.sampler.Mixture;
import org.modecollapselab.sampler.Sampler;
import org.modecollapselab.util.Check;

/**
 * One GAN per class — "multiple networks", "grouping the classes" in the sources: when the data's classes are known
 * (the temperature data's sites, the rings' modes, MNIST's digits), train a separate plain GAN on each class's
 * samples and sample the mixture of them, each weighted by its class's frequency. A GAN that only ever sees one mode
 * has no mode to collapse away from. The costs: one GAN per class (an unwieldy mixture), and labels, which many data
 * sets lack.
 *
 * <p>With {@code groups} = k the classes are split into k groups of consecutive classes (sizes differing by at most
 * one) and one GAN trains per group; {@code groups = 0} means one per class. {@code groups = 1} is the plain GAN,
 * exactly (one GAN on all the data). The GANs share the run's step budget equally ({@code ⌈steps / groups⌉} each),
 * so a per-class run costs about as many steps as one GAN: on the 25-mode grid, 25 full runs would take 25 times as
 * long, and a GAN for one Gaussian needs far fewer steps. Each GAN standardises its own data (a class is a narrow
 * Gaussian of its own); the first uses the configuration's seed, the others seeds derived from it.
 *
 * @param groups the number of GANs: 0 for one per class, else 1..classes
 */
public record PerClassGans(int groups) implements Method {
    /** The catalog's name: {@code per-class[:k]}, one GAN per class, or per k groups of classes (default 0: per class). */
    public static final Catalogued CATALOG = Catalogued.method("per-class", "k", 0, PerClassGans::new);

    public PerClassGans {
        Check.atLeast("groups", groups, 0);
    }

    /** One GAN per class. */
    public static PerClassGans perClass() {
        return new PerClassGans(0);
    }

    @Override
    public String label() {
        return groups == 0 ? "GAN per class" : groups + " GAN" + (groups == 1 ? "" : "s") + " per class group";
    }

    @Override
    public boolean neutral() {
        return groups == 1;
    }

    @Override
    public void check(DataSource data, GanConfig config) {
        Check.notNull("data", data);
        Check.notNull("config", config);
        Gan.check(data, config, List.of());
        if (groups == 1) {
            return;
        }
        if (data.classes() == 0) {
            throw new IllegalArgumentException("data must have class labels for one GAN per class, but '"
                    + data.name() + "' has none");
        }
        if (groups > data.classes()) {
            throw new IllegalArgumentException("groups must be <= the data's classes (" + data.classes() + "), was "
                    + groups);
        }
        for (int[] g : classGroups(data.classes())) {
            data.ofClasses(g);   // refuses a class without samples by name
        }
    }

    /** The classes of each group: k runs of consecutive classes. */
    public int[][] classGroups(int classes) {
        Check.atLeast("classes", classes, 1);
        int k = groups == 0 ? classes : Math.min(groups, classes);
        int[][] out = new int[k][];
        for (int g = 0; g < k; g++) {
            int from = (int) ((long) g * classes / k);
            int to = (int) ((long) (g + 1) * classes / k);
            out[g] = new int[to - from];
            for (int c = from; c < to; c++) {
                out[g][c - from] = c;
            }
        }
        return out;
    }

    /**
     * What training produced.
     *
     * @param gans    one GAN per group, in class order
     * @param classes each GAN's classes
     * @param mixture the GANs mixed by their classes' total weight
     * @param results each GAN's training run
     */
    public record Grouped(List<Gan> gans, int[][] classes, Mixture mixture, List<TrainingResult> results) {
        public Grouped {
            Check.noNulls("gans", gans);
            Check.noNulls("classes", Check.notNull("classes", classes));
            Check.notNull("mixture", mixture);
            Check.noNulls("results", results);
            gans = List.copyOf(gans);
            classes = classes.clone();
            results = List.copyOf(results);
        }
    }

    @Override
    public Trained train(DataSource data, GanConfig config, int steps, TrainingOptions options) {
        Grouped g = trainGroups(data, config, steps, options);
        return new Trained(g.mixture(), g.results().get(g.results().size() - 1));
    }

    /** Trains one GAN per group on its classes' data, {@code ⌈steps / groups⌉} steps each. */
    public Grouped trainGroups(DataSource data, GanConfig config, int steps, TrainingOptions options) {
        Check.atLeast("steps", steps, 1);
        Check.notNull("options", options);
        check(data, config);
        if (groups == 1) {
            Gan gan = Gan.create(data, config);
            TrainingResult r = gan.train(steps, options);
            int[] all = new int[data.classes()];
            for (int c = 0; c < all.length; c++) {
                all[c] = c;
            }
            return new Grouped(List.of(gan), new int[][] {all}, new Mixture(List.of(gan), new double[] {1}, label()),
                    List.of(r));
        }
        int[][] cls = classGroups(data.classes());
        double[] classWeights = data.classWeights();
        int each = (steps + cls.length - 1) / cls.length;
        SplittableRandom seeds = new SplittableRandom(config.seed() ^ 0xC1A55L);
        List<Gan> gans = new ArrayList<>();
        List<TrainingResult> results = new ArrayList<>();
        double[] weights = new double[cls.length];
        for (int g = 0; g < cls.length; g++) {
            for (int c : cls[g]) {
                weights[g] += classWeights[c];
            }
            long seed = g == 0 ? config.seed() : seeds.nextLong();
            Gan gan = Gan.create(data.ofClasses(cls[g]), config.withSeed(seed));
            results.add(gan.train(each, options));
            gans.add(gan);
        }
        double total = Arrays.stream(weights).sum();
        for (int g = 0; g < weights.length; g++) {
            weights[g] /= total;
        }
        return new Grouped(gans, cls, new Mixture(List.<Sampler>copyOf(gans), weights, label()), results);
    }
}
