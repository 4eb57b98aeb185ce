package org.modecollapselab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.modecollapselab.util.Check;

/**
 * What every chart shares: colours, the current figure style (size and fonts, from the environment until a notebook
 * replaces it), a styled XY chart, lines, points, histogram bars and the score axis on the right.
 */
final class ChartKit {
    private ChartKit() {
    }

    static final Color REAL = new Color(0x4C72B0);
    static final Color FAKE = new Color(0xDD8452);
    static final Color[] MODE_COLORS = {new Color(0x4C72B0), new Color(0xC44E52), new Color(0x55A868),
        new Color(0x8172B2), new Color(0xCCB974), new Color(0x64B5CD), new Color(0x937860), new Color(0xDA8BC3)};

    static final BasicStroke DASHED = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {4f}, 0f);

    /** See {@link Charts#figureStyle}. */
    static FigureStyle figureStyle() {
        FigureStyle s = style;
        if (s == null) {
            s = FigureStyle.fromEnvironment(System.getenv());
            style = s;
        }
        return s;
    }

    /** See {@link Charts#useStyle}. */
    static void useStyle(FigureStyle s) {
        Check.notNull("s", s);
        style = Check.notNull("style", s);
    }

    static volatile FigureStyle style;

    static XYChart xy(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(figureStyle().width()).height(figureStyle().height()).title(title)
                .xAxisTitle(x).yAxisTitle(y).build();
        style(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setMarkerSize(0);
        return c;
    }

    /**
     * Y-axis group 1 on the right for D's score next to densities or losses: from 0 to 1 for probabilities, the
     * data's own range otherwise (a critic's value).
     */
    static void scoreAxisOnTheRight(XYChart c, String title, boolean probability) {
        c.setYAxisGroupTitle(1, title);
        c.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        if (probability) {
            c.getStyler().setYAxisMin(1, 0.0);
            c.getStyler().setYAxisMax(1, 1.0);
        }
    }

    static XYSeries line(XYChart c, String name, double[] x, double[] y, Color color) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineWidth(2f);
        return s;
    }

    static void style(AxesChartStyler s) {
        double f = figureStyle().fontScale();
        if (f != 1.0) {
            s.setChartTitleFont(s.getChartTitleFont().deriveFont((float) (s.getChartTitleFont().getSize2D() * f)));
            s.setAxisTitleFont(s.getAxisTitleFont().deriveFont((float) (s.getAxisTitleFont().getSize2D() * f)));
            s.setAxisTickLabelsFont(s.getAxisTickLabelsFont().deriveFont(
                    (float) (s.getAxisTickLabelsFont().getSize2D() * f)));
            s.setLegendFont(s.getLegendFont().deriveFont((float) (s.getLegendFont().getSize2D() * f)));
        }
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(0xE5E5E5));
        s.setLegendBorderColor(new Color(0xCCCCCC));
        s.setAntiAlias(true);
    }

    /** Points to draw, {@code dim} finite coordinates each; none (an empty array) draws nothing. */
    static double[][] pointsOrNone(String name, double[][] p, int dim) {
        Check.notNull(name, p);
        return p.length == 0 ? p : Check.points(name, p, dim);
    }

    static void points(XYChart c, String name, double[][] p, Color color,
                               Marker marker) {
        if (p.length == 0) {
            return;
        }
        double[] x = new double[p.length];
        double[] y = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            if (p[i].length != 2) {
                throw new IllegalArgumentException(name + "[" + i + "] must have 2 coordinates, was " + p[i].length);
            }
            x[i] = p[i][0];
            y[i] = p[i][1];
        }
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(marker);
        s.setMarkerColor(color);
    }

    static void addHistogram(XYChart c, String name, double[] v, int bins, double lo, double hi, Color color) {
        if (v.length == 0) {
            return;
        }
        double w = (hi - lo) / bins;
        double[] counts = new double[bins];
        for (double x : v) {
            int i = (int) Math.floor((x - lo) / w);
            counts[Math.min(Math.max(i, 0), bins - 1)]++;
        }
        double[] xs = new double[bins + 1];
        double[] ys = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            xs[i] = lo + i * w;
            ys[i] = i < bins ? counts[i] / (v.length * w) : 0;
        }
        XYSeries s = c.addSeries(name, xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 110));
        s.setLineColor(color);
    }

    static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    /** {@code color} with alpha {@code alpha} (0–255). */
    static Color translucent(Color color, int alpha) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
    }
}
