package org.modecollapselab.contract;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.modecollapselab.gan.Catalogued;
import org.modecollapselab.data.mnist.Mnist;
import org.modecollapselab.data.mnist.MnistDownload;
import org.modecollapselab.data.mnist.MnistSplit;
import org.modecollapselab.plot.ImageGrid;
import org.modecollapselab.plot.SeveralGanCharts;
import java.util.Properties;
import org.modecollapselab.classifier.DigitClassifier;
import org.modecollapselab.classifier.DigitScorer;
import org.modecollapselab.classifier.TrainClassifier;
import org.modecollapselab.config.Dcgan;
import org.modecollapselab.data.ImageShape;
import org.modecollapselab.data.ImageSource;
import org.modecollapselab.data.WeightedSample;
import org.modecollapselab.data.mnist.DownloadListener;
import org.modecollapselab.data.mnist.Idx;
import org.modecollapselab.data.mnist.MnistDigits;
import org.modecollapselab.data.mnist.MnistFile;
import org.modecollapselab.data.mnist.StackedMnist;
import org.modecollapselab.knob.Knob;
import org.modecollapselab.knob.KnobSetting;
import org.modecollapselab.metric.ClassifierThresholds;
import org.modecollapselab.metric.CodeModeTable;
import org.modecollapselab.metric.CoverageScorer;
import org.modecollapselab.metric.DigitCoverage;
import org.modecollapselab.nn.Init;
import org.modecollapselab.nn.conv.DcganDiscriminator;
import org.modecollapselab.nn.conv.DcganGenerator;
import org.modecollapselab.notebook.GpuCheck;
import org.modecollapselab.notebook.Lab;
import org.modecollapselab.objective.FDivergence;
import org.modecollapselab.objective.FGanObjective;
import org.modecollapselab.objective.LeastSquaresObjective;
import org.modecollapselab.objective.RowLoss;
import org.modecollapselab.plot.Animation;
import org.modecollapselab.plot.DigitCharts;
import org.modecollapselab.plot.FigureStyle;
import org.modecollapselab.plot.KnobCharts;
import org.modecollapselab.remedy.adagan.AdaGan;
import org.modecollapselab.catalog.ObjectiveSetting;
import org.modecollapselab.catalog.Objectives;
import org.modecollapselab.remedy.gradientpenalty.GradientPenalty;
import org.modecollapselab.remedy.infogan.InfoGan;
import org.modecollapselab.remedy.modeseeking.ModeSeeking;
import org.modecollapselab.remedy.noise.NoiseSchedule;
import org.modecollapselab.remedy.perclass.PerClassGans;
import org.modecollapselab.remedy.replay.ExperienceReplay;
import org.modecollapselab.sampler.Mixture;
import org.modecollapselab.study.NamedPlan;
import org.modecollapselab.study.StudyEngine;
import org.modecollapselab.study.StudyPlan;
import org.modecollapselab.study.StudyProgress;
import org.modecollapselab.study.Sweep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.knowm.xchart.internal.chartpart.Chart;
import org.modecollapselab.config.Architecture;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.contract.Examples.Kind;
import org.modecollapselab.data.DataSource;
import org.modecollapselab.data.GaussianMixture;
import org.modecollapselab.data.GaussianMixture1D;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.data.TemperatureReadings;
import org.modecollapselab.step.DivergenceGuard;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.gan.GanProbe;
import org.modecollapselab.step.Standardiser;
import org.modecollapselab.step.TrainingStep;
import org.modecollapselab.gan.Method;
import org.modecollapselab.gan.Snapshot;
import org.modecollapselab.step.StepStats;
import org.modecollapselab.step.TrainingDivergedException;
import org.modecollapselab.gan.TrainingListener;
import org.modecollapselab.gan.TrainingOptions;
import org.modecollapselab.gan.TrainingResult;
import org.modecollapselab.metric.CoverageReport;
import org.modecollapselab.metric.CoverageThresholds;
import org.modecollapselab.metric.Mode;
import org.modecollapselab.metric.ModeCoverage;
import org.modecollapselab.metric.ModeSet;
import org.modecollapselab.metric.ModeTimeline;
import org.modecollapselab.nn.Activation;
import org.modecollapselab.nn.Mlp;
import org.modecollapselab.nn.MlpSpec;
import org.modecollapselab.nn.Network;
import org.modecollapselab.nn.OptimizerSpec;
import org.modecollapselab.nn.SecondOrder;
import org.modecollapselab.objective.GanObjective;
import org.modecollapselab.objective.GeneratorLoss;
import org.modecollapselab.objective.Objective;
import org.modecollapselab.notebook.LiveView;
import org.modecollapselab.plot.Charts;
import org.modecollapselab.step.DiscriminatorPhase;
import org.modecollapselab.step.GeneratorPhase;
import org.modecollapselab.step.InputTransform;
import org.modecollapselab.step.LatentCodes;
import org.modecollapselab.step.Remedy;
import org.modecollapselab.step.Setup;
import org.modecollapselab.step.StepContext;
import org.modecollapselab.step.StepHook;
import org.modecollapselab.catalog.Remedies;
import org.modecollapselab.remedy.featurematching.FeatureMatching;
import org.modecollapselab.remedy.minibatch.MinibatchDiscrimination;
import org.modecollapselab.remedy.packing.Packing;
import org.modecollapselab.remedy.unrolled.Unrolling;
import org.modecollapselab.sampler.Sampler;
import org.modecollapselab.study.PacGanTable1;
import org.modecollapselab.study.SeedStudy;
import org.modecollapselab.study.Study;
import org.modecollapselab.study.StudyCase;
import org.modecollapselab.study.StudyCommand;
import org.modecollapselab.study.StudyReport;
import org.modecollapselab.bench.GanBenchmark;
import org.modecollapselab.util.AtomicFiles;
import org.modecollapselab.util.Check;
import org.modecollapselab.util.Csv;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The example values of the API contract test: one line per type of the public API (see {@link Examples} for what
 * is built in and how to register a new type). Everything is small, so that the whole walk takes seconds.
 */
