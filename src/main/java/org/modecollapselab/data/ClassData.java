package org.modecollapselab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.modecollapselab.metric.Mode;
import org.modecollapselab.metric.ModeSet;
import org.modecollapselab.util.Check;

/**
 * The samples of some classes of labelled data, drawn by rejection from the whole ({@link DataSource#ofClasses}'s
 * default): labelled batches are drawn and the rows of those classes kept. Standardised like the whole data.
 */
final class ClassData implements DataSource {
    /** Draws at most this many times the requested samples before concluding that the classes have none. */
    private static final int MAX_OVERSAMPLING = 10_000;

    private final DataSource whole;
    private final boolean[] kept;
    private final int[] labels;
    private final ModeSet modes;

    ClassData(DataSource whole, int[] labels) {
        this.whole = whole;
        this.labels = labels.clone();
        this.kept = new boolean[whole.classes()];
        for (int l : labels) {
            kept[l] = true;
        }
        ModeSet all = whole.modes();
        if (all.size() == whole.classes()) {
            this.modes = subset(all, labels);
        } else {
            this.modes = all;
        }
    }

    /** The modes of {@code labels}, their weights renormalised to sum to 1. */
    static ModeSet subset(ModeSet all, int[] labels) {
        double total = 0;
        for (int l : labels) {
            total += all.get(l).weight();
        }
        List<Mode> out = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            Mode m = all.get(labels[i]);
            out.add(new Mode(m.name(), m.center(), m.sd(), i == labels.length - 1 ? 1 - out.stream()
                    .mapToDouble(Mode::weight).sum() : m.weight() / total));
        }
        return new ModeSet(out);
    }

    /**
     * Refuses a group of classes that is empty, repeats a class, names a class the data lacks or a class without
     * samples; returns the labels, in order.
     */
    static int[] checkClasses(DataSource data, int... labels) {
        int k = data.classes();
        if (k == 0) {
            throw new IllegalStateException("data '" + data.name() + "' has no class labels (classes() is 0)");
        }
        Check.notNull("labels", labels);
        if (labels.length == 0) {
            throw new IllegalArgumentException("labels must name at least one class, was []");
        }
        double[] w = data.classWeights();
        boolean[] seen = new boolean[k];
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i];
            if (label < 0 || label >= k) {
                throw new IllegalArgumentException("labels[" + i + "] must be in [0, " + k + ") (the classes of '"
                        + data.name() + "'), was " + label);
            }
            if (seen[label]) {
                throw new IllegalArgumentException("labels must not repeat a class (a class twice), was "
                        + Arrays.toString(labels));
            }
            seen[label] = true;
            if (!(w[label] > 0)) {
                throw new IllegalArgumentException("class " + label + " of '" + data.name()
                        + "' must have samples (class weight > 0), was " + w[label]);
            }
        }
        return labels.clone();
    }

    @Override
    public int dimension() {
        return whole.dimension();
    }

    @Override
    public double[] sample(int n, RandomGenerator rng) {
        return sampleLabelled(n, rng).values();
    }

    @Override
    public Labelled sampleLabelled(int n, RandomGenerator rng) {
        Check.atLeast("n", n, 0);
        int d = dimension();
        double[] out = new double[n * d];
        int[] outLabels = new int[n];
        int got = 0;
        long drawn = 0;
        while (got < n) {
            if (drawn > (long) MAX_OVERSAMPLING * n) {
                throw new IllegalArgumentException("classes " + Arrays.toString(labels) + " of '" + whole.name()
                        + "' must have samples, found none in " + drawn + " draws");
            }
            int batch = Math.max(64, n - got);
            Labelled l = whole.sampleLabelled(batch, rng);
            drawn += batch;
            for (int i = 0; i < batch && got < n; i++) {
                if (kept[l.labels()[i]]) {
                    System.arraycopy(l.values(), i * d, out, got * d, d);
                    outLabels[got] = l.labels()[i];
                    got++;
                }
            }
        }
        return new Labelled(out, outLabels);
    }

    @Override
    public int classes() {
        return whole.classes();
    }

    /** The whole data's class weights, restricted to the kept classes and renormalised. */
    @Override
    public double[] classWeights() {
        double[] all = whole.classWeights();
        double[] w = new double[all.length];
        double total = 0;
        for (int l : labels) {
            total += all[l];
        }
        for (int l : labels) {
            w[l] = all[l] / total;
        }
        return w;
    }

    @Override
    public ModeSet modes() {
        return modes;
    }

    @Override
    public String name() {
        return whole.name() + ", class" + (labels.length == 1 ? " " + labels[0] : "es " + Arrays.toString(labels));
    }

    @Override
    public double[] mean() {
        return whole.mean();
    }

    @Override
    public double[] sd() {
        return whole.sd();
    }
}
