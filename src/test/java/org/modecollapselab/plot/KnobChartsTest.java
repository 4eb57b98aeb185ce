package org.modecollapselab.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.HeatMapChart;
import org.modecollapselab.metric.CodeModeTable;
import org.modecollapselab.metric.CoverageReport;
import org.modecollapselab.metric.CoverageThresholds;
import org.modecollapselab.metric.Verdict;

class KnobChartsTest {
    @TempDir
    Path dir;

    @Test
    void codeModeHeatMapHasACellPerCodeAndModeAndRenders() throws Exception {
        List<String> modes = List.of("m0", "m1", "m2");
        CoverageReport a = new CoverageReport(10, modes, new int[] {9, 0, 0}, new double[] {0.9, 0, 0},
                new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, new boolean[] {true, false, false}, 1, 0.9, 0,
                Verdict.COMPLETE_COLLAPSE, CoverageThresholds.veegan());
        CoverageReport b = new CoverageReport(10, modes, new int[] {0, 5, 5}, new double[] {0, 0.5, 0.5},
                new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, new boolean[] {false, true, true}, 2, 1, 0,
                Verdict.PARTIAL_COLLAPSE, CoverageThresholds.veegan());
        CodeModeTable t = CodeModeTable.of(List.of(a, b), 0.8);
        HeatMapChart c = KnobCharts.codeModes(t, "codes");
        assertEquals(2 * 4, c.getHeatMapSeries().getHeatData().size());
        Charts.save(c, dir.resolve("heat"));
        assertTrue(Files.size(dir.resolve("heat.png")) > 1000);
    }
}