final class StandardExamples {
    private StandardExamples() {
    }

    // ---------------------------------------------------------------- small building blocks

    static GanConfig tinyConfig() {
        return GanConfig.temperatureCollapse().withGeneratorHidden(4).withDiscriminatorHidden(4).withBatchSize(8);
    }

    static GaussianMixture1D temperature() {
        return TemperatureData.aliceSpringsAndSouthPole();
    }

    static Gan tinyGan() {
        return Gan.create(temperature(), tinyConfig());
    }

    static MlpSpec tinySpec() {
        return MlpSpec.of(1, List.of(3), 1, Activation.LEAKY_RELU, Activation.IDENTITY);
    }

    static Mlp tinyMlp() {
        return new Mlp(tinySpec(), DataType.FLOAT, 1);
    }

    static INDArray batch() {
        return Nd4j.zeros(DataType.FLOAT, 4, 1);
    }

    private static TrainingResult trained;
    private static Table seedStudy;

    /** Two steps of the tiny GAN (trained once; a result is immutable). */
    static synchronized TrainingResult trained() {
        if (trained == null) {
            trained = tinyGan().train(2, TrainingOptions.forSteps(2).withSnapshotSize(20));
        }
        return trained;
    }

    static synchronized Table seedStudy() {
        if (seedStudy == null) {
            seedStudy = SeedStudy.run(temperature(), tinyConfig(), "tiny", 2, 2, CoverageThresholds.standard());
        }
        return seedStudy.copy();
    }

    static Study.Run run() {
        return new Study.Run("t", "plain", true, 1, 2, 1, 2, 50, 0.1, 100, false, 0, null);
    }

    static Table runs() {
        return StudyReport.table(List.of(run()));
    }

    static Path file(Path dir, String name, String text) {
        try {
            Files.createDirectories(dir);
            Path p = dir.resolve(name);
            Files.writeString(p, text);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    // ---------------------------------------------------------------- the merged features' building blocks

    private static MnistDigits digits;
    private static DigitClassifier classifier;
    private static Table sweep;

    /** Twenty digits whose pixels all equal their label (the MNIST tests' stand-in). */
    static synchronized MnistDigits tinyDigits() {
        if (digits == null) {
            int n = 20;
            byte[] px = new byte[n * 784];
            byte[] labels = new byte[n];
            for (int i = 0; i < n; i++) {
                labels[i] = (byte) (i % 10);
                java.util.Arrays.fill(px, i * 784, (i + 1) * 784, (byte) (i % 10));
            }
            digits = MnistDigits.of(px, labels, "tiny");
        }
        return digits;
    }

    static synchronized DigitClassifier classifier() {
        if (classifier == null) {
            classifier = DigitClassifier.standard();
        }
        return classifier;
    }

    static synchronized Table sweep() {
        if (sweep == null) {
            sweep = Sweep.run(studyCase(), Knob.LEARNING_RATE, new double[] {1e-3}, 1, 1,
                    new Study.Protocol(20, 2, 20), s -> { });
        }
        return sweep.copy();
    }

    static StudyCase studyCase() {
        return new StudyCase("t", temperature(), tinyConfig(), 2, CoverageThresholds.standard());
    }

    static DcganDiscriminator discriminator() {
        return new DcganDiscriminator(64, 1, 1, 8, 2, Init.PYTORCH_DEFAULT, DataType.FLOAT, 1);
    }

    static DcganGenerator generator() {
        return new DcganGenerator(2, 1, 8, 2, Activation.TANH, Init.PYTORCH_DEFAULT, DataType.FLOAT, 1);
    }

    static Gan ringGan() {
        return Gan.create(GaussianMixture.teachingRing(), GanConfig.ringCollapse().withGeneratorHidden(4)
                .withDiscriminatorHidden(4).withBatchSize(8));
    }

    static Gan infoGan() {
        return Gan.create(temperature(), tinyConfig(), InfoGan.categorical(2));
    }

    static MnistFile tinyMnistFile(Path dir) {
        try {
            Path f = dir.resolve("t10k-labels-idx1-ubyte");
            return new MnistFile(f.getFileName().toString(), Files.size(f), MnistDownload.sha256(f));
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    static double[] tenShares() {
        double[] s = new double[10];
        java.util.Arrays.fill(s, 0.1);
        return s;
    }

    static double[] thousandShares() {
        double[] s = new double[1000];
        java.util.Arrays.fill(s, 0.001);
        return s;
    }

    static CoverageReport temperatureReport() {
        return ModeCoverage.evaluate(new double[] {35, -26}, temperature().modes(), CoverageThresholds.standard());
    }

    static CoverageReport digitReport() {
        double[][] p = new double[10][10];
        for (int k = 0; k < 10; k++) {
            p[k][k] = 1;
        }
        return DigitCoverage.digits(p, tenShares(), ClassifierThresholds.digits());
    }

    static byte[] idxLabels(byte[] labels) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + labels.length);
        b.putInt(0x00000801).putInt(labels.length).put(labels);
        return b.array();
    }

    static byte[] idxImages(byte[] pixels, int n) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16 + pixels.length);
        b.putInt(0x00000803).putInt(n).putInt(28).putInt(28).put(pixels);
        return b.array();
    }

