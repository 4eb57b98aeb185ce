package org.modecollapselab.plot;

import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.modecollapselab.gan.TrainingResult;
import org.modecollapselab.metric.ModeTimeline;
import org.modecollapselab.util.Check;
import tech.tablesaw.api.Table;

/** Training over time: losses and D's scores, the mode-hopping timeline, several curves over one axis. */
final class TrainingCharts {
    private TrainingCharts() {
    }

    /** See {@link Charts#curves}. */
    static XYChart curves(String title, String xLabel, String yLabel, double[] x,
                                 Map<String, double[]> series) {
        Check.notNull("title", title);
        Check.notNull("xLabel", xLabel);
        Check.notBlank("yLabel", yLabel);
        Check.finite("x", x);
        Check.notNull("series", series);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("series must not be empty, was {}");
        }
        XYChart c = ChartKit.xy(title, xLabel, yLabel);
        if (series.size() > 3) {
            // A horizontal legend below the chart does not fit many names: list them down the right side.
            c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            c.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        }
        int i = 0;
        for (var e : series.entrySet()) {
            if (e.getValue() == null || e.getValue().length != x.length) {
                throw new IllegalArgumentException("series '" + e.getKey() + "' must have one value per x ("
                        + x.length + "), was " + (e.getValue() == null ? "null" : e.getValue().length));
            }
            ChartKit.line(c, e.getKey(), x, e.getValue(), ChartKit.MODE_COLORS[i++ % ChartKit.MODE_COLORS.length]);
        }
        return c;
    }

    /** See {@link Charts#losses}. */
    static XYChart losses(Table history, String title) {
        return losses(history, title, "D(x)", true);
    }

    /** See {@link Charts#losses}. */
    static XYChart losses(TrainingResult result, String title) {
        Check.notNull("result", result);
        return losses(result.history(), title, result.scoreName(), result.scoreIsProbability());
    }

    static XYChart losses(Table history, String title, String scoreName, boolean probability) {
        Check.columns("history", history, "a training history", "step", "d_loss", "g_loss");
        Check.notNull("title", title);
        if (history.rowCount() == 0) {
            throw new IllegalArgumentException("history must have at least 1 row, was '" + history.name()
                    + "' with 0 rows");
        }
        double[] steps = history.numberColumn("step").asDoubleArray();
        XYChart c = ChartKit.xy(title, "step", "loss");
        ChartKit.line(c, "discriminator loss", steps, history.numberColumn("d_loss").asDoubleArray(), ChartKit.REAL);
        ChartKit.line(c, "generator loss", steps, history.numberColumn("g_loss").asDoubleArray(), ChartKit.FAKE);
        if (history.columnNames().contains("d_real")) {
            String score = probability ? "D" : scoreName;
            XYSeries r = ChartKit.line(c, (probability ? "D(real)" : score + ", real") + " (right axis)", steps,
                    history.numberColumn("d_real").asDoubleArray(), ChartKit.REAL.darker());
            r.setLineStyle(ChartKit.DASHED);
            r.setYAxisGroup(1);
            XYSeries f = ChartKit.line(c, (probability ? "D(fake)" : score + ", fake") + " (right axis)", steps,
                    history.numberColumn("d_fake").asDoubleArray(), ChartKit.FAKE.darker());
            f.setLineStyle(ChartKit.DASHED);
            f.setYAxisGroup(1);
            ChartKit.scoreAxisOnTheRight(c, probability ? "mean D(x)" : "mean " + scoreName, probability);
        }
        return c;
    }

    /** See {@link Charts#modeTimeline}. */
    static XYChart modeTimeline(ModeTimeline timeline, String title) {
        Check.notNull("timeline", timeline);
        Check.notNull("title", title);
        if (timeline.size() == 0) {
            throw new IllegalArgumentException("timeline must have at least 1 snapshot, was 0");
        }
        double[] steps = Arrays.stream(timeline.steps()).asDoubleStream().toArray();
        XYChart c = ChartKit.xy(title, "step", "share of samples");
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.0);
        List<String> names = timeline.reports().get(0).modeNames();
        for (int m = 0; m < names.size(); m++) {
            ChartKit.line(c, names.get(m), steps, timeline.fractionsOf(m), ChartKit.MODE_COLORS[m % ChartKit.MODE_COLORS.length]);
        }
        XYSeries off = ChartKit.line(c, "off-mode", steps, timeline.offModeFractions(), Color.GRAY);
        off.setLineStyle(ChartKit.DASHED);
        if (names.size() > 4) {
            // A horizontal legend below the chart does not fit 8 or 25 modes: list them down the right side.
            c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            c.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        }
        return c;
    }
}
