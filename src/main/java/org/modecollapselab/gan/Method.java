package org.modecollapselab.gan;

import java.util.Arrays;
import java.util.List;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.DataSource;
import org.modecollapselab.sampler.Sampler;
import org.modecollapselab.step.Remedy;
import org.modecollapselab.util.Check;

/**
 * A way to train a sampler on data: one GAN with remedies ({@link #of}), or several GANs (a mixture, one GAN per
 * class). Studies compare methods; each is an immutable value that validates its settings before any training.
 */
public interface Method {

    /** What training produced: the sampler, and the (last) training run's history and snapshots. */
    record Trained(Sampler sampler, TrainingResult result) {
        public Trained {
            Check.notNull("sampler", sampler);
            Check.notNull("result", result);
        }
    }

    /** The label in tables and charts ("plain", "packing m=4", …). */
    String label();

    /** Whether this method is the plain GAN exactly (a study's baseline). */
    boolean neutral();

    /**
     * Checks the method against the data and configuration without training (a study checks every method first);
     * throws IllegalArgumentException naming the parameter, the rule and the value.
     */
    void check(DataSource data, GanConfig config);

    /** Trains from scratch for {@code steps} steps (the configuration's seed seeds everything). */
    Trained train(DataSource data, GanConfig config, int steps, TrainingOptions options);

    /** One GAN with these remedies, in order; no remedies is the plain GAN. */
    static Method of(Remedy... remedies) {
        Check.notNull("remedies", remedies);
        return of(Arrays.asList(remedies));
    }

    /** One GAN with the remedies of a list. */
    static Method of(List<? extends Remedy> remedies) {
        Check.notNull("remedies", remedies);
        for (int i = 0; i < remedies.size(); i++) {
            Check.notNull("remedies[" + i + "]", remedies.get(i));
        }
        return new OneGan(List.copyOf(remedies));
    }

    /** The plain GAN. */
    static Method plain() {
        return new OneGan(List.of());
    }

    /** One GAN with remedies: "plain" without any. */
    record OneGan(List<Remedy> remedies) implements Method {
        public OneGan {
            remedies = List.copyOf(Check.noNulls("remedies", remedies));
        }

        @Override
        public String label() {
            return remedies.isEmpty() ? "plain" : String.join(" + ", remedies.stream().map(Remedy::label).toList());
        }

        @Override
        public boolean neutral() {
            return remedies.stream().allMatch(Remedy::neutral);
        }

        @Override
        public void check(DataSource data, GanConfig config) {
            Gan.check(data, config, remedies);
        }

        @Override
        public Trained train(DataSource data, GanConfig config, int steps, TrainingOptions options) {
            Gan gan = Gan.create(data, config, remedies);
            return new Trained(gan, gan.train(steps, options));
        }
    }
}
