package org.modecollapselab.golden;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.modecollapselab.config.Dcgan;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.BlobImages;
import org.modecollapselab.data.DataSource;
import org.modecollapselab.data.GaussianMixture;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.gan.Method;
import org.modecollapselab.gan.Snapshot;
import org.modecollapselab.step.StepStats;
import org.modecollapselab.gan.TrainingOptions;
import org.modecollapselab.gan.TrainingResult;
import org.modecollapselab.nn.Network;
import org.modecollapselab.objective.GeneratorLoss;
import org.modecollapselab.objective.Objective;
import org.modecollapselab.plot.Charts;
import org.modecollapselab.step.Remedy;
import org.modecollapselab.catalog.Objectives;
import org.modecollapselab.catalog.Remedies;
import org.modecollapselab.remedy.conditional.ConditionalGan;
import org.modecollapselab.remedy.featurematching.FeatureMatching;
import org.modecollapselab.remedy.gradientpenalty.GradientPenalty;
import org.modecollapselab.remedy.infogan.InfoGan;
import org.modecollapselab.remedy.minibatch.MinibatchDiscrimination;
import org.modecollapselab.remedy.packing.Packing;
import org.modecollapselab.remedy.replay.ExperienceReplay;
import org.modecollapselab.remedy.snapshots.SnapshotSubstitution;
import org.modecollapselab.remedy.unrolled.Unrolling;
import org.modecollapselab.util.NdArrays;

/**
 * The golden dump of the restructure (issue 21): trains plain GANs and many remedies for a few dozen steps and
 * writes every loss, parameter, sample and probe as the exact hex of its double, so that two builds can be compared
 * byte for byte (catalog names in sorted order, so that the dump does not depend on the catalog's listing order).
 * Skipped unless {@code -Dgolden.out=FILE} is given (chart data go to {@code FILE.charts}):
 * {@code mvn -B -q test -Dtest=GoldenDump -Dgolden.out=target/golden.txt}.
 */
class GoldenDump {
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder charts = new StringBuilder();

