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

    /** A timeline of 1-D snapshots, each given as its share of hot samples (the rest cold), 10 samples each. */
    static ModeTimeline hotShares(double... hot) {
        List<double[][]> snaps = new ArrayList<>();
        int[] steps = new int[hot.length];
        for (int i = 0; i < hot.length; i++) {
            double[] v = new double[10];
            for (int k = 0; k < 10; k++) {
                v[k] = k < Math.round(hot[i] * 10) ? 10 : -10;
            }
            snaps.add(at(v));
            steps[i] = 100 * (i + 1);
        }
        return ModeTimeline.of(steps, snaps, ModeCoverageTest.TWO, CoverageThresholds.standard());
    }

    @Test
    void aHopIsANewMajorityModeThatHoldsForPersistenceSnapshots() {
        // cold cold | hot (blip) | cold cold | hot hot hot | split | hot | cold cold
        ModeTimeline t = hotShares(0, 0, 1, 0, 0, 1, 1, 1, 0.5, 1, 0, 0);
        // persistence 1: every switch counts; the split snapshot has no majority, and hot after it is no new hop
        assertEquals(List.of(new ModeTimeline.Hop(2, 300, 0, 1), new ModeTimeline.Hop(3, 400, 1, 0),
                new ModeTimeline.Hop(5, 600, 0, 1), new ModeTimeline.Hop(10, 1100, 1, 0)), t.hopList(0.5, 1));
        // persistence 2: the one-snapshot hot blip does not count and does not end the cold spell before it
        assertEquals(List.of(new ModeTimeline.Hop(5, 600, 0, 1), new ModeTimeline.Hop(10, 1100, 1, 0)),
                t.hopList(0.5, 2));
        // persistence 3: only the three hot snapshots settle, so there is no settled mode before them to hop from
        assertEquals(0, t.hops(0.5, 3));
        assertEquals(t.hops(0.8), t.hops(0.5, 1));   // the old definition is persistence 1 (here, with clear shares)
    }

    @Test
    void anEvenSplitHasNoMajorityAndAThresholdAboveItNeedsAClearOne() {
        // 50/50 and 60/40 snapshots flip between modes: no strict majority at 0.5 for the even split, none at 0.6
        ModeTimeline t = hotShares(0.5, 0.6, 0.6, 0.4, 0.4, 0.6, 0.6);
        assertEquals(2, t.hops(0.5, 2));
        assertEquals(0, t.hops(0.6, 2));
        assertEquals(0, hotShares(0.5, 0.5, 0.5, 0.5).hops(0.5, 1));
    }

    @Test
    void hopSettingsOutOfRangeAreRefusedByName() {
        ModeTimeline t = hotShares(0, 1);
        assertEquals("majority must be in [0.5, 1), was 1.0",
                assertThrows(IllegalArgumentException.class, () -> t.hopList(1, 2)).getMessage());
        assertEquals("majority must be in [0.5, 1), was 0.4",
                assertThrows(IllegalArgumentException.class, () -> t.hops(0.4, 2)).getMessage());
        assertEquals("majority must be in [0.5, 1), was NaN",
                assertThrows(IllegalArgumentException.class, () -> t.hops(Double.NaN, 2)).getMessage());
        assertEquals("persistence must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> t.hops(0.5, 0)).getMessage());
    }
}
