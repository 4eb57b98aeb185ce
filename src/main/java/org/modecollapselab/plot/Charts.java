package org.modecollapselab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.modecollapselab.gan.Snapshot;
import org.modecollapselab.metric.CoverageReport;
import org.modecollapselab.metric.ModeSet;
import org.modecollapselab.metric.ModeTimeline;
import org.modecollapselab.util.AtomicFiles;
import org.modecollapselab.util.Check;
import tech.tablesaw.api.Table;

/**
 * One static factory per chart, each returning an XChart chart that a notebook shows inline with
 * {@link #image(Chart)} and a lecturer saves for slides with {@link #save(Chart, Path)} (PNG and SVG).
 */
public final class Charts {
    public static final int WIDTH = 720;
    public static final int HEIGHT = 400;
    static final Color REAL = new Color(0x4C72B0);
    static final Color FAKE = new Color(0xDD8452);
    static final Color[] MODE_COLORS = {new Color(0x4C72B0), new Color(0xC44E52), new Color(0x55A868),
        new Color(0x8172B2), new Color(0xCCB974), new Color(0x64B5CD), new Color(0x937860), new Color(0xDA8BC3)};

    static final BasicStroke DASHED = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {4f}, 0f);

    private Charts() {
    }

    // ---------------------------------------------------------------- histograms

    /**
     * Real vs generated values as two density histograms on common bins.
     *
     * @param real      real values (data units); may be empty to draw the generated values alone
     * @param generated generated values (data units); may be empty to draw the real values alone
     * @param bins      number of bins, &gt;= 2
     * @param title     chart title
     * @param xLabel    x-axis label, e.g. "temperature (°C)"
     */
    public static XYChart histogram(double[] real, double[] generated, int bins, String title, String xLabel) {
        Check.finite("real", real);
        Check.finite("generated", generated);
        if (real.length == 0 && generated.length == 0) {
            throw new IllegalArgumentException("real and generated must not both be empty, was [] and []");
        }
        Check.atLeast("bins", bins, 2);
        Check.notNull("title", title);
        Check.notNull("xLabel", xLabel);
        double lo = Math.min(min(real), min(generated));
        double hi = Math.max(max(real), max(generated));
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        XYChart c = xy(title, xLabel, "density");
        addHistogram(c, "real", real, bins, lo, hi, REAL);
        addHistogram(c, "generated", generated, bins, lo, hi, FAKE);
        return c;
    }

    /**
     * A snapshot of training: real vs generated values, with the discriminator's response D(x) (the
     * probability it gives that x is real) on a second axis. Shows where D believes the real data are.
     */
    public static XYChart snapshot(double[] real, Snapshot snapshot, int bins, String xLabel) {
        Check.data("real", real);
        Check.notNull("snapshot", snapshot);
        Check.atLeast("bins", bins, 2);
        Check.notNull("xLabel", xLabel);
        double[] gen = snapshot.values();
        Check.data("snapshot's samples", gen);
        double lo = Math.min(min(real), min(gen));
        double hi = Math.max(max(real), max(gen));
        if (snapshot.probeX().length > 0) {
            lo = Math.min(lo, snapshot.probeX()[0]);
            hi = Math.max(hi, snapshot.probeX()[snapshot.probeX().length - 1]);
        }
        XYChart c = xy("Step " + snapshot.step() + ": real vs generated, and D(x)", xLabel, "density");
        addHistogram(c, "real", real, bins, lo, hi, REAL);
        addHistogram(c, "generated", gen, bins, lo, hi, FAKE);
        if (snapshot.probeX().length > 0) {
            XYSeries d = c.addSeries("D(x) (right axis)", snapshot.probeX(), snapshot.probeD());
            d.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            d.setMarker(SeriesMarkers.NONE);
            d.setLineColor(Color.DARK_GRAY);
            d.setLineStyle(new BasicStroke(2f));
            d.setYAxisGroup(1);
            probabilityAxisOnTheRight(c, "D(x)");
        }
        return c;
    }

    private static void addHistogram(XYChart c, String name, double[] v, int bins, double lo, double hi, Color color) {
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

    /**
     * 2-D data: real and generated samples as points, with every mode's centre marked, so missed modes show as
     * centres without orange points around them.
     *
     * @param real      real samples [n][2] (data units)
     * @param generated generated samples [n][2]
     * @param modes     the modes (2-D)
     * @param title     chart title
     */
    public static XYChart scatter(double[][] real, double[][] generated, ModeSet modes, String title) {
        Check.points("real", real, 2);
        Check.points("generated", generated, 2);
        Check.notNull("modes", modes);
        Check.notNull("title", title);
        if (modes.dimension() != 2) {
            throw new IllegalArgumentException("modes must be 2-D for a scatter plot, was " + modes.dimension() + "-D");
        }
        XYChart c = xy(title, "x₁", "x₂");
        c.getStyler().setMarkerSize(4);
        points(c, "real", real, new Color(REAL.getRed(), REAL.getGreen(), REAL.getBlue(), 90), SeriesMarkers.CIRCLE);
        points(c, "generated", generated, new Color(FAKE.getRed(), FAKE.getGreen(), FAKE.getBlue(), 150),
                SeriesMarkers.CIRCLE);
        double[][] centres = modes.modes().stream().map(m -> m.center()).toArray(double[][]::new);
        points(c, "mode centres", centres, Color.BLACK, SeriesMarkers.CROSS);
        return c;
    }

    private static void points(XYChart c, String name, double[][] p, Color color,
                               org.knowm.xchart.style.markers.Marker marker) {
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

    /**
     * A ring seen along its circle: where the generated samples lie by angle (density, degrees), each mode's
     * angle marked, and — when given — D's probability "real" at points on the circle (right axis). Shows which
     * modes G occupies and where D currently says "real": the cat-and-mouse loop in two dimensions.
     *
     * @param generated samples [n][2]
     * @param modes     the ring's modes (2-D, centred on the origin)
     * @param angles    angles in degrees at which {@code dProb} was evaluated (may be empty)
     * @param dProb     D's probability at those angles on the modes' circle
     */
    public static XYChart ringResponse(double[][] generated, ModeSet modes, double[] angles, double[] dProb,
                                       String title) {
        Check.points("generated", generated, 2);
        Check.notNull("modes", modes);
        Check.finite("angles", angles);
        Check.finite("dProb", dProb);
        Check.notNull("title", title);
        if (modes.dimension() != 2) {
            throw new IllegalArgumentException("modes must be 2-D, was " + modes.dimension() + "-D");
        }
        if (angles.length != dProb.length) {
            throw new IllegalArgumentException("dProb must have one value per angle (" + angles.length + "), was "
                    + dProb.length);
        }
        double[] a = new double[generated.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = angleDegrees(generated[i]);
        }
        XYChart c = xy(title, "angle on the ring (degrees)", "density of generated samples");
        addHistogram(c, "generated", a, 72, 0, 360, FAKE);
        // Each mode's angle as a thin vertical line over the full height (on the 0–1 axis on the right).
        double[] mx = modes.modes().stream().mapToDouble(m -> angleDegrees(m.center())).toArray();
        for (int i = 0; i < mx.length; i++) {
            XYSeries m = c.addSeries(i == 0 ? "modes" : "mode " + i, new double[] {mx[i], mx[i]}, new double[] {0, 1});
            m.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            m.setMarker(SeriesMarkers.NONE);
            m.setLineColor(REAL);
            m.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f},
                    0f));
            m.setYAxisGroup(1);
            m.setShowInLegend(i == 0);
        }
        probabilityAxisOnTheRight(c, angles.length > 0 ? "D(x)" : "");
        if (angles.length > 0) {
            XYSeries d = c.addSeries("D(x) on the ring (right axis)", angles, dProb);
            d.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            d.setMarker(SeriesMarkers.NONE);
            d.setLineColor(Color.DARK_GRAY);
            d.setLineStyle(new BasicStroke(2f));
            d.setYAxisGroup(1);
        }
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setXAxisMax(360.0);
        return c;
    }

    /** Angle of a 2-D point in degrees, in [0, 360). */
    public static double angleDegrees(double[] p) {
        Check.points("p", new double[][] {Check.notNull("p", p)}, 2);
        double d = Math.toDegrees(Math.atan2(p[1], p[0]));
        return d < 0 ? d + 360 : d;
    }

    /** {@code count} points evenly spaced on a circle of radius {@code radius} around the origin, from angle 0. */
    public static double[][] circle(double radius, int count) {
        Check.positive("radius", radius);
        Check.atLeast("count", count, 1);
        double[][] p = new double[count][];
        for (int i = 0; i < count; i++) {
            double t = 2 * Math.PI * i / count;
            p[i] = new double[] {radius * Math.cos(t), radius * Math.sin(t)};
        }
        return p;
    }

    // ---------------------------------------------------------------- mode coverage

    /** Share of generated samples per mode next to each mode's true share, titled with the verdict. */
    public static CategoryChart modeCoverage(CoverageReport report, String title) {
        Check.notNull("report", report);
        Check.notNull("title", title);
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title + " — " + report.verdict().label() + " (" + report.modesCovered() + "/" + report.modes()
                        + " modes)")
                .xAxisTitle("mode").yAxisTitle("share of samples").build();
        style(c.getStyler());
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.0);
        c.getStyler().setOverlapped(false);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        c.getStyler().setSeriesColors(new Color[] {Color.GRAY, FAKE});
        List<String> names = new ArrayList<>(report.modeNames());
        names.add("off-mode");
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

    // ---------------------------------------------------------------- training curves

    /** D's and G's losses over training, from a history table with columns step, d_loss, g_loss. */
    public static XYChart losses(Table history, String title) {
        Check.columns("history", history, "a training history", "step", "d_loss", "g_loss");
        Check.notNull("title", title);
        if (history.rowCount() == 0) {
            throw new IllegalArgumentException("history must have at least 1 row, was '" + history.name()
                    + "' with 0 rows");
        }
        double[] steps = history.numberColumn("step").asDoubleArray();
        XYChart c = xy(title, "step", "loss");
        line(c, "discriminator loss", steps, history.numberColumn("d_loss").asDoubleArray(), REAL);
        line(c, "generator loss", steps, history.numberColumn("g_loss").asDoubleArray(), FAKE);
        if (history.columnNames().contains("d_real")) {
            XYSeries r = line(c, "D(real) (right axis)", steps, history.numberColumn("d_real").asDoubleArray(),
                    REAL.darker());
            r.setLineStyle(DASHED);
            r.setYAxisGroup(1);
            XYSeries f = line(c, "D(fake) (right axis)", steps, history.numberColumn("d_fake").asDoubleArray(),
                    FAKE.darker());
            f.setLineStyle(DASHED);
            f.setYAxisGroup(1);
            probabilityAxisOnTheRight(c, "mean D(x)");
        }
        return c;
    }

    /**
     * The mode-hopping timeline: the share of generated samples in each mode (and in none) at each snapshot.
     * A collapsed generator shows one line near 1 and the others near 0; a hopping one shows them swap.
     */
    public static XYChart modeTimeline(ModeTimeline timeline, String title) {
        Check.notNull("timeline", timeline);
        Check.notNull("title", title);
        if (timeline.size() == 0) {
            throw new IllegalArgumentException("timeline must have at least 1 snapshot, was 0");
        }
        double[] steps = java.util.Arrays.stream(timeline.steps()).asDoubleStream().toArray();
        XYChart c = xy(title, "step", "share of samples");
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.0);
        List<String> names = timeline.reports().get(0).modeNames();
        for (int m = 0; m < names.size(); m++) {
            line(c, names.get(m), steps, timeline.fractionsOf(m), MODE_COLORS[m % MODE_COLORS.length]);
        }
        XYSeries off = line(c, "off-mode", steps, timeline.offModeFractions(), Color.GRAY);
        off.setLineStyle(DASHED);
        if (names.size() > 4) {
            // A horizontal legend below the chart does not fit 8 or 25 modes: list them down the right side.
            c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            c.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        }
        return c;
    }

    // ---------------------------------------------------------------- output

    /** The chart as an image: a notebook cell whose value is this shows it inline. */
    public static BufferedImage image(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(Check.notNull("chart", chart));
    }

    /**
     * Saves {@code chart} as {@code base.png} and {@code base.svg} (parent folders are created). Each file is
     * written to a temporary file first and renamed when complete.
     *
     * @return the two paths written
     */
    public static List<Path> save(Chart<?, ?> chart, Path base) {
        Check.notNull("chart", chart);
        Check.fileTarget("base", base);
        try {
            Path dir = base.toAbsolutePath().getParent();
            String name = base.getFileName().toString();
            Path png = dir.resolve(name + ".png");
            Path svg = dir.resolve(name + ".svg");
            Path tmpPng = AtomicFiles.temporaryFor(png, ".png");
            BitmapEncoder.saveBitmap(chart, tmpPng.toString(), BitmapEncoder.BitmapFormat.PNG);
            AtomicFiles.moveIntoPlace(tmpPng, png);
            Path tmpSvg = AtomicFiles.temporaryFor(svg, ".svg");
            VectorGraphicsEncoder.saveVectorGraphic(chart, tmpSvg.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            AtomicFiles.moveIntoPlace(tmpSvg, svg);
            return List.of(png, svg);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save chart to " + base + ".png/.svg", e);
        }
    }

    /**
     * A study summary ({@code RemedyStudy.summary}) as grouped bars: one group per remedy, one bar per data set, with
     * standard-error bars. {@code metric} is {@code "modes"} (plotted as % of the data set's modes, so that data
     * sets with 2, 8 and 25 modes share an axis), {@code "high_quality_pct"} or {@code "reverse_kl"}.
     */
    public static CategoryChart remedyStudy(Table summary, String metric, String title) {
        Check.oneOf("metric", metric, List.of("modes", "high_quality_pct", "reverse_kl"));
        Check.columns("summary", summary, "a study summary", "dataset", "remedy", "modes_total", metric + "_mean",
                metric + "_se");
        Check.notNull("title", title);
        if (summary.rowCount() == 0) {
            throw new IllegalArgumentException("summary must have at least 1 row, was '" + summary.name()
                    + "' with 0 rows");
        }
        boolean modes = metric.equals("modes");
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("remedy")
                .yAxisTitle(modes ? "modes captured (% of all modes)" : metric.equals("reverse_kl") ? "reverse KL (nats)"
                        : "high-quality samples (%)").build();
        style(c.getStyler());
        c.getStyler().setOverlapped(false);
        c.getStyler().setYAxisMin(0.0);
        if (!metric.equals("reverse_kl")) {
            c.getStyler().setYAxisMax(100.0);
        }
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setErrorBarsColor(Color.DARK_GRAY);
        c.getStyler().setXAxisLabelRotation(20);
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

    // ---------------------------------------------------------------- helpers

    private static XYChart xy(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y).build();
        style(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setMarkerSize(0);
        return c;
    }

    /** Y-axis group 1 on the right, from 0 to 1, for probabilities next to densities or losses. */
    private static void probabilityAxisOnTheRight(XYChart c, String title) {
        c.setYAxisGroupTitle(1, title);
        c.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        c.getStyler().setYAxisMin(1, 0.0);
        c.getStyler().setYAxisMax(1, 1.0);
    }

    private static XYSeries line(XYChart c, String name, double[] x, double[] y, Color color) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineWidth(2f);
        return s;
    }

    private static void style(org.knowm.xchart.style.AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(0xE5E5E5));
        s.setLegendBorderColor(new Color(0xCCCCCC));
        s.setAntiAlias(true);
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
