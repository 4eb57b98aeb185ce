package org.modecollapselab.metric;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModeTimelineTest {
    static double[][] at(double... v) {
        double[][] s = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            s[i] = new double[] {v[i]};
        }
        return s;
    }

    @Test
    void countsHopsBetweenDominantModes() {
        List<double[][]> snaps = new ArrayList<>();
        snaps.add(at(-10, 10, -10, 10));     // both: no dominant mode
        snaps.add(at(10, 10, 10, 10));       // hot
        snaps.add(at(10, 10, 10, 0));        // 75% hot: below 0.8 → none
        snaps.add(at(-10, -10, -10, -10));   // cold: hop 1
        snaps.add(at(10, 10, 10, 10));       // hot: hop 2
        ModeTimeline t = ModeTimeline.of(new int[] {1, 2, 3, 4, 5}, snaps, ModeCoverageTest.TWO, CoverageThresholds.standard());
        assertArrayEquals(new int[] {-1, 1, -1, 0, 1}, t.dominantModes(0.8));
        assertEquals(2, t.hops(0.8));
        assertEquals(0.6, t.collapsedShare(0.8), 1e-12);
        assertArrayEquals(new double[] {0.5, 1, 0.75, 0, 1}, t.fractionsOf(1), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0.25, 0, 0}, t.offModeFractions(), 1e-12);
        assertEquals("dominance must be in (0.5, 1], was 0.5",
                assertThrows(IllegalArgumentException.class, () -> t.hops(0.5)).getMessage());
    }
}
