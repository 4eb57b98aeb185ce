package org.modecollapselab.metric;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class CodeModeTableTest {

    private static CoverageReport report(double... shares) {
        // Two modes; a hand-made report: shares of samples on mode A, mode B (the rest off-mode).
        int n = 100;
        int[] counts = {(int) Math.round(shares[0] * n), (int) Math.round(shares[1] * n)};
        return new CoverageReport(n, List.of("A", "B"), counts, shares, new double[] {0.5, 0.5},
                new boolean[] {shares[0] > 0.05, shares[1] > 0.05}, 0, shares[0] + shares[1], 0, Verdict.COVERED,
                CoverageThresholds.standard());
    }

    @Test
    void codesThatSendTheirSamplesToOneModePickIt() {
        CodeModeTable t = CodeModeTable.of(List.of(report(0.9, 0.1), report(0.0, 0.8), report(0.5, 0.5)), 0.8);
        assertArrayEquals(new int[] {0, 1, -1}, t.picked());
        assertEquals(2, t.codesPicking());
        assertEquals(2, t.modesPicked());
        assertEquals(0.2, t.offMode()[1], 1e-12);
    }

    @Test
    void mutualInformationByHand() {
        // Two codes, each all on its own mode: I = log 2. Both alike: I = 0.
        assertEquals(Math.log(2), CodeModeTable.of(List.of(report(1, 0), report(0, 1)), 0.8).mutualInformation(), 1e-12);
        assertEquals(0, CodeModeTable.of(List.of(report(0.6, 0.4), report(0.6, 0.4)), 0.8).mutualInformation(), 1e-12);
        // Code 0: A 0.5, off 0.5; code 1: B 1. Marginal: A .25, B .5, off .25.
        // I = ½[.5 log(.5/.25) + .5 log(.5/.25)] + ½[1·log(1/.5)] = ½ log 2 + ½ log 2 = log 2.
        assertEquals(Math.log(2), CodeModeTable.of(List.of(report(0.5, 0), report(0, 1)), 0.8).mutualInformation(), 1e-12);
    }

    @Test
    void badInputIsNamed() {
        assertEquals("pickShare must be in (0.5, 1], was 0.5", assertThrows(IllegalArgumentException.class,
                () -> CodeModeTable.of(List.of(report(1, 0)), 0.5)).getMessage());
        assertEquals("perCode must not be empty, was []", assertThrows(IllegalArgumentException.class,
                () -> CodeModeTable.of(List.of(), 0.8)).getMessage());
    }
}
