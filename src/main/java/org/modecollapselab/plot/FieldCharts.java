package org.modecollapselab.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.metric.ModeSet;
import org.modecollapselab.util.Check;

/** D over the plane: its score on a grid as coloured bands (the value field). */
final class FieldCharts {
    private FieldCharts() {
    }

    /** Sequential colours (viridis-like, dark = low) for the bands of {@link #valueField}. */
    static final Color[] FIELD_COLORS = {new Color(0x440154), new Color(0x482878), new Color(0x3E4A89),
        new Color(0x31688E), new Color(0x26828E), new Color(0x1F9E89), new Color(0x35B779), new Color(0x6DCD59),
        new Color(0xB4DE2C), new Color(0xFDE725)};

    /** See {@link Charts#valueField}. */
    static XYChart valueField(double[] xs, double[] ys, double[][] values, String scoreName,
                                     boolean scoreIsProbability, double[][] generated, ModeSet modes, String title) {
        Check.finite("xs", xs);
        Check.finite("ys", ys);
        Check.notNull("values", values);
        Check.notBlank("scoreName", scoreName);
        ChartKit.pointsOrNone("generated", generated, 2);
        Check.notNull("modes", modes);
        Check.notNull("title", title);
        if (xs.length < 2 || ys.length < 2) {
            throw new IllegalArgumentException("xs and ys must have >= 2 values each, were " + xs.length + " and "
                    + ys.length);
        }
        if (modes.dimension() != 2) {
            throw new IllegalArgumentException("modes must be 2-D for a value field, was " + modes.dimension() + "-D");
        }
        if (values.length != ys.length) {
            throw new IllegalArgumentException("values must have one row per y (" + ys.length + "), was "
                    + values.length);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < ys.length; j++) {
            if (values[j] == null || values[j].length != xs.length) {
                throw new IllegalArgumentException("values[" + j + "] must have one value per x (" + xs.length
                        + "), was " + (values[j] == null ? "null" : values[j].length));
            }
            for (double v : values[j]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("values must be finite, found " + v + " in row " + j);
                }
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (scoreIsProbability) {
            lo = 0;
            hi = 1;
        } else if (!(hi > lo)) {
            hi = lo + 1e-9;
        }
        int bands = FIELD_COLORS.length;
        List<List<Double>> bx = new ArrayList<>();
        List<List<Double>> by = new ArrayList<>();
        for (int b = 0; b < bands; b++) {
            bx.add(new ArrayList<>());
            by.add(new ArrayList<>());
        }
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                int b = (int) Math.floor((values[j][i] - lo) / (hi - lo) * bands);
                b = Math.min(Math.max(b, 0), bands - 1);
                bx.get(b).add(xs[i]);
                by.get(b).add(ys[j]);
            }
        }
        XYChart c = ChartKit.xy(title, "x₁", "x₂");
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        c.getStyler().setMarkerSize(4);
        // Cells: rectangles a little larger than a grid step in pixels (the plot area of a 720 × 400 chart with the
        // legend on the right is about 520 × 330), so that neighbours overlap rather than leave gaps.
        Cell cell = new Cell((int) Math.ceil(540.0 / xs.length) + 1, (int) Math.ceil(340.0 / ys.length) + 1);
        for (int b = bands - 1; b >= 0; b--) {
            if (bx.get(b).isEmpty()) {
                continue;
            }
            double from = lo + (hi - lo) * b / bands;
            double to = lo + (hi - lo) * (b + 1) / bands;
            XYSeries s = c.addSeries(String.format(Locale.ROOT, "%s %s to %s", scoreName,
                    round(from, (hi - lo) / bands), round(to, (hi - lo) / bands)), bx.get(b), by.get(b));
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(cell);
            s.setMarkerColor(FIELD_COLORS[b]);
        }
        double dx = (xs[1] - xs[0]) / 2;
        double dy = (ys[1] - ys[0]) / 2;
        double[] view = {xs[0] - dx, xs[xs.length - 1] + dx, ys[0] - dy, ys[ys.length - 1] + dy};
        // The legend says how many generated samples lie outside the field (they cannot be drawn on it).
        int outside = 0;
        for (double[] p : generated) {
            if (!(p[0] >= view[0] && p[0] <= view[1] && p[1] >= view[2] && p[1] <= view[3])) {
                outside++;
            }
        }
        ChartKit.points(c, outside == 0 ? "generated" : String.format(Locale.ROOT,
                "generated (%d of %d outside the view)", outside, generated.length), generated,
                new Color(255, 140, 60), SeriesMarkers.CIRCLE);
        double[][] centres = modes.modes().stream().map(m -> m.center()).toArray(double[][]::new);
        ChartKit.points(c, "mode centres", centres, Color.BLACK, SeriesMarkers.CROSS);
        c.getStyler().setXAxisMin(view[0]);
        c.getStyler().setXAxisMax(view[1]);
        c.getStyler().setYAxisMin(view[2]);
        c.getStyler().setYAxisMax(view[3]);
        return c;
    }

    /** A filled rectangle of a fixed size in pixels, whatever the chart's marker size: one cell of a value field. */
    private static final class Cell extends Marker {
        private final int width;
        private final int height;

        Cell(int width, int height) {
            this.width = width;
            this.height = height;
        }

        @Override
        public void paint(Graphics2D g, double x, double y, int markerSize) {
            g.fill(new Rectangle2D.Double(x - width / 2.0, y - height / 2.0, width, height));
        }
    }

    /** See {@link Charts#valueField}. */
    static XYChart valueField(Gan gan, double[][] generated, String title) {
        Check.notNull("gan", gan);
        ChartKit.pointsOrNone("generated", generated, 2);
        Check.notNull("title", title);
        ModeSet modes = gan.data().modes();
        if (modes.dimension() != 2) {
            throw new IllegalArgumentException("gan must be trained on 2-D data for a value field, was "
                    + modes.dimension() + "-D");
        }
        int n = 60;
        double[] xs = gan.probe().axis(0, n, generated);
        double[] ys = gan.probe().axis(1, n, generated);
        double[][] values = gan.probe().scoreField(xs, ys);
        var objective = gan.config().objective();
        return valueField(xs, ys, values, objective.scoreIsProbability() ? "D(x)" : objective.scoreName(),
                objective.scoreIsProbability(), generated, modes, title);
    }

    /** {@code v} with enough decimals to tell apart values {@code step} apart (two significant digits of it). */
    static String round(double v, double step) {
        int decimals = (int) Math.max(0, Math.min(12, Math.ceil(-Math.log10(step)) + 1));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