    /** A test split of two digits, uncompressed, as MNIST's folder holds it. */
    static Path tinyMnist(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("t10k-labels-idx1-ubyte"), idxLabels(new byte[] {1, 2}));
            Files.write(dir.resolve("t10k-images-idx3-ubyte"), idxImages(new byte[2 * 784], 2));
            return dir;
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    // ---------------------------------------------------------------- the registry

    static Examples create(Path scratch) {
        file(scratch, "a-regular-file", "not a folder\n");
        Path csv = file(scratch, "readings.csv", "site,temperature_c\nA,1\nA,2\nB,5\nB,7\n");
        Path runsCsv = scratch.resolve("runs.csv");
        runs().write().csv(runsCsv.toFile());
        Examples e = new Examples(scratch);

        // What is not an entry point.
        e.skip(Check.class, "the validation layer itself: its job is to throw for bad values");
        e.skip(DcganDiscriminator.Pass.class, "its constructor takes ConvOps' package-private types: only the network "
                + "makes one");
        e.skip(DcganGenerator.Pass.class, "its constructor takes ConvOps' package-private types: only the network "
                + "makes one");
        for (Class<?> c : List.of(StepHook.class, TrainingListener.class, InputTransform.class,
                InputTransform.Applied.class, StepContext.class, DiscriminatorPhase.class, GeneratorPhase.class,
                Remedy.class, Architecture.class)) {
            e.callback(c, "the GAN calls it with arguments it made and checked itself");
        }
        for (Class<?> c : List.of(StepStats.class, Snapshot.class, TrainingResult.class, CoverageReport.class,
                Study.Run.class, PacGanTable1.Published.class, DataSource.Labelled.class, Method.Trained.class,
                Mlp.Pass.class, SecondOrder.CurvatureProducts.class, Unrolling.Result.class, Setup.class,
                TrainingDivergedException.class, Csv.Row.class, Csv.Table.class, CodeModeTable.class,
                ModeSeeking.Term.class, GradientPenalty.Penalty.class, StudyProgress.Status.class,
                ModeTimeline.Hop.class, AdaGan.Boosted.class, PerClassGans.Grouped.class, Study.Outcome.class,
                MnistDigits.Split.class, GpuCheck.Gpu.class, GpuCheck.Decision.class, Study.Failure.class)) {
            e.output(c, "a record of what the library measured or made");
        }
        for (Class<?> c : List.of(DownloadListener.class, StudyProgress.class, RowLoss.class)) {
            e.callback(c, "the library calls it with arguments it made and checked itself (a download's progress, a "
                    + "study's results, D's outputs in the losses)");
        }

        // Java and third-party types.
        e.add(RandomGenerator.class, () -> new SplittableRandom(1));
        e.add(DataType.class, () -> DataType.FLOAT);
        e.bad(DataType.class, Kind.OUT_OF_RANGE, () -> DataType.INT, "INT");
        e.add(INDArray.class, StandardExamples::batch);
        for (String m : List.of("addi", "subi", "muli", "sub", "mul")) {
            e.add(org.modecollapselab.util.Broadcast.class, m + "Row", "x", () -> Nd4j.zeros(DataType.FLOAT, 4, 3));
            e.add(org.modecollapselab.util.Broadcast.class, m + "Row", "row", () -> Nd4j.zeros(DataType.FLOAT, 1, 3));
            e.add(org.modecollapselab.util.Broadcast.class, m + "Column", "x", () -> Nd4j.zeros(DataType.FLOAT, 4, 3));
            e.add(org.modecollapselab.util.Broadcast.class, m + "Column", "column",
                    () -> Nd4j.zeros(DataType.FLOAT, 4, 1));
        }
        e.bad(INDArray.class, Kind.WRONG_SHAPE, () -> Nd4j.zeros(DataType.FLOAT, 5, 7), "[5, 7]", "7", "35");
        e.add(Table.class, () -> trained().history());
        e.add(Table.class, "summary", () -> StudyReport.summary(runs()));
        e.add(Table.class, "runs", StandardExamples::runs);
        e.add(Table.class, "study", StandardExamples::seedStudy);
        e.bad(Table.class, Kind.WRONG_SHAPE, () -> Table.create("unrelated", DoubleColumn.create("x", 1.0)),
                "unrelated", "[x]");
        e.add(Chart.class, () -> Charts.histogram(new double[] {1, 2}, new double[] {1, 3}, 4, "t", "x"));
        e.add(Function.class, () -> (Function<Object, String>) o -> "id");
        e.add(BiConsumer.class, () -> (BiConsumer<String, Object>) (id, o) -> { });
        e.add(BiFunction.class, () -> (BiFunction<Gan, Snapshot, Chart<?, ?>>) (g, s) ->
                Charts.histogram(new double[] {1, 2}, s.values(), 4, "t", "x"));
        e.add(Consumer.class, () -> (Consumer<Object>) s -> { });
        e.add(Supplier.class, () -> (Supplier<Gan>) StandardExamples::tinyGan);
        e.add(UnaryOperator.class, () -> (UnaryOperator<INDArray>) g -> g);
        e.add(Path.class, "csv", () -> csv);
        e.add(Path.class, "file", () -> csv);
        e.add(Csv.Table.class, () -> Csv.read("csv", csv));
        e.add(Csv.Row.class, () -> new Csv.Row(2, "A,1", List.of("A", "1")));
        e.add(Path.class, "base", () -> scratch.resolve("charts").resolve("chart"));
        e.add(Path.class, "out", () -> scratch.resolve("out"));
        e.add(Path.class, "target", () -> file(scratch.resolve("files"), "file.txt", "x"));
        e.add(Path.class, "temporary", () -> file(scratch.resolve("tmp"), "t" + System.nanoTime() + ".part", "x"));

        // The library's types.
        e.add(MlpSpec.class, StandardExamples::tinySpec);
        e.add(Mlp.class, StandardExamples::tinyMlp);
        e.add(Mlp.Pass.class, () -> tinyMlp().forward(batch()));
        e.add(OptimizerSpec.class, () -> OptimizerSpec.adam(1e-3));
        e.add(GanConfig.class, StandardExamples::tinyConfig);
        e.add(Architecture.class, () -> Architecture.MLP);
        e.add(GanObjective.class, () -> new GanObjective(GeneratorLoss.NON_SATURATING));
        e.add(Objective.class, Objective::standard);
        e.add(InputTransform.class, () -> (InputTransform) (x, labels) -> InputTransform.Applied.of(x, g -> g));
        e.add(LiveView.class, () -> new LiveView(o -> "id", (id, o) -> { }));
        e.add(GaussianMixture1D.class, StandardExamples::temperature);
        e.add(GaussianMixture1D.Component.class, () -> new GaussianMixture1D.Component("a", 0, 1, 1));
        e.add(GaussianMixture.class, GaussianMixture::teachingRing);
        e.add(TemperatureReadings.class, () -> TemperatureData.readCsv(csv));
        e.add(DataSource.class, StandardExamples::temperature);
        e.add(Sampler.class, () -> temperature().asSampler());
        e.add(Gan.class, StandardExamples::tinyGan);
        e.add(DivergenceGuard.class, DivergenceGuard::standard);
        e.add(Packing.class, () -> new Packing(2));
        e.add(FeatureMatching.class, () -> new FeatureMatching(0.5));
        e.add(MinibatchDiscrimination.class, () -> MinibatchDiscrimination.of(2));
        e.add(MinibatchDiscrimination.Kernels.class, () -> MinibatchDiscrimination.of(2).newKernels(1, 1));
        e.add(Unrolling.class, () -> Unrolling.firstOrder(1));
        e.add(Remedy.class, () -> new Packing(1));
        e.add(Method.OneGan.class, () -> (Method.OneGan) Method.plain());
        e.add(Method.class, Method::plain);
        e.add(TrainingOptions.class, () -> TrainingOptions.forSteps(2).withSnapshotSize(20));
        e.add(TrainingListener.class, () -> new TrainingListener() { });
        e.add(TrainingResult.class, StandardExamples::trained);
        e.add(Snapshot.class, () -> trained().lastSnapshot());
        e.add(StepStats.class, () -> new StepStats(1, 0.5, 0.5, 0.5, 0.5));
        e.add(CoverageThresholds.class, CoverageThresholds::standard);
        e.add(ModeSet.class, () -> temperature().modes());
        e.add(Mode.class, () -> Mode.of("a", 0, 1, 1));
        e.add(CoverageReport.class, () -> ModeCoverage.evaluate(new double[] {35, -26}, temperature().modes(),
                CoverageThresholds.standard()));
        e.add(ModeTimeline.class, () -> trained().timeline(temperature().modes(), CoverageThresholds.standard()));
        e.add(Setup.class, () -> new Setup(tinyConfig(), 1, 0, 1, tinyMlp(), tinyMlp(), 1));
        e.add(Study.Protocol.class, () -> new Study.Protocol(20, 2, 20));
        e.add(Study.Run.class, StandardExamples::run);
        e.add(StudyCase.class, () -> new StudyCase("t", temperature(), tinyConfig(), 2,
                CoverageThresholds.standard()));

        // Parameters whose valid values depend on their name or their method.
        e.add(double.class, "dominance", () -> 0.8);
        e.add(double[].class, "weights", () -> new double[] {0.5, 0.5});
        e.add(Charts.class, "angleDegrees", "p", () -> new double[] {1, 0});
        for (String p : List.of("real", "generated")) {
            e.add(Charts.class, "scatter", p, () -> new double[][] {{0.5, 0.5}});
        }
        e.add(Charts.class, "scatter", "modes", () -> GaussianMixture.teachingRing().modes());
        e.add(Charts.class, "ringResponse", "generated", () -> new double[][] {{0.5, 0.5}});
        e.add(Charts.class, "ringResponse", "modes", () -> GaussianMixture.teachingRing().modes());
        e.add(Charts.class, "remedyStudy", "metric", () -> "modes");
        e.add(StudyReport.class, "pm", "metric", () -> "modes");
        e.add(StudyReport.class, "readRuns", "csv", () -> runsCsv);
        e.add(Remedies.class, "parse", "remedy", () -> "plain");
        e.add(StudyCase.class, "named", "dataset", () -> "temperature");
        e.add(GanBenchmark.class, "config", "benchmark", () -> "temperature");
        e.add(GanBenchmark.class, "data", "benchmark", () -> "temperature");
        e.add(GanBenchmark.class, "main", "args", () -> new String[] {"temperature", "0", "1"});
        e.add(StudyCommand.class, "main", "args", () -> new String[] {"--help"});
        e.add(Gan.class, "stateOf", "this", () -> Gan.create(temperature(), tinyConfig(), new Packing(1)));
        e.add(Packing.class, "fromDiscriminator", "inputGradient", () -> Nd4j.zeros(DataType.FLOAT, 2, 2));
        e.add(MinibatchDiscrimination.Kernels.class, "features", "x", () -> new double[][] {{0.5}, {0.25}});
        e.add(FeatureMatching.class, "lossAndInputGradient", "realMean", () -> Nd4j.zeros(DataType.FLOAT, 1, 3));
        e.add(Mlp.class, "backward", "fromLayer", () -> 1);
        e.add(Mlp.class, "backwardFromFeatures", "gradFeatures", () -> Nd4j.zeros(DataType.FLOAT, 4, 3));
        e.add(Mlp.class, "curvatureProducts", "direction", () -> Nd4j.zeros(DataType.FLOAT, 10));
        e.add(AtomicFiles.class, "temporaryFor", "suffix", () -> ".part");
        e.add(LatentCodes.class, "new", "values", () -> new double[] {0.5, 0.5});

        // The merged features' types (MNIST, Remedies II, objectives, knobs, conv, scale, lecture).
        Path mnistDir = tinyMnist(scratch.resolve("tiny-mnist"));
        e.add(Path.class, "dir", () -> mnistDir);
        e.add(Path.class, "path", () -> csv);
        e.add(Path.class, "zip", () -> scratch.resolve("classifier").resolve("c.zip"));
        e.add(Idx.class, "read", "file", () -> mnistDir.resolve("t10k-labels-idx1-ubyte"));
        e.add(InputStream.class, () -> new ByteArrayInputStream(idxLabels(new byte[] {1, 2})));
        e.add(Idx.Array.class, () -> Idx.read(mnistDir.resolve("t10k-labels-idx1-ubyte")));
        e.add(byte.class, () -> (byte) 1);
        e.add(MnistDigits.class, "of", "pixels", () -> new byte[2 * 784]);
        e.add(MnistDigits.class, "of", "labels", () -> new byte[] {1, 2});
        e.add(MnistDigits.class, StandardExamples::tinyDigits);
        e.add(StackedMnist.class, () -> StackedMnist.of(tinyDigits()));
        e.add(ImageSource.class, StandardExamples::tinyDigits);
        e.add(MnistFile.class, "new", "sha256", () -> "0".repeat(64));
        e.add(URI.class, () -> URI.create("http://127.0.0.1:9/mnist/"));
        e.add(DownloadListener.class, () -> (DownloadListener) (f, received, total, from) -> { });
        e.add(DigitClassifier.class, StandardExamples::classifier);
        e.add(Properties.class, Properties::new);
        e.add(ClassifierThresholds.class, ClassifierThresholds::digits);
        e.add(DigitCoverage.Predictions.class, () -> new DigitCoverage.Predictions(new int[] {1, 2},
                new double[] {0.9, 0.9}));
        e.add(double[].class, "shares", StandardExamples::tenShares);
        e.add(double[].class, "digitShares", StandardExamples::tenShares);
        e.add(DigitCoverage.class, "classify", "probabilities", () -> new double[][] {tenShares()});
        e.add(DigitCoverage.class, "digits", "probabilities", () -> new double[][] {tenShares()});
        e.add(DigitCoverage.class, "classifyStacked", "channels",
                () -> new double[][][] {{tenShares()}, {tenShares()}, {tenShares()}});
        e.add(DigitCoverage.class, "stacked", "channels",
                () -> new double[][][] {{tenShares()}, {tenShares()}, {tenShares()}});
        e.add(DigitCoverage.class, "stacked", "modeShares", () -> thousandShares());
        e.add(DigitScorer.class, () -> DigitScorer.digits(tinyDigits()));
        e.add(DigitScorer.class, "stackedMnist", "shares", StandardExamples::thousandShares);
        e.add(CoverageScorer.class, () -> CoverageScorer.nearestMode(temperature().modes(),
                CoverageThresholds.standard()));
        e.add(ImageShape.class, () -> ImageShape.MNIST);
        e.add(double[][].class, "images", () -> new double[][] {new double[784]});
        e.add(DigitCharts.class, "realAndGenerated", "real", () -> new double[][] {new double[784]});
        e.add(DigitCharts.class, "realAndGenerated", "generated", () -> new double[][] {new double[784]});
        e.add(DigitCharts.class, "coverage", "real", StandardExamples::digitReport);
        e.add(DigitCharts.class, "coverage", "generated", StandardExamples::digitReport);
        e.add(DigitCharts.class, "coverage", "report", StandardExamples::digitReport);
        e.add(Graphics2D.class, () -> new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB).createGraphics());
        e.add(BufferedImage.class, () -> new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB));
        e.add(Animation.class, () -> Animation.of(List.of(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB)), 40));
        e.add(Animation.Settings.class, () -> Animation.Settings.defaults().withFrames(2).withSize(160, 120));
        e.add(Animation.Settings.class, "new", "delayMillis", () -> 40);
        e.add(Animation.Settings.class, "new", "width", () -> 160);
        e.add(Animation.Settings.class, "new", "height", () -> 120);
        e.add(FigureStyle.class, FigureStyle::defaults);
        e.add(FigureStyle.class, "new", "width", () -> 720);
        e.add(FigureStyle.class, "new", "height", () -> 400);
        e.add(FigureStyle.class, "new", "pngScale", () -> 1);
        e.add(Map.class, "env", Map::of);
        e.add(Map.class, "series", () -> Map.of("a", new double[] {1, 2}));
        e.add(Charts.class, "curves", "x", () -> new double[] {1, 2});
        e.add(Dcgan.class, () -> Dcgan.small(1).withImageSize(8));
        e.add(Dcgan.class, "new", "imageSize", () -> 8);
        e.add(DcganDiscriminator.class, "new", "imageSize", () -> 8);
        e.add(DcganDiscriminator.class, "new", "inputs", () -> 64);
        e.add(DcganGenerator.class, "new", "imageSize", () -> 8);
        e.add(DcganDiscriminator.class, () -> new DcganDiscriminator(64, 1, 1, 8, 2, Init.PYTORCH_DEFAULT,
                DataType.FLOAT, 1));
        e.add(DcganGenerator.class, () -> new DcganGenerator(2, 1, 8, 2, Activation.TANH, Init.PYTORCH_DEFAULT,
                DataType.FLOAT, 1));
        e.add(DcganDiscriminator.class, "forward", "x", () -> Nd4j.zeros(DataType.FLOAT, 2, 64));
        e.add(DcganGenerator.class, "forward", "z", () -> Nd4j.zeros(DataType.FLOAT, 2, 2));
        e.add(SplittableRandom.class, () -> new SplittableRandom(1));
        e.add(AdaGan.class, () -> AdaGan.of(2));
        e.add(AdaGan.Boosted.class, () -> AdaGan.of(2).boost(temperature(), tinyConfig(), 2,
                TrainingOptions.forSteps(2).withSnapshotSize(20)));
        e.add(Mixture.class, () -> Mixture.uniform(List.of(temperature().asSampler()), "m"));
        e.add(Mixture.class, "new", "weights", () -> new double[] {1});
        e.add(WeightedSample.class, () -> WeightedSample.draw(temperature(), 10, 1));
        e.add(ExperienceReplay.class, () -> ExperienceReplay.of(0.5));
        e.add(GradientPenalty.class, () -> GradientPenalty.of(10));
        e.add(InfoGan.class, () -> InfoGan.categorical(2));
        e.add(NoiseSchedule.class, () -> new NoiseSchedule(0.1, 10));
        e.add(PerClassGans.class, PerClassGans::perClass);
        e.add(FGanObjective.class, () -> new FGanObjective(FDivergence.JENSEN_SHANNON));
        e.add(RowLoss.class, () -> RowLoss.linear(1));
        e.add(FDivergence.class, "named", "name", () -> "js");
        e.add(Objective.class, "fGan", "name", () -> "js");
        e.add(Objectives.class, "parse", "spec", () -> "wgan");
        e.add(LeastSquaresObjective.class, "new", "realTarget", () -> 1.0);
        e.add(ObjectiveSetting.class, () -> Objectives.parse("lsgan"));
        e.add(ObjectiveSetting.WithObjective.class, () -> new ObjectiveSetting.WithObjective(Objectives.parse("lsgan"),
                Method.plain()));
        e.add(ModeSeeking.class, "term", "z2", () -> new double[] {0.25});
        e.add(KnobSetting.class, () -> new KnobSetting(Knob.LEARNING_RATE, 1e-3));
        e.add(Knob.class, "named", "id", () -> "lr");
        e.add(Knob.class, "apply", "value", () -> 2.0);
        e.add(Sweep.class, "run", "values", () -> new double[] {2});
        e.add(Sweep.class, "describe", "sweep", StandardExamples::sweep);
        e.add(KnobCharts.class, "sweep", "sweep", StandardExamples::sweep);
        e.add(KnobCharts.class, "sweep", "metric", () -> "modes");
        e.add(CodeModeTable.class, () -> CodeModeTable.of(List.of(temperatureReport(), temperatureReport()), 0.8));
        e.add(double.class, "pickShare", () -> 0.8);
        e.add(GpuCheck.Decision.class, () -> new GpuCheck.Decision(false, false, "CPU"));
        e.add(GpuCheck.class, "parse", "csv", () -> "8.6, NVIDIA A10");
        e.add(PrintStream.class, () -> new PrintStream(OutputStream.nullOutputStream()));
        e.add(SeedStudy.Runner.class, SeedStudy::runner);
        e.add(Study.Key.class, () -> new Study.Key("t", "plain", 1, 2));
        e.add(Study.Failure.class, () -> Study.Failure.of(new Study.Key("t", "plain", 1, 2), new RuntimeException("x")));
        e.add(Study.Task.class, () -> new Study.Task(studyCase(), Method.plain(), 1));
        e.add(StudyEngine.class, () -> StudyEngine.threads(1));
        e.add(StudyPlan.class, () -> StudyPlan.of("t", List.of(new Study.Task(studyCase(), Method.plain(), 1)),
                new Study.Protocol(20, 2, 20)));
        e.add(StudyProgress.class, () -> StudyProgress.lines(s -> { }));
        e.add(StudyProgress.Status.class, () -> new StudyProgress.Status(0, 0, 1, 0, 0));
        e.add(NamedPlan.class, "new", "preset", () -> "remedies");
        e.add(NamedPlan.class, "new", "datasets", () -> List.of("temperature"));
        e.add(NamedPlan.class, "new", "remedies", () -> List.of("plain"));
        e.add(NamedPlan.class, "new", "objectives", () -> List.of("gan"));
        e.add(StudyCommand.class, "methods", "remedies", () -> List.of("plain"));
        e.add(StudyCommand.class, "methods", "objectives", () -> List.of("gan"));
        e.add(StudyCommand.class, "run", "args", () -> new String[] {"--help"});
        e.add(StudyReport.class, "runs", "table", StandardExamples::runs);
        e.add(TrainClassifier.class, "main", "args", () -> new String[] {"--help"});
        e.add(Lab.class, "relative", "path", () -> csv);
        // Values that must fit together (sizes of the tiny examples).
        e.add(ImageGrid.class, () -> DigitCharts.grid(new double[][] {new double[784]}, ImageShape.MNIST, 1, "t"));
        e.add(IntConsumer.class, () -> (IntConsumer) epoch -> { });
        e.add(MnistFile.class, () -> tinyMnistFile(mnistDir));
        e.add(MnistDownload.class, () -> new MnistDownload(List.of(URI.create("http://127.0.0.1:9/mnist/")), 500, 500));
        e.add(NamedPlan.class, () -> new NamedPlan("remedies", List.of("temperature"), List.of("plain"), 1, 2));
        e.add(Throwable.class, () -> new RuntimeException("x"));
        e.add(DigitClassifier.class, "load", "zip", () -> {
            Path z = scratch.resolve("saved").resolve("c.zip");
            if (!Files.exists(z)) {
                classifier().save(z);
            }
            return z;
        });
        e.add(DigitClassifier.class, "probabilities", "channel", () -> 0);
        for (String m : List.of("score", "classify")) {
            e.add(DigitScorer.class, m, "samples", () -> new double[][] {new double[784]});
        }
        e.add(StudyEngine.Threads.class, () -> (StudyEngine.Threads) StudyEngine.threads(1));
        e.add(StudyEngine.Threads.class, "execute", "tasks", () -> List.of(0));
        e.add(DigitScorer.class, "score", "sampler", () -> tinyDigits().asSampler());
        e.add(Dcgan.class, "withImageSize", "s", () -> 8);
        for (Class<?> c : List.of(DataSource.class, GaussianMixture1D.class, WeightedSample.class)) {
            e.add(c, "ofClasses", "labels", () -> new int[] {0, 1});
        }
        e.add(WeightedSample.class, "withWeights", "w", () -> {
            double[] w = new double[10];
            java.util.Arrays.fill(w, 0.1);
            return w;
        });
        e.add(Idx.Array.class, "new", "data", () -> new byte[] {1, 2});
        e.add(Idx.Array.class, "new", "shape", () -> new int[] {2});
        e.add(Mnist.class, "load", "splits", () -> new MnistSplit[] {MnistSplit.TEST});
        e.add(Gan.class, "stepGenerator", "this", () -> {
            Gan g = tinyGan();
            g.stepDiscriminator(1);
            return g;
        });
        e.add(DigitCoverage.class, "evaluate", "names", DigitCoverage::digitNames);
        e.add(Init.class, "fill", "p", () -> new double[8]);
        e.add(Init.class, "fill", "offset", () -> 0);
        e.add(DcganDiscriminator.class, "new", "channels", () -> 1);
        e.add(DcganDiscriminator.class, "backward", "pass", () -> discriminator().forward(Nd4j.zeros(DataType.FLOAT,
                2, 64)));
        e.add(DcganDiscriminator.class, "backward", "gradOutput", () -> Nd4j.zeros(DataType.FLOAT, 2, 1));
        e.add(DcganDiscriminator.class, "backwardFromFeatures", "pass", () -> discriminator().forward(
                Nd4j.zeros(DataType.FLOAT, 2, 64)));
        e.add(DcganDiscriminator.class, "backwardFromFeatures", "gradFeatures", () -> Nd4j.zeros(DataType.FLOAT,
                2, 2 * 2 * 2 * 2));
        e.add(DcganDiscriminator.class, "backward", "this", StandardExamples::discriminator);
        e.add(DcganDiscriminator.class, "backwardFromFeatures", "this", StandardExamples::discriminator);
        e.add(DcganGenerator.class, "backward", "pass", () -> generator().forward(Nd4j.zeros(DataType.FLOAT, 2, 2)));
        e.add(DcganGenerator.class, "backward", "gradOutput", () -> Nd4j.zeros(DataType.FLOAT, 2, 64));
        e.add(DcganGenerator.class, "backwardFromFeatures", "pass", () -> generator().forward(
                Nd4j.zeros(DataType.FLOAT, 2, 2)));
        e.add(DcganGenerator.class, "backwardFromFeatures", "gradFeatures", () -> Nd4j.zeros(DataType.FLOAT, 2, 32));
        e.add(DcganGenerator.class, "backward", "this", StandardExamples::generator);
        e.add(DcganGenerator.class, "backwardFromFeatures", "this", StandardExamples::generator);
        e.add(Animation.Settings.class, "withSize", "w", () -> 160);
        e.add(Animation.Settings.class, "withSize", "h", () -> 120);
        e.add(Animation.Settings.class, "withDelayMillis", "v", () -> 40);
        e.add(Animation.class, "of", "delayMillis", () -> 40);
        e.add(FigureStyle.class, "withSize", "w", () -> 720);
        e.add(FigureStyle.class, "withSize", "h", () -> 400);
        e.add(Charts.class, "valueField", "xs", () -> new double[] {0, 1});
        e.add(Charts.class, "valueField", "ys", () -> new double[] {0, 1});
        e.add(Charts.class, "valueField", "values", () -> new double[][] {{0.5, 0.5}, {0.5, 0.5}});
        e.add(Charts.class, "valueField", "generated", () -> new double[][] {{0.5, 0.5}});
        e.add(Charts.class, "valueField", "modes", () -> GaussianMixture.teachingRing().modes());
        e.add(Charts.class, "valueField", "gan", StandardExamples::ringGan);
        e.add(Charts.class, "game", "gan", StandardExamples::ringGan);
        e.add(Charts.class, "game", "real", () -> new double[][] {{0.5, 0.5}});
        e.add(Charts.class, "game", "generated", () -> new double[][] {{0.5, 0.5}});
        e.add(SeveralGanCharts.class, "components", "modes", () -> GaussianMixture.teachingRing().modes());
        e.add(SeveralGanCharts.class, "components", "real", () -> new double[][] {{0.5, 0.5}});
        e.add(SeveralGanCharts.class, "components", "components", () -> List.<double[][]>of(new double[][] {{0.5, 0.5}}));
        e.add(GradientPenalty.class, "penalty", "mix", () -> new double[] {0.5, 0.5, 0.5, 0.5});
        e.add(InfoGan.class, "samplesOfCategory", "category", () -> 0);
        e.add(InfoGan.class, "samplesOfCategory", "gan", StandardExamples::infoGan);
        e.add(InfoGan.class, "codeModeTable", "gan", StandardExamples::infoGan);
        e.add(Mixture.class, "prefix", "k", () -> 1);
        e.add(KnobSetting.class, "new", "value", () -> 2.0);
        e.add(DcganDiscriminator.class, "parameterCount", "imageSize", () -> 8);
        e.add(DcganDiscriminator.class, "parameterCount", "inputs", () -> 64);
        e.add(DcganGenerator.class, "parameterCount", "imageSize", () -> 8);
        // One row of D's outputs, 5 wide: the logit, then 2 categorical and 2 continuous code predictions.
        e.add(InfoGan.class, "informationLoss", "outputs", () -> new double[] {0.5, 0.5, 0.5, 0.5, 0.5});
        e.add(InfoGan.class, "informationLoss", "gradient", () -> new double[5]);
        e.add(InfoGan.class, "informationLoss", "width", () -> 5);
        e.add(InfoGan.class, "informationLoss", "first", () -> 0);
        e.add(InfoGan.class, "informationLoss", "column", () -> 1);
        e.add(InfoGan.class, "informationLoss", "codes", () -> new double[] {1, 0, 0.5, 0.5});
        // Every remedy the catalog lists, at its catalog default: a new remedy needs no line here.
        e.add(Catalogued.class, () -> Packing.CATALOG);
        e.add(Catalogued.class, "parse", "argument", () -> "2");
        e.add(IntFunction.class, () -> (IntFunction<Packing>) Packing::new);
        e.add(DoubleFunction.class, () -> (DoubleFunction<FeatureMatching>) FeatureMatching::new);
        for (Catalogued c : Remedies.declared()) {
            Supplier<Object> fresh = () -> {
                Method m = c.parse(null);
                return m instanceof Method.OneGan g && g.remedies().size() == 1 ? g.remedies().get(0) : m;
            };
            e.addIfAbsent(fresh.get().getClass(), fresh);
        }
        // The step and the probe (issue 21).
        e.add(TrainingStep.class, () -> new TrainingStep(temperature(), tinyConfig(), List.of()));
        e.add(Standardiser.class, () -> Standardiser.of(temperature()));
        e.add(GanProbe.class, () -> tinyGan().probe());
        for (String m : List.of("scoreField", "probabilityField")) {
            e.add(GanProbe.class, m, "this", () -> ringGan().probe());
        }
        e.add(GanProbe.class, "axis", "coordinate", () -> 0);
        e.add(TrainingStep.class, "stepGenerator", "this", () -> {
            TrainingStep t = new TrainingStep(temperature(), tinyConfig(), List.of());
            t.stepDiscriminator(1);
            return t;
        });
        return e;
    }
}
