package org.modecollapselab.plot;

import java.awt.Color;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.modecollapselab.metric.ModeSet;
import org.modecollapselab.util.Check;

/**
 * Charts of methods that train several GANs (AdaGAN, one GAN per class), one static factory each, like
 * {@link Charts} (whose {@code image} and {@code save} show and save them).
 */
public final class SeveralGanCharts {
    private SeveralGanCharts() {
    }

    /**
     * Modes captured as generators are added: for each data set, the mean over seeds (with standard-error bars) of the
     * share of modes the mixture of the first k generators captures, k = 1..T. Data sets with 2, 8 and 25 modes
     * share the axis as % of their modes.
     *
     * @param names    the data sets' names
     * @param captured per data set, [seed][k − 1]: modes captured by the mixture of the first k generators
     * @param totals   per data set, its number of modes
     */
    public static XYChart modesByGenerators(String title, List<String> names, List<double[][]> captured,
                                            int[] totals) {
        Check.notNull("title", title);
        Check.noNulls("names", names);
        Check.noNulls("captured", captured);
        Check.notNull("totals", totals);
        for (int d = 0; d < captured.size(); d++) {
            Check.points("captured[" + d + "]", captured.get(d), -1);
        }
        for (int d = 0; d < totals.length; d++) {
            Check.atLeast("totals[" + d + "]", totals[d], 1);
        }
        if (names.isEmpty() || names.size() != captured.size() || names.size() != totals.length) {
            throw new IllegalArgumentException("names, captured and totals must have the same length (one entry per "
                    + "data set, at least one), were " + names.size() + ", " + captured.size() + " and " + totals.length);
        }
        XYChart c = ChartKit.xy(title, "generators in the mixture", "modes captured (% of all modes)");
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(100.0);
        c.getStyler().setMarkerSize(7);
        c.getStyler().setErrorBarsColor(Color.DARK_GRAY);
        for (int d = 0; d < names.size(); d++) {
            double[][] v = Check.notNull("captured[" + d + "]", captured.get(d));
            if (v.length == 0 || v[0].length == 0) {
                throw new IllegalArgumentException("captured[" + d + "] must have at least one seed and generator");
            }
            int t = v[0].length;
            double[] x = new double[t];
            double[] mean = new double[t];
            double[] se = new double[t];
            for (int k = 0; k < t; k++) {
                x[k] = k + 1;
                double sum = 0;
                for (double[] seed : v) {
                    sum += seed[k];
                }
                double m = sum / v.length;
                double ss = 0;
                for (double[] seed : v) {
                    ss += (seed[k] - m) * (seed[k] - m);
                }
                mean[k] = 100 * m / totals[d];
                se[k] = v.length > 1 ? 100 * Math.sqrt(ss / (v.length - 1) / v.length) / totals[d] : 0;
            }
            XYSeries s = c.addSeries(names.get(d) + " (" + totals[d] + " modes)", x, mean, se);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.CIRCLE);
            Color color = ChartKit.MODE_COLORS[d % ChartKit.MODE_COLORS.length];
            s.setLineColor(color);
            s.setMarkerColor(color);
            s.setLineWidth(2f);
        }
        return c;
    }

    /**
     * 2-D samples of each component of a mixture in a colour of its own, over the real data and the mode centres:
     * which generator covers which modes.
     *
     * @param real       real samples [n][2]
     * @param components each component's samples [n_i][2]
     * @param names      each component's name
     */
    public static XYChart components(double[][] real, List<double[][]> components, List<String> names, ModeSet modes,
                                     String title) {
        ChartKit.pointsOrNone("real", real, 2);
        Check.noNulls("components", components);
        Check.noNulls("names", names);
        Check.notNull("modes", modes);
        Check.notNull("title", title);
        Check.notEmpty("names", names);
        Check.distinct("names", names, "name", n -> n);
        if (components.size() != names.size()) {
            throw new IllegalArgumentException("components and names must have the same length (one component per "
                    + "name), was " + components.size() + " components and " + names.size() + " names");
        }
        for (int i = 0; i < components.size(); i++) {
            ChartKit.pointsOrNone("components[" + i + "]", components.get(i), 2);
        }
        for (String n : names) {
            Check.notBlank("names[" + names.indexOf(n) + "]", n);
        }
        Check.distinct("names", names, "name", n -> n);
        if (modes.dimension() != 2) {
            throw new IllegalArgumentException("modes must be 2-D for a scatter plot, was " + modes.dimension() + "-D");
        }
        if (components.size() != names.size()) {
            throw new IllegalArgumentException("names must have one entry per component (" + components.size()
                    + "), was " + names.size());
        }
        XYChart c = ChartKit.xy(title, "x₁", "x₂");
        c.getStyler().setMarkerSize(4);
        ChartKit.points(c, "real", real, new Color(0xBBBBBB), SeriesMarkers.CIRCLE);
        for (int i = 0; i < components.size(); i++) {
            Color k = ChartKit.MODE_COLORS[(i + 1) % ChartKit.MODE_COLORS.length];
            ChartKit.points(c, names.get(i), Check.notNull("components[" + i + "]", components.get(i)),
                    new Color(k.getRed(), k.getGreen(), k.getBlue(), 160), SeriesMarkers.CIRCLE);
        }
        double[][] centres = modes.modes().stream().map(m -> m.center()).toArray(double[][]::new);
        ChartKit.points(c, "mode centres", centres, Color.BLACK, SeriesMarkers.CROSS);
        if (components.size() > 4) {
            c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            c.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        }
        return c;
    }
}
