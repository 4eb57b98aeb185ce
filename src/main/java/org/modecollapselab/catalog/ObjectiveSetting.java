package org.modecollapselab.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.DataSource;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.gan.Method;
import org.modecollapselab.gan.TrainingOptions;
import org.modecollapselab.nn.OptimizerSpec;
import org.modecollapselab.objective.Objective;
import org.modecollapselab.step.Remedy;
import org.modecollapselab.util.Check;

/**
 * An objective as a study or a notebook chooses it: the {@link Objective} (the losses), the remedies its paper
 * needs to make it work (a Wasserstein critic's Lipschitz constraint: weight clipping or the gradient penalty),
 * and, for the papers' full recipes, D updates per G update (n_critic) and the optimiser of both networks. Applied to
 * a data set's configuration with {@link #configure}; crossed with a remedy with {@link #method}.
 *
 * @param name               the catalog name, e.g. "wgan-gp:10"
 * @param label              the label in tables and charts, e.g. "WGAN-GP λ=10"
 * @param objective          the losses
 * @param remedies           what the objective needs on the step (may be empty)
 * @param discriminatorSteps n_critic, or 0 to keep the configuration's
 * @param optimizer          both networks' optimiser, or null to keep the configuration's
 */
public record ObjectiveSetting(String name, String label, Objective objective, List<Remedy> remedies,
                               int discriminatorSteps, OptimizerSpec optimizer) {
    public ObjectiveSetting {
        Check.notBlank("name", name);
        Check.notBlank("label", label);
        Check.notNull("objective", objective);
        Check.notNull("remedies", remedies);
        for (int i = 0; i < remedies.size(); i++) {
            Check.notNull("remedies[" + i + "]", remedies.get(i));
        }
        remedies = List.copyOf(remedies);
        Check.atLeast("discriminatorSteps", discriminatorSteps, 0);
    }

    /** Only the objective: no remedies, n_critic and optimisers kept. */
    public static ObjectiveSetting of(String name, Objective objective) {
        Check.notNull("objective", objective);
        return new ObjectiveSetting(name, objective.label(), objective, List.of(), 0, null);
    }

    /** Whether this is the configuration's default objective and nothing else (the plain GAN). */
    public boolean neutral() {
        return objective.equals(Objective.standard()) && remedies.stream().allMatch(Remedy::neutral)
                && discriminatorSteps == 0 && optimizer == null;
    }

    /** {@code config} with this objective, n_critic and optimisers (seed, networks and batch unchanged). */
    public GanConfig configure(GanConfig config) {
        Check.notNull("config", config);
        GanConfig c = config.withObjective(objective);
        if (discriminatorSteps > 0) {
            c = c.withDiscriminatorSteps(discriminatorSteps);
        }
        if (optimizer != null) {
            c = c.withGeneratorOptimizer(optimizer).withDiscriminatorOptimizer(optimizer);
        }
        return c;
    }

    /** A GAN on {@code data} with this objective applied to {@code config}, its remedies first, then {@code more}. */
    public Gan create(DataSource data, GanConfig config, Remedy... more) {
        Check.noNulls("more", more);
        List<Remedy> all = new ArrayList<>(remedies);
        all.addAll(Arrays.asList(more));
        return Gan.create(data, configure(config), all);
    }

    /**
     * {@code inner} trained with this objective: one GAN with this setting's remedies before the inner method's. Its
     * label is the inner method's for the neutral setting (so that a study's GAN rows keep their names), this
     * setting's label for the plain GAN, and "label + inner" otherwise.
     */
    public Method method(Method inner) {
        Check.notNull("inner", inner);
        return new WithObjective(this, inner);
    }

    @Override
    public String toString() {
        return label;
    }

    /**
     * A method trained under an objective setting. Methods that train several GANs take the objective, but not
     * remedies: combining them with a setting that needs remedies (WGAN's clipping) is refused by {@link #check}.
     *
     * @param setting the objective setting
     * @param inner   the method (one GAN with remedies, or several GANs)
     */
    public record WithObjective(ObjectiveSetting setting, Method inner) implements Method {
        public WithObjective {
            Check.notNull("setting", setting);
            Check.notNull("inner", inner);
        }

        @Override
        public String label() {
            if (setting.neutral()) {
                return inner.label();
            }
            return inner instanceof Method.OneGan g && g.remedies().isEmpty() ? setting.label()
                    : setting.label() + " + " + inner.label();
        }

        @Override
        public boolean neutral() {
            return setting.neutral() && inner.neutral();
        }

        /** The one GAN this method trains (the setting's remedies, then the inner method's), or null. */
        public Method.OneGan oneGan() {
            if (!(inner instanceof Method.OneGan g)) {
                return null;
            }
            List<Remedy> all = new ArrayList<>(setting.remedies());
            all.addAll(g.remedies());
            return new Method.OneGan(all);
        }

        private Method resolved() {
            Method.OneGan g = oneGan();
            if (g != null) {
                return g;
            }
            if (!setting.remedies().isEmpty()) {
                throw new IllegalArgumentException("objective " + setting.label() + " needs remedies "
                        + setting.remedies().stream().map(Remedy::label).toList() + " on one GAN's step, but method '"
                        + inner.label() + "' trains several GANs");
            }
            return inner;
        }

        @Override
        public void check(DataSource data, GanConfig config) {
            resolved().check(data, setting.configure(config));
        }

        @Override
        public Trained train(DataSource data, GanConfig config, int steps, TrainingOptions options) {
            return resolved().train(data, setting.configure(config), steps, options);
        }
    }
}