    @Test
    void dump() throws IOException {
        String file = System.getProperty("golden.out");
        assumeTrue(file != null && !file.isBlank(), "golden.out not set");
        DataSource temp = TemperatureData.aliceSpringsAndSouthPole();
        GanConfig small = GanConfig.temperatureCollapse().withGeneratorHidden(8).withDiscriminatorHidden(16)
                .withBatchSize(32).withSeed(5);
        GaussianMixture ring = GaussianMixture.teachingRing();
        GanConfig ringSmall = GanConfig.ringCollapse().withGeneratorHidden(16, 16).withDiscriminatorHidden(16)
                .withBatchSize(64).withSeed(7);

        trained("plain temperature", Gan.create(temp, small), 40);
        trained("plain temperature preset", Gan.create(temp, GanConfig.temperatureCollapse()), 25);
        trained("plain ring", Gan.create(ring, ringSmall), 30);
        trained("pacgan2d ring", Gan.create(GaussianMixture.pacganRing(), GanConfig.pacgan2d()
                .withGeneratorHidden(16, 16).withDiscriminatorHidden(8), Packing.pacgan(2, 10)), 12);
        trained("packing 4 temperature", Gan.create(temp, small, new Packing(4)), 30);
        trained("minimax", Gan.create(temp, small.withObjective(Objective.gan(GeneratorLoss.MINIMAX))), 30);
        trained("feature matching", Gan.create(temp, small, new FeatureMatching(1.0)), 30);
        trained("hybrid", Gan.create(ring, ringSmall, new FeatureMatching(0.5)), 20);
        trained("minibatch", Gan.create(temp, small, MinibatchDiscrimination.of(8)), 25);
        trained("unrolling exact", Gan.create(temp, small, Unrolling.exact(3)), 15);
        trained("unrolling first order", Gan.create(temp, small, Unrolling.firstOrder(3)), 15);
        trained("wgan-gp", Objectives.parse("wgan-gp").create(temp, small), 25);
        trained("wgan clip", Objectives.parse("wgan").create(ring, ringSmall), 20);
        trained("gradient penalty gan", Gan.create(temp, small, GradientPenalty.of(5)), 20);
        trained("infogan ring", Gan.create(ring, ringSmall, InfoGan.categorical(4)), 20);
        trained("replay", Gan.create(temp, small, ExperienceReplay.of(0.5)), 30);
        trained("snapshots", Gan.create(temp, small, new SnapshotSubstitution(5, 3, 4, true)), 30);
        trained("packing + minibatch", Gan.create(ring, ringSmall, new Packing(2), MinibatchDiscrimination.of(4)), 15);
        Gan cgan = Gan.create(temp, small, ConditionalGan.of(temp));
        trained("cgan", cgan, 30);
        line("cgan class 0", cgan.sample(20, 3, 0));
        line("cgan class 1", cgan.sample(20, 3, 1));
        line("cgan conditional", cgan.asConditional().sample(10, 4, 1));
        Gan cganRing = Gan.create(ring, ringSmall, ConditionalGan.of(ring));
        trained("cgan ring", cganRing, 15);

        Gan manual = Gan.create(temp, small.withDiscriminatorSteps(2));
        for (int i = 0; i < 5; i++) {
            stats("manual d", manual.stepDiscriminator(2));
            stats("manual g", manual.stepGenerator(1));
        }
        stats("manual g only", manual.stepGenerator(2));
        stats("manual step", manual.step());
        network("manual G", manual.generator());
        network("manual D", manual.discriminator());

        Gan probe = Gan.create(ring, ringSmall);
        probe.train(20, TrainingOptions.forSteps(20).withSnapshotEvery(20).withSnapshotSize(10));
        double[][] points = {{0, 0}, {1, 0.5}, {-1.5, 2}, {3, -3}};
        line("ring score", probe.discriminatorScore(points));
        line("ring probability", probe.discriminatorProbability(points));
        line("ring push", probe.generatorPush(points));
        line("ring generate", probe.generate(new double[][] {{0, 0}, {0.5, -1}, {2, 2}}));
        Gan probe1 = Gan.create(temp, small);
        probe1.train(20, TrainingOptions.forSteps(20).withSnapshotEvery(20).withSnapshotSize(10));
        line("temp probe grid", probe1.probeGrid(11));
        line("temp score", probe1.discriminatorScore(new double[] {-30, 0, 35}));
        line("temp push", probe1.generatorPush(new double[][] {{-30}, {0}, {35}}));

        BlobImages blobs = new BlobImages(4, 1, 28, 0.05);
        trained("dcgan", Gan.create(blobs, Dcgan.small(1).ganConfig().withBatchSize(8).withLatentDim(16)
                .withSeed(3)), 3);

        // Every catalog name with its default argument, through its method (AdaGAN and per-class train several GANs).
        for (String name : Remedies.names().stream().sorted().toList()) {
            String spec = name.contains("[") ? name.substring(0, name.indexOf('[')) : name;
            Method m = Remedies.parse(spec);
            DataSource d = spec.equals("infogan") || spec.equals("per-class") || spec.equals("cgan") ? ring : temp;
            GanConfig c = d == ring ? ringSmall : small;
            out.append("method ").append(spec).append(' ').append(m.label()).append(' ').append(m.neutral())
                    .append('\n');
            m.check(d, c);
            Method.Trained t = m.train(d, c, 8, TrainingOptions.forSteps(8).withSnapshotEvery(8)
                    .withSnapshotSize(5));
            line("method " + spec + " samples", t.sampler().sample(12, 2));
            result("method " + spec, t.result());
        }
        for (String name : Objectives.ALL) {
            var s = Objectives.parse(name);
            out.append("objective ").append(name).append(' ').append(s.label()).append(' ').append(s.neutral())
                    .append(' ').append(s.remedies().stream().map(Remedy::label).toList()).append('\n');
            Gan g = s.create(temp, small);
            trained("objective " + name, g, 10);
        }
        out.append("remedy names ").append(Remedies.names().stream().sorted().toList()).append('\n');
        out.append("objective names ").append(Objectives.names().stream().sorted().toList()).append('\n');

        // Charts that probe a GAN: their data go to a separate file (a chart's grid may change by design).
        Gan wgan = Objectives.parse("wgan-gp").create(temp, small);
        wgan.train(10, TrainingOptions.forSteps(10).withSnapshotEvery(10).withSnapshotSize(10));
        double[] real = temp.sample(200, new java.util.SplittableRandom(1));
        chart("snapshot chart", Charts.snapshot(real, probe1, 20, "x"));
        double[][] ringReal = ring.sample(40, new java.util.SplittableRandom(2)).length > 0 ? rows(ring.sample(40,
                new java.util.SplittableRandom(2)), 2) : null;
        chart("game chart", Charts.game(probe, ringReal, probe.sample(30, 1), true, "game"));
        chart("value field", Charts.valueField(probe, probe.sample(30, 1), "field"));
        try {
            chart("snapshot chart wgan", Charts.snapshot(real, wgan, 20, "x"));
        } catch (RuntimeException e) {
            charts.append("snapshot chart wgan threw ").append(e.getClass().getSimpleName()).append(": ")
                    .append(e.getMessage()).append('\n');
        }

        Files.writeString(Path.of(file), out.toString(), StandardCharsets.UTF_8);
        Files.writeString(Path.of(file + ".charts"), charts.toString(), StandardCharsets.UTF_8);
    }

