package org.modecollapselab.gan;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.nn.Mlp;
import org.modecollapselab.nn.Network;
import org.modecollapselab.nn.OptimizerSpec;
import org.modecollapselab.step.DiscriminatorPhase;
import org.modecollapselab.step.GeneratorPhase;
import org.modecollapselab.step.InputTransform;
import org.modecollapselab.step.LatentCodes;
import org.modecollapselab.step.Remedy;
import org.modecollapselab.step.Setup;
import org.modecollapselab.step.StepContext;
import org.modecollapselab.step.StepHook;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.buffer.DataType;
import tech.tablesaw.api.Table;
import org.modecollapselab.step.StepStats;
import org.modecollapselab.step.TrainingDivergedException;

class GanTest {
    static GanConfig small() {
        return GanConfig.temperatureCollapse().withGeneratorHidden(8).withDiscriminatorHidden(16).withBatchSize(32);
    }

    @Test
    void sameSeedSameNumbers() {
        Gan a = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), small().withSeed(3));
        Gan b = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), small().withSeed(3));
        Gan c = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), small().withSeed(4));
        for (int i = 0; i < 25; i++) {
            StepStats sa = a.step();
            StepStats sb = b.step();
            assertEquals(sa, sb);
            c.step();
        }
        assertArrayEquals(a.generator().parameters().toDoubleVector(), b.generator().parameters().toDoubleVector());
        assertArrayEquals(a.discriminator().parameters().toDoubleVector(),
                b.discriminator().parameters().toDoubleVector());
        assertNotEquals(a.generator().parameters(), c.generator().parameters());
        assertArrayEquals(a.sample(10, 1)[3], b.sample(10, 1)[3]);
    }

    /**
     * Same seed, same bits across JVMs (README, Tests: the rule for numbers): a fresh JVM on this machine, with this
     * build and the test JVM's settings, prints the same {@link DeterminismProbe} fingerprint as this one, bit for bit.
     */
    @Test
    void sameSeedSameBitsInAFreshJvm() throws Exception {
        String here = DeterminismProbe.fingerprint();
        assertEquals(here, DeterminismProbe.fingerprint(), "twice in one JVM");
        java.util.List<String> cmd = new java.util.ArrayList<>();
        cmd.add(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-D") || a.startsWith("-Xmx")).toList());
        cmd.addAll(java.util.List.of("-cp", System.getProperty("java.class.path"), DeterminismProbe.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "the fresh JVM finished");
        assertEquals(0, p.exitValue(), out);
        int from = out.indexOf("FINGERPRINT\n");
        int to = out.indexOf("\nEND");
        assertTrue(from >= 0 && to > from, out);
        assertEquals(here, out.substring(from + "FINGERPRINT\n".length(), to), "a fresh JVM, bit for bit");
    }

    @Test
    void trainingRecordsHistoryAndSnapshots() {
        Gan g = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), small());
        List<Integer> seen = new ArrayList<>();
        TrainingResult r = g.train(40, TrainingOptions.forSteps(40).withHistoryEvery(10).withSnapshotEvery(15)
                .withSnapshotSize(50).withListener(new TrainingListener() {
                    @Override
                    public void onStep(Gan gan, StepStats s) {
                        seen.add(s.step());
                    }
                }));
        assertEquals(40, seen.size());
        assertEquals(1, r.firstStep());
        assertEquals(40, r.lastStep());
        Table h = r.history();
        assertEquals(List.of("step", "d_loss", "g_loss", "d_real", "d_fake", "seconds"), h.columnNames());
        assertEquals(List.of(10, 20, 30, 40), h.intColumn("step").asList());
        assertEquals(List.of(15, 30, 40), r.snapshots().stream().map(Snapshot::step).toList());
        assertEquals(50, r.lastSnapshot().samples().length);
        assertEquals(200, r.lastSnapshot().probeD().length);
        TrainingResult more = g.train(5);
        assertEquals(41, more.firstStep());
        assertEquals(45, g.stepsDone());
    }

    @Test
    void trainsOnTwoDimensionalDataWithThePacganArchitecture() {
        var ring = org.modecollapselab.data.GaussianMixture.pacganRing();
        GanConfig c = GanConfig.pacgan2d().withGeneratorHidden(16, 16).withDiscriminatorHidden(8).withBatchSize(20);
        Gan g = Gan.create(ring, c);
        assertTrue(((Mlp) g.generator()).spec().batchNorm());
        assertEquals(5, ((Mlp) g.discriminator()).spec().maxoutPieces());
        TrainingResult r = g.train(6, TrainingOptions.forSteps(6).withSnapshotEvery(3).withSnapshotSize(40));
        assertEquals(40, r.lastSnapshot().samples().length);
        assertEquals(2, r.lastSnapshot().samples()[7].length);
        assertEquals(0, r.lastSnapshot().probeX().length, "no D(x) probe for 2-D data");
        double[][] s = g.sample(10, 3);
        assertEquals(2, s[9].length);
        assertNotEquals(s[0][0], s[0][1]);
        assertEquals(8, r.timeline(ring.modes(), org.modecollapselab.metric.CoverageThresholds.veegan())
                .reports().get(0).modes());
    }

    /** A remedy for tests: neutral, its state built by {@code state}. */
    static Remedy remedy(String label, java.util.function.Function<Setup, StepHook> state) {
        return new Remedy() {
            @Override
            public String label() {
                return label;
            }

            @Override
            public boolean neutral() {
                return false;
            }

            @Override
            public StepHook start(Setup setup) {
                return state.apply(setup);
            }
        };
    }

    @Test
    void hooksRunInOrderAndTheirTermsAdd() {
        GanConfig cfg = small().withDataType(DataType.DOUBLE)
                .withDiscriminatorOptimizer(OptimizerSpec.sgd(0.1)).withGeneratorOptimizer(OptimizerSpec.sgd(0.1));
        List<String> calls = new ArrayList<>();
        Remedy pushFirstWeight = remedy("push", setup -> new StepHook() {
            @Override
            public void beforeStep(StepContext c) {
                calls.add("before" + c.step());
            }

            @Override
            public double discriminatorTerms(DiscriminatorPhase d) {
                calls.add("d" + d.step());
                assertEquals(d.real().rows() + d.fake().rows(), d.outputGradient().rows());
                assertEquals(d.pass().input().rows(), d.inputGradient().rows());
                d.discriminator().gradients().putScalar(0, d.discriminator().gradients().getDouble(0) + 5.0);
                return 100;
            }

            @Override
            public void afterDiscriminatorUpdate(StepContext c) {
                calls.add("afterD" + c.step());
            }

            @Override
            public double generatorTerms(GeneratorPhase g) {
                calls.add("g" + g.step());
                assertEquals(g.fake().shape()[0], g.fakeGradient().shape()[0]);
                assertEquals(cfg.batchSize(), g.real().rows(), "the last D update's real batch");
                return 1000;
            }

            @Override
            public void afterStep(StepContext c) {
                calls.add("after" + c.step());
            }
        });
        Gan plain = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), cfg);
        Gan hooked = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), cfg, pushFirstWeight);
        StepStats sp = plain.step();
        StepStats sh = hooked.step();
        assertEquals(List.of("before1", "d1", "afterD1", "g1", "after1"), calls);
        assertEquals(sp.discriminatorLoss() + 100, sh.discriminatorLoss(), 1e-9);
        // G's own loss differs slightly (D moved differently), the hook's 1000 is added on top of it.
        assertTrue(sh.generatorLoss() > 1000 && sh.generatorLoss() < 1000 + 2 * sp.generatorLoss(), "" + sh);
        Network dp = plain.discriminator();
        Network dh = hooked.discriminator();
        assertEquals(dp.parameters().getDouble(0) - 0.1 * 5.0, dh.parameters().getDouble(0), 1e-12);
        assertEquals(dp.parameters().getDouble(1), dh.parameters().getDouble(1), 1e-15);
    }

    /**
     * Remedies' generator weights multiply and their terms add: a hook that keeps half of G's objective and adds
     * the other half back gives the plain GAN's update (in double precision, up to rounding), in either order.
     */
    @Test
    void objectiveWeightsMultiplyAndTermsAdd() {
        GanConfig cfg = small().withDataType(DataType.DOUBLE);
        Remedy half = remedy("half", setup -> new StepHook() {
            @Override
            public double generatorObjectiveWeight() {
                return 0.5;
            }
        });
        double[] seenWeight = new double[1];
        Remedy addBack = remedy("add back", setup -> new StepHook() {
            @Override
            public double generatorTerms(GeneratorPhase g) {
                INDArray full = g.fakeGradient().dup().muli(2);   // the objective's full gradient
                seenWeight[0] = g.fakeGradient().getDouble(0) / full.getDouble(0);
                g.fakeGradient().addi(full.muli(0.5));
                return 0.5 * g.objectiveLoss();
            }
        });
        Gan plain = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), cfg);
        Gan ab = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), cfg, half, addBack);
        Gan ba = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), cfg, addBack, half);
        for (int i = 0; i < 5; i++) {
            StepStats p = plain.step();
            assertEquals(p.generatorLoss(), ab.step().generatorLoss(), 1e-9);
            assertEquals(p.generatorLoss(), ba.step().generatorLoss(), 1e-9);
            assertEquals(0.5, seenWeight[0], 1e-12);
        }
        assertEquals(0, plain.generator().parameters().distance2(ab.generator().parameters()), 1e-9);
        assertEquals(0, ab.generator().parameters().distance2(ba.generator().parameters()), 1e-12);
    }

    /** Labels flow through the step: real labels to D's phase, a remedy's codes into G's input and D's transform. */
    @Test
    void labelsAndCodesFlowThroughTheStep() {
        var ring = org.modecollapselab.data.GaussianMixture.teachingRing();
        int[] checks = new int[1];
        Remedy oneHot = new Remedy() {
            @Override
            public String label() {
                return "one-hot class";
            }

            @Override
            public boolean neutral() {
                return false;
            }

            @Override
            public boolean needsLabels() {
                return true;
            }

            @Override
            public int generatorInputExtra() {
                return 8;
            }

            @Override
            public int discriminatorInputWidth(int width) {
                return width + 8;
            }

            @Override
            public StepHook start(Setup setup) {
                assertEquals(8, setup.classes());
                InputTransform append = (x, labels) -> {
                    double[] oh = new double[labels.length * 8];
                    for (int i = 0; i < labels.length; i++) {
                        oh[i * 8 + labels[i]] = 1;
                    }
                    INDArray out = Nd4j.hstack(x, org.modecollapselab.util.NdArrays.of(oh, labels.length, 8,
                            x.dataType()));
                    return new InputTransform.Applied() {
                        @Override
                        public INDArray output() {
                            return out;
                        }

                        @Override
                        public INDArray backward(INDArray g, boolean accumulate, boolean needInput) {
                            return g.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                                    org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2));
                        }
                    };
                };
                return new StepHook() {
                    @Override
                    public InputTransform discriminatorInput() {
                        return append;
                    }

                    @Override
                    public LatentCodes latentCodes(int rows, java.util.random.RandomGenerator rng, int[] labels) {
                        int[] l = labels != null ? labels : rng.ints(rows, 0, 8).toArray();
                        double[] v = new double[rows * 8];
                        for (int i = 0; i < rows; i++) {
                            v[i * 8 + l[i]] = 1;
                        }
                        return new LatentCodes(v, 8, l);
                    }

                    @Override
                    public double discriminatorTerms(DiscriminatorPhase d) {
                        assertEquals(d.real().rows(), d.realLabels().length);
                        assertEquals(d.fake().rows(), d.fakeLabels().length);
                        assertEquals(2 + 8, d.latent().columns());
                        assertEquals(1.0, d.real().getRow(0).getDouble(2 + d.realLabels()[0]));
                        checks[0]++;
                        return 0;
                    }
                };
            }
        };
        Gan g = Gan.create(ring, GanConfig.ringCollapse().withBatchSize(16), oneHot);
        assertEquals(10, g.generator().inputs());
        assertEquals(10, g.discriminator().inputs());
        g.train(3);
        assertEquals(3, checks[0]);
        assertEquals(5, g.sample(5, 1L, 3).length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gan.create(TemperatureData.aliceSpringsAndSouthPole().withWeights(0.5, 0.5), small(),
                        remedy("x", s -> new StepHook() {
                        })).sample(2, 1L, 7));
        assertEquals("label must be in [0, 2) (the data's classes), was 7", e.getMessage());
        assertThrows(IllegalStateException.class, () -> Gan.create(ring, GanConfig.ringCollapse()).sample(2, 1L, 0));
    }

    @Test
    void divergenceStopsWithTheStepAndLastFiniteLosses() {
        Remedy poison = remedy("poison", setup -> new StepHook() {
            @Override
            public double discriminatorTerms(DiscriminatorPhase d) {
                if (d.step() == 4) {
                    d.discriminator().gradients().putScalar(0, Double.NaN);
                }
                return 0;
            }
        });
        Gan g = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), small(), poison);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> g.train(10));
        assertEquals(4, e.step());
        assertEquals(3, e.lastFinite().step());
        assertTrue(e.getMessage().startsWith("Training diverged at step 4: D loss "), e.getMessage());
        assertTrue(e.getMessage().contains("Last finite losses at step 3: D loss "), e.getMessage());
    }

    @Test
    void badConfigIsNamed() {
        assertEquals("batchSize must be >= 2, was 0",
                assertThrows(IllegalArgumentException.class, () -> small().withBatchSize(0)).getMessage());
        assertEquals("generatorHidden[0] must be >= 1, was -4",
                assertThrows(IllegalArgumentException.class, () -> small().withGeneratorHidden(-4)).getMessage());
        assertEquals("discriminatorSteps must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> small().withDiscriminatorSteps(0)).getMessage());
        assertEquals("latentDim must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> small().withLatentDim(0)).getMessage());
        assertEquals("dataType must be FLOAT or DOUBLE, was HALF",
                assertThrows(IllegalArgumentException.class, () -> small().withDataType(DataType.HALF)).getMessage());
        Gan g = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), small());
        assertEquals("steps must be >= 1, was 0", assertThrows(IllegalArgumentException.class, () -> g.train(0)).getMessage());
    }
}
