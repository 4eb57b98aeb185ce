package org.modecollapselab.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.modecollapselab.metric.CodeModeTable;
import org.modecollapselab.util.Check;
import tech.tablesaw.api.Table;

/**
 * Charts of the knobs and tricks (notebooks 09 and 08): a knob sweep (coverage against the knob's value) and InfoGAN's
 * code × mode heat map. Like {@link Charts}, one static factory per chart.
 */
public final class KnobCharts {
    private KnobCharts() {
    }

    /**
     * A knob sweep ({@code study.Sweep}'s table): one line per data set through the knob's values, with
     * standard-error bars. The values sit at equal spacing, labelled as in the table (weight decay 0, 10⁻⁴, 10⁻³
     * and a width of 8, 64, 512 read alike). {@code metric}: {@code "modes"} (as % of the data set's modes, so
     * that 2, 8 and 25 modes share an axis) or {@code "high_quality_pct"}.
     *
     * @param xTitle the knob's name, e.g. "D dropout p"
     */
    public static XYChart sweep(Table sweep, String metric, String title, String xTitle) {
        Check.columns("sweep", sweep, "a knob sweep (Sweep.run)", "value", "value_label", "modes_mean", "modes_se",
                "high_quality_pct_mean", "high_quality_pct_se");
        Check.notNull("metric", metric);
        Check.notNull("title", title);
        Check.notBlank("xTitle", xTitle);
        if (!List.of("modes", "high_quality_pct").contains(metric)) {
            throw new IllegalArgumentException("metric must be modes or high_quality_pct, was '" + metric + "'");
        }
        if (sweep.rowCount() == 0) {
            throw new IllegalArgumentException("sweep must have rows, was empty");
        }
        boolean modes = metric.equals("modes");
        XYChart c = ChartKit.xy(title, xTitle, modes ? "modes captured (% of all modes)" : "high-quality samples (%)");
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(100.0);
        c.getStyler().setErrorBarsColor(Color.DARK_GRAY);
        c.getStyler().setMarkerSize(8);
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < sweep.rowCount(); i++) {
            double v = sweep.doubleColumn("value").getDouble(i);
            if (!values.contains(v)) {
                values.add(v);
            }
        }
        values.sort(Double::compare);
        for (double v : values) {
            for (int i = 0; i < sweep.rowCount(); i++) {
                if (sweep.doubleColumn("value").getDouble(i) == v) {
                    labels.add(sweep.stringColumn("value_label").get(i));
                    break;
                }
            }
        }
        List<String> datasets = new ArrayList<>();
        for (String d : sweep.stringColumn("dataset")) {
            if (!datasets.contains(d)) {
                datasets.add(d);
            }
        }
        int color = 0;
        for (String d : datasets) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Double> e = new ArrayList<>();
            for (int k = 0; k < values.size(); k++) {
                for (int i = 0; i < sweep.rowCount(); i++) {
                    if (sweep.stringColumn("dataset").get(i).equals(d)
                            && sweep.doubleColumn("value").getDouble(i) == values.get(k)) {
                        double scale = modes ? 100.0 / sweep.intColumn("modes_total").get(i) : 1;
                        double m = sweep.doubleColumn(metric + "_mean").getDouble(i) * scale;
                        double se = sweep.doubleColumn(metric + "_se").getDouble(i) * scale;
                        x.add((double) k);
                        y.add(Double.isFinite(m) ? m : 0);
                        e.add(Double.isFinite(se) ? se : 0);
                    }
                }
            }
            double[] xs = x.stream().mapToDouble(Double::doubleValue).toArray();
            XYSeries s = c.addSeries(d, xs, y.stream().mapToDouble(Double::doubleValue).toArray(),
                    e.stream().mapToDouble(Double::doubleValue).toArray());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.CIRCLE);
            Color col = ChartKit.MODE_COLORS[color++ % ChartKit.MODE_COLORS.length];
            s.setLineColor(col);
            s.setMarkerColor(col);
            s.setLineWidth(2f);
        }
        c.getStyler().setXAxisMin(-0.3);
        c.getStyler().setXAxisMax(values.size() - 0.7);
        // Only the whole positions carry a value; the others get distinct blank labels (XChart 3.8 drops every tick
        // label when two are equal).
        c.getStyler().setxAxisTickLabelsFormattingFunction(v -> {
            long k = Math.round(v);
            return Math.abs(v - k) < 1e-6 && k >= 0 && k < labels.size() ? labels.get((int) k)
                    : " ".repeat(1 + (int) Math.max(0, Math.round(16 * (v + 1))));
        });
        return c;
    }

    /**
     * InfoGAN's code × mode table as a heat map: one row per value of the categorical code, one column per mode
     * and one for "off-mode", each cell the % of that code's samples (printed in the cell).
     */
    public static HeatMapChart codeModes(CodeModeTable table, String title) {
        Check.notNull("table", table);
        Check.notNull("title", title);
        List<String> columns = new ArrayList<>(table.modeNames());
        columns.add("off-mode");
        List<String> rows = new ArrayList<>();   // bottom to top: code 0 at the top, as in the printed table
        for (int k = table.codes() - 1; k >= 0; k--) {
            rows.add("c=" + k);
        }
        List<Number[]> cells = new ArrayList<>();
        double[][] shares = table.shares();
        double[] off = table.offMode();
        for (int k = 0; k < table.codes(); k++) {
            for (int m = 0; m < columns.size(); m++) {
                double v = m < table.modeNames().size() ? shares[k][m] : off[k];
                cells.add(new Number[] {m, table.codes() - 1 - k, Math.round(1000 * v) / 10.0});
            }
        }
        int height = Math.max(Charts.HEIGHT, 120 + 34 * table.codes());
        HeatMapChart c = new HeatMapChartBuilder().width(Charts.WIDTH + 40).height(height).title(title)
                .xAxisTitle("mode").yAxisTitle("categorical code").build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotBackgroundColor(Color.WHITE);
        c.getStyler().setShowValue(true);
        c.getStyler().setHeatMapValueDecimalPattern("0");
        c.getStyler().setMin(0);
        c.getStyler().setMax(100);
        c.getStyler().setRangeColors(new Color[] {Color.WHITE, new Color(0xC6DBEF), new Color(0x6BAED6),
            new Color(0x2171B5)});
        c.getStyler().setValueFontColor(Color.BLACK);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setPlotContentSize(0.98);
        c.addSeries("% of the code's samples", columns, rows, cells);
        return c;
    }
}
