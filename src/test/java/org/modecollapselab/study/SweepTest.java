package org.modecollapselab.study;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.modecollapselab.knob.Knob;
import org.modecollapselab.plot.Charts;
import org.modecollapselab.plot.KnobCharts;
import tech.tablesaw.api.Table;

class SweepTest {
    @Test
    void aSweepHasOneRowPerValueAndItsChartRenders() {
        StudyCase c = StudyCase.named("temperature").withSteps(60);
        Table t = Sweep.run(c, Knob.DISCRIMINATOR_DROPOUT, new double[] {0, 0.5}, 2, 2,
                new Study.Protocol(200, 4, 50), null);
        assertEquals(List.of("temperature", "temperature"), t.stringColumn("dataset").asList());
        assertEquals(List.of("0", "0.5"), t.stringColumn("value_label").asList());
        assertEquals(List.of(2, 2), t.intColumn("runs").asList());
        for (int i = 0; i < 2; i++) {
            double m = t.doubleColumn("modes_mean").getDouble(i);
            assertTrue(m >= 0 && m <= 2, "modes " + m);
        }
        Table two = t.copy().append(t.copy().setName("x"));
        two.stringColumn("dataset").set(2, "ring");
        two.stringColumn("dataset").set(3, "ring");
        var chart = KnobCharts.sweep(two, "modes", "Dropout", "D dropout p");
        assertEquals(List.of("temperature", "ring"), List.copyOf(chart.getSeriesMap().keySet()));
        assertTrue(Charts.image(chart).getWidth() > 0);
        assertTrue(Sweep.describe(t).contains("dropout 0.5"));
    }

    @Test
    void badSweepsAreNamed() {
        StudyCase c = StudyCase.named("temperature").withSteps(10);
        assertEquals("values must not be empty, was []", assertThrows(IllegalArgumentException.class,
                () -> Sweep.run(c, Knob.DISCRIMINATOR_DROPOUT, new double[0], 1, 1, Study.Protocol.standard(), null))
                .getMessage());
        assertEquals("values must be distinct, was 0.1 twice", assertThrows(IllegalArgumentException.class,
                () -> Sweep.run(c, Knob.DISCRIMINATOR_DROPOUT, new double[] {0.1, 0.1}, 1, 1,
                        Study.Protocol.standard(), null)).getMessage());
        assertEquals("dropout value: discriminatorDropout must be in [0.0, 1.0), was 1.0",
                assertThrows(IllegalArgumentException.class,
                () -> Sweep.run(c, Knob.DISCRIMINATOR_DROPOUT, new double[] {0, 1}, 1, 1, Study.Protocol.standard(),
                        null)).getMessage(), "every value is checked before any training");
        assertThrows(IllegalArgumentException.class, () -> KnobCharts.sweep(Table.create("empty"), "modes", "t", "x"));
    }
}
