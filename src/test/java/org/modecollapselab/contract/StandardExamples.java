package org.modecollapselab.contract;

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
import org.modecollapselab.gan.DivergenceGuard;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.gan.Method;
import org.modecollapselab.gan.Snapshot;
import org.modecollapselab.gan.StepStats;
import org.modecollapselab.gan.TrainingDivergedException;
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
import org.modecollapselab.remedy.DiscriminatorPhase;
import org.modecollapselab.remedy.GeneratorPhase;
import org.modecollapselab.remedy.InputTransform;
import org.modecollapselab.remedy.LatentCodes;
import org.modecollapselab.remedy.Remedy;
import org.modecollapselab.remedy.Setup;
import org.modecollapselab.remedy.StepContext;
import org.modecollapselab.remedy.StepHook;
import org.modecollapselab.remedy.catalog.Remedies;
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

    // ---------------------------------------------------------------- the registry

    static Examples create(Path scratch) {
        file(scratch, "a-regular-file", "not a folder\n");
        Path csv = file(scratch, "readings.csv", "site,temperature_c\nA,1\nA,2\nB,5\nB,7\n");
        Path runsCsv = scratch.resolve("runs.csv");
        runs().write().csv(runsCsv.toFile());
        Examples e = new Examples(scratch);

        // What is not an entry point.
        e.skip(Check.class, "the validation layer itself: its job is to throw for bad values");
        for (Class<?> c : List.of(StepHook.class, TrainingListener.class, InputTransform.class,
                InputTransform.Applied.class, StepContext.class, DiscriminatorPhase.class, GeneratorPhase.class,
                Remedy.class, Architecture.class)) {
            e.callback(c, "the GAN calls it with arguments it made and checked itself");
        }
        for (Class<?> c : List.of(StepStats.class, Snapshot.class, TrainingResult.class, CoverageReport.class,
                Study.Run.class, PacGanTable1.Published.class, DataSource.Labelled.class, Method.Trained.class,
                Mlp.Pass.class, SecondOrder.CurvatureProducts.class, Unrolling.Result.class, Setup.class,
                TrainingDivergedException.class, Csv.Row.class, Csv.Table.class)) {
            e.output(c, "a record of what the library measured or made");
        }

        // Java and third-party types.
        e.add(RandomGenerator.class, () -> new SplittableRandom(1));
        e.add(DataType.class, () -> DataType.FLOAT);
        e.bad(DataType.class, Kind.OUT_OF_RANGE, () -> DataType.INT, "INT");
        e.add(INDArray.class, StandardExamples::batch);
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
        e.add(Consumer.class, () -> (Consumer<String>) s -> { });
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
        return e;
    }
}
