package org.modecollapselab.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import org.modecollapselab.metric.CoverageReport;
import org.modecollapselab.util.Check;
import tech.tablesaw.api.Table;

/** Coverage and studies: shares per mode, and a study summary as grouped bars. */
final class StudyCharts {
    private StudyCharts() {
    }

    /** See {@link Charts#modeCoverage}. */
    static CategoryChart modeCoverage(CoverageReport report, String title) {
        Check.notNull("report", report);
        Check.notNull("title", title);
        CategoryChart c = new CategoryChartBuilder().width(ChartKit.figureStyle().width()).height(ChartKit.figureStyle().height())
                .title(title + " — " + report.verdict().label() + " (" + report.modesCovered() + "/" + report.modes()
                        + " modes)")
                .xAxisTitle("mode").yAxisTitle("share of samples").build();
        ChartKit.style(c.getStyler());
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.0);
        c.getStyler().setOverlapped(false);
        // The legend below the plot, where no bar can hide behind it (a collapsed G's off-mode bar reaches the top).
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setSeriesColors(new Color[] {Color.GRAY, ChartKit.FAKE});
        List<String> names = new ArrayList<>(report.modeNames());
        names.add("off-mode");
        if (names.size() > 9) {
            // Many modes (the 5 × 5 grid's 25): upright labels do not fit side by side; set them vertical.
            c.getStyler().setXAxisLabelRotation(90);
        }
        List<Double> truth = new ArrayList<>();
        List<Double> gen = new ArrayList<>();
        for (int i = 0; i < report.modes(); i++) {
            truth.add(report.trueWeights()[i]);
            gen.add(report.fractions()[i]);
        }
        truth.add(0.0);
        gen.add(report.offModeFraction());
        c.addSeries("real data", names, truth);
        c.addSeries("generated", names, gen);
        return c;
    }

    /** See {@link Charts#remedyStudy}. */
    static CategoryChart remedyStudy(Table summary, String metric, String title) {
        Check.oneOf("metric", metric, List.of("modes", "high_quality_pct", "reverse_kl", "hops"));
        Check.notNull("summary", summary);
        Check.columns("summary", summary, "a study summary", "dataset", "remedy", "modes_total", metric + "_mean",
                metric + "_se");
        Check.notNull("title", title);
        if (summary.rowCount() == 0) {
            throw new IllegalArgumentException("summary must have at least 1 row, was '" + summary.name()
                    + "' with 0 rows");
        }
        boolean modes = metric.equals("modes");
        boolean unbounded = metric.equals("reverse_kl") || metric.equals("hops");
        // XChart drops a category label that would overlap its neighbour: with many groups the labels are steeper
        // and the chart taller, so that every group keeps its label.
        boolean many = summary.stringColumn("remedy").unique().size() > 8;
        CategoryChart c = new CategoryChartBuilder().width(ChartKit.figureStyle().width())
                .height(many ? ChartKit.figureStyle().height() * 3 / 2 : ChartKit.figureStyle().height()).title(title).xAxisTitle("remedy")
                .yAxisTitle(modes ? "modes captured (% of all modes)" : metric.equals("reverse_kl") ? "reverse KL (nats)"
                        : metric.equals("hops") ? "hops of the dominant mode" : "high-quality samples (%)").build();
        ChartKit.style(c.getStyler());
        c.getStyler().setOverlapped(false);
        c.getStyler().setYAxisMin(0.0);
        if (!unbounded) {
            c.getStyler().setYAxisMax(100.0);
        }
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setErrorBarsColor(Color.DARK_GRAY);
        List<String> remedies = new ArrayList<>();
        List<String> datasets = new ArrayList<>();
        for (int i = 0; i < summary.rowCount(); i++) {
            String r = summary.stringColumn("remedy").get(i);
            String d = summary.stringColumn("dataset").get(i);
            if (!remedies.contains(r)) {
                remedies.add(r);
            }
            if (!datasets.contains(d)) {
                datasets.add(d);
            }
        }
        c.getStyler().setXAxisLabelRotation(many ? 60 : 20);
        for (String d : datasets) {
            List<Double> y = new ArrayList<>();
            List<Double> e = new ArrayList<>();
            for (String r : remedies) {
                double mean = 0;
                double se = 0;
                for (int i = 0; i < summary.rowCount(); i++) {
                    if (summary.stringColumn("dataset").get(i).equals(d) && summary.stringColumn("remedy").get(i).equals(r)) {
                        double scale = modes ? 100.0 / summary.intColumn("modes_total").get(i) : 1;
                        mean = summary.doubleColumn(metric + "_mean").getDouble(i) * scale;
                        se = summary.doubleColumn(metric + "_se").getDouble(i) * scale;
                    }
                }
                y.add(Double.isFinite(mean) ? mean : 0);
                e.add(Double.isFinite(se) ? se : 0);
            }
            c.addSeries(d, remedies, y, e);
        }
        return c;
    }
}