    private void trained(String name, Gan g, int steps) {
        out.append("== ").append(name).append(' ').append(g.label()).append('\n');
        TrainingResult r = g.train(steps, TrainingOptions.forSteps(steps).withHistoryEvery(1)
                .withSnapshotEvery(Math.max(1, steps / 3)).withSnapshotSize(16));
        result(name, r);
        network(name + " G", g.generator());
        network(name + " D", g.discriminator());
        line(name + " sample", g.sample(20, 11));
    }

    private void result(String name, TrainingResult r) {
        out.append(name).append(" steps ").append(r.firstStep()).append('-').append(r.lastStep()).append(' ')
                .append(r.scoreName()).append(' ').append(r.scoreIsProbability()).append('\n');
        for (String col : List.of("d_loss", "g_loss", "d_real", "d_fake")) {
            line(name + " " + col, r.history().doubleColumn(col).asDoubleArray());
        }
        out.append(name).append(" history steps ").append(r.history().intColumn("step").asList()).append('\n');
        for (Snapshot s : r.snapshots()) {
            line(name + " snapshot " + s.step() + " samples", s.samples());
            line(name + " snapshot " + s.step() + " probeX", s.probeX());
            line(name + " snapshot " + s.step() + " probeD " + s.scoreName(), s.probeD());
        }
    }

    private void stats(String name, StepStats s) {
        line(name + " " + s.step(), new double[] {s.discriminatorLoss(), s.generatorLoss(), s.realScore(),
                s.fakeScore()});
    }

    private void network(String name, Network n) {
        out.append(name).append(' ').append(n.describe()).append(' ').append(n.inputs()).append("→")
                .append(n.outputs()).append('\n');
        line(name + " parameters", NdArrays.values(n.parameters()));
    }

    private void line(String name, double[][] rows) {
        StringBuilder b = new StringBuilder();
        for (double[] r : rows) {
            b.append(hex(r)).append(';');
        }
        out.append(name).append(' ').append(b).append('\n');
    }

    private void line(String name, double[] v) {
        out.append(name).append(' ').append(hex(v)).append('\n');
    }

    private void chart(String name, XYChart c) {
        charts.append("== ").append(name).append(' ').append(c.getTitle()).append('\n');
        for (XYSeries s : c.getSeriesMap().values()) {
            charts.append(s.getName()).append(" x ").append(hex(s.getXData())).append('\n');
            charts.append(s.getName()).append(" y ").append(hex(s.getYData())).append('\n');
        }
    }

    private static double[][] rows(double[] flat, int dim) {
        double[][] r = new double[flat.length / dim][dim];
        for (int i = 0; i < r.length; i++) {
            System.arraycopy(flat, i * dim, r[i], 0, dim);
        }
        return r;
    }

    private static String hex(double[] v) {
        StringBuilder b = new StringBuilder();
        for (double x : v) {
            b.append(Long.toHexString(Double.doubleToRawLongBits(x))).append(',');
        }
        return b.toString();
    }
}
