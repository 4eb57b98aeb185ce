package org.modecollapselab.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.GaussianMixture1D;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.metric.CoverageThresholds;
import org.modecollapselab.metric.Mode;
import org.modecollapselab.metric.ModeCoverage;
import org.modecollapselab.metric.ModeSet;
import org.modecollapselab.metric.ModeTimeline;
import org.modecollapselab.metric.Verdict;
import org.modecollapselab.nn.OptimizerSpec;
import org.modecollapselab.plot.Charts;
import org.modecollapselab.remedy.unrolled.Unrolling;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Bad inputs that are bad only together — relations between arguments, which the exhaustive walk
 * ({@link ApiContractTest}) does not try — and the cases issue 12 reported, each refused by name.
 */
class ValidationTest {

    private static String refused(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    @Test
    void verdictsNeedAPossibleCount() {
        assertEquals("covered must be in [0, 3] (0 to modes), was 5", refused(() -> Verdict.of(5, 3)));
        assertEquals(Verdict.COVERED, Verdict.of(3, 3));
        assertEquals(Verdict.COMPLETE_COLLAPSE, Verdict.of(0, 3));
    }

    @Test
    void modesMustBeTellableApart() {
        assertEquals("modes must have distinct names, was 'hot' twice (modes[0] and modes[1])",
                refused(() -> ModeSet.of(Mode.of("hot", 30, 1, 0.5), Mode.of("hot", -20, 1, 0.5))));
        // A second mode on the first one's centre could never be covered.
        assertEquals("modes must have distinct centres, was [30.0] twice (modes[0] and modes[1])",
                refused(() -> ModeSet.of(Mode.of("a", 30, 1, 0.5), Mode.of("b", 30, 2, 0.5))));
        assertEquals("components must have distinct names, was 'a' twice (components[0] and components[1])",
                refused(() -> GaussianMixture1D.of("t", new GaussianMixture1D.Component("a", 0, 1, 0.5),
                        new GaussianMixture1D.Component("a", 5, 1, 0.5))));
    }

    @Test
    void metricsRefuseNaNSamplesInsteadOfCountingThemOffMode() {
        ModeSet modes = TemperatureData.aliceSpringsAndSouthPole().modes();
        assertEquals("samples[1][0] must be finite, was NaN", refused(() -> ModeCoverage.evaluate(
                new double[][] {{35}, {Double.NaN}}, modes, CoverageThresholds.standard())));
        assertEquals("values[0] must be finite, was Infinity", refused(() -> ModeCoverage.evaluate(
                new double[] {Double.POSITIVE_INFINITY}, modes, CoverageThresholds.standard())));
    }

    @Test
    void sampleTablesChartsAndTimelinesNeedData(@TempDir Path dir) throws Exception {
        assertEquals("n must be >= 1, was -10", refused(() -> TemperatureData.sampleTable(
                TemperatureData.aliceSpringsAndSouthPole(), -10, 1)));
        assertEquals("generated[1] must be finite, was NaN", refused(() -> Charts.histogram(new double[] {1},
                new double[] {2, Double.NaN}, 10, "t", "x")));
        assertEquals("real and generated must not both be empty, was [] and []", refused(() -> Charts.histogram(
                new double[0], new double[0], 10, "t", "x")));
        assertEquals("steps must increase, was 5 after 5 (the same step twice) at steps[1]", refused(() ->
                ModeTimeline.of(new int[] {5, 5}, List.of(new double[][] {{35}}, new double[][] {{35}}),
                        TemperatureData.aliceSpringsAndSouthPole().modes(), CoverageThresholds.standard())));
        var chart = Charts.histogram(new double[] {1}, new double[] {2}, 10, "t", "x");
        assertEquals("base must name a file, was / (no file name)", refused(() -> Charts.save(chart, Path.of("/"))));
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertEquals("base must be in a folder that can be created, was " + file.resolve("c") + " (" + file
                + " is a file)", refused(() -> Charts.save(chart, file.resolve("c"))));
        assertFalse(Files.exists(dir.resolve("c.png")));
    }

    @Test
    void learningRatesMustFitTheParametersDataType() {
        String m = refused(() -> GanConfig.temperatureCollapse().withGeneratorOptimizer(OptimizerSpec.adam(1e39)));
        assertEquals("generatorOptimizer.learningRate must be <= 3.4028235E38 (the largest FLOAT, the parameters' "
                + "data type), was 1.0E39", m);
        // The same rate is a number in double precision.
        assertEquals(1e39, GanConfig.temperatureCollapse().withDataType(DataType.DOUBLE)
                .withGeneratorOptimizer(OptimizerSpec.adam(1e39)).generatorOptimizer().learningRate());
        assertEquals("learningRate must be <= 3.4028235E38 (the largest FLOAT, the parameters' data type) for "
                + "unrolling's look-ahead, was 1.0E39", refused(() -> Unrolling.firstOrder(2).withLearningRate(1e39)
                .check(GanConfig.temperatureCollapse(), 1, 0)));
        assertTrue(refused(() -> GanConfig.temperatureCollapse().withLearningRates(Double.NaN, 1e-3))
                .startsWith("generatorLearningRate must be finite and > 0, was NaN"));
    }
}
