package org.modecollapselab.step;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.modecollapselab.config.Architecture;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.DataSource;
import org.modecollapselab.nn.Network;
import org.modecollapselab.nn.Optimizer;
import org.modecollapselab.util.Check;

/**
 * How a {@link TrainingStep} is put together, in the order that fixes its random streams: the checks, the
 * configuration after the remedies' adjustments, the {@link Layout}, the seeds (G's weights, D's weights, the data
 * stream, the noise stream), both networks and their optimisers, then every remedy's hook with its own seed (a
 * neutral remedy gets {@link StepHook#NONE} and is not started).
 */
final class Wiring {
    final List<Remedy> remedies;
    final GanConfig config;
    final Standardiser standardiser;
    final SplittableRandom noiseRng;
    final Network generator;
    final Network discriminator;
    final Optimizer generatorOptimizer;
    final Optimizer discriminatorOptimizer;
    final List<StepHook> hooks;
    final Transforms transforms;
    /** The product of the hooks' {@link StepHook#generatorObjectiveWeight()}. */
    final double generatorObjectiveWeight;
    final Batches batches;

    Wiring(DataSource data, GanConfig config, List<? extends Remedy> remedies) {
        List<Remedy> rs = checkedList(data, config, remedies);
        this.remedies = rs;
        int dim = data.dimension();
        this.config = checked(data, config, rs);
        this.standardiser = Standardiser.of(data);
        Layout layout = Layout.of(this.config, dim, rs);
        SplittableRandom root = new SplittableRandom(this.config.seed());
        long gSeed = root.nextLong();
        long dSeed = root.nextLong();
        SplittableRandom dataRng = root.split();
        this.noiseRng = root.split();
        this.generator = build(this.config.generatorArchitecture(), Architecture.Role.GENERATOR,
                layout.generatorInputs, dim, gSeed);
        this.discriminator = build(this.config.discriminatorArchitecture(), Architecture.Role.DISCRIMINATOR,
                layout.discriminatorInputs, layout.discriminatorOutputs, dSeed);
        this.generatorOptimizer = new Optimizer(this.config.generatorOptimizer(), generator);
        this.discriminatorOptimizer = new Optimizer(this.config.discriminatorOptimizer(), discriminator);
        List<StepHook> hs = new ArrayList<>();
        List<InputTransform> ts = new ArrayList<>();
        double weight = 1;
        double[] classWeights = data.classes() > 0 ? data.classWeights() : new double[0];
        for (int i = 0; i < rs.size(); i++) {
            Remedy r = rs.get(i);
            // The first remedy gets the GAN's seed, each further one a distinct seed of its own.
            long seed = i == 0 ? this.config.seed() : new SplittableRandom(this.config.seed() + i).nextLong();
            StepHook h = r.neutral() ? StepHook.NONE : r.start(new Setup(this.config, dim, data.classes(),
                    layout.widthBefore(i), generator, discriminator, seed, classWeights, layout.codeColumn(i),
                    layout.outputColumn(i)));
            if (h == null) {
                throw new IllegalStateException("remedy " + r.label() + " created no state (start returned null)");
            }
            hs.add(h);
            weight *= Check.inRange("generatorObjectiveWeight of " + r.label(), h.generatorObjectiveWeight(), 0, 1);
            InputTransform t = h.discriminatorInput();
            if (t != null) {
                ts.add(t);
            }
        }
        this.hooks = List.copyOf(hs);
        this.transforms = new Transforms(ts);
        this.generatorObjectiveWeight = weight;
        this.batches = new Batches(data, standardiser, dataRng, this.config, layout.generatorInputs, rs, hooks,
                label(rs));
    }

    /** Checks as the constructor does, without building networks; the configuration after the adjustments. */
    static GanConfig check(DataSource data, GanConfig config, List<? extends Remedy> remedies) {
        return checked(data, config, checkedList(data, config, remedies));
    }

    private static List<Remedy> checkedList(DataSource data, GanConfig config, List<? extends Remedy> remedies) {
        Check.notNull("data", data);
        Check.notNull("config", config);
        Check.notNull("remedies", remedies);
        for (int i = 0; i < remedies.size(); i++) {
            Check.notNull("remedies[" + i + "]", remedies.get(i));
        }
        return List.copyOf(remedies);
    }

    /** The configuration after the remedies' adjustments, once every remedy and the layout have been checked. */
    private static GanConfig checked(DataSource data, GanConfig requested, List<Remedy> remedies) {
        int dim = data.dimension();
        double[] sd = data.sd();
        for (int i = 0; i < dim; i++) {
            Check.positive("data sd[" + i + "]", sd[i]);
        }
        GanConfig c = requested;
        for (Remedy r : remedies) {
            c = Check.notNull("config adjusted by " + r.label(), r.adjust(c));
        }
        for (Remedy r : remedies) {
            r.check(c, dim, data.classes());
        }
        if (data.classes() == 0 && remedies.stream().anyMatch(Remedy::needsLabels)) {
            throw new IllegalArgumentException("data must have class labels for "
                    + remedies.stream().filter(Remedy::needsLabels).map(Remedy::label).toList() + ", but '"
                    + data.name() + "' has none");
        }
        Layout.of(c, dim, remedies);
        return c;
    }

    private Network build(Architecture a, Architecture.Role role, int inputs, int outputs, long seed) {
        Network n = a.build(role, inputs, outputs, config, seed);
        if (n == null || n.inputs() != inputs || n.outputs() != outputs || n.dataType() != config.dataType()) {
            throw new IllegalStateException("architecture " + a + " must build a " + role + " with " + inputs
                    + " inputs, " + outputs + " outputs and data type " + config.dataType() + ", built "
                    + (n == null ? "null" : n.describe() + " (" + n.inputs() + " → " + n.outputs() + ", "
                    + n.dataType() + ")"));
        }
        return n;
    }

    /** "plain GAN", or the remedies' labels joined with " + ". */
    private static String label(List<Remedy> remedies) {
        return remedies.isEmpty() ? "plain GAN" : String.join(" + ", remedies.stream().map(Remedy::label).toList());
    }
}
