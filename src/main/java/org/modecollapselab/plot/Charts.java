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
import org.modecollapselab.gan.Gan;
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
        // XChart places ticks at odd values for some ranges; without a pattern they print 12 decimals.
        c.getStyler().setXAxisDecimalPattern("#,##0.#");
        addHistogram(c, "real", real, bins, lo, hi, REAL);
        addHistogram(c, "generated", generated, bins, lo, hi, FAKE);
        return c;
    }

    /**
     * A snapshot of training: real vs generated values, with the discriminator's response on a second axis — D(x),
     * the probability it gives that x is real (0 to 1), or the objective's score where that is no probability (a
     * WGAN critic's value, on an axis of its own range, titled by {@link Snapshot#scoreName()}). Shows where D
     * believes the real data are.
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
        String score = snapshot.scoreIsProbability() ? "D(x)" : snapshot.scoreName();
        XYChart c = xy("Step " + snapshot.step() + ": real vs generated, and " + score, xLabel, "density");
        addHistogram(c, "real", real, bins, lo, hi, REAL);
        addHistogram(c, "generated", gen, bins, lo, hi, FAKE);
        if (snapshot.probeX().length > 0) {
            XYSeries d = c.addSeries(score + " (right axis)", snapshot.probeX(), snapshot.probeD());
            d.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            d.setMarker(SeriesMarkers.NONE);
            d.setLineColor(Color.DARK_GRAY);
            d.setLineStyle(new BasicStroke(2f));
            d.setYAxisGroup(1);
            scoreAxisOnTheRight(c, score, snapshot.scoreIsProbability());
        }
        return c;
    }

    /**
     * The same chart for the GAN as it is now (1-D data): 2,000 samples from fixed noise and D(x) on
     * {@link Gan#probeGrid}; for animation frames ({@code Animation.recorder(settings, g -> Charts.snapshot(real, g,
     * 80, "°C"))}).
     */
    public static XYChart snapshot(double[] real, Gan gan, int bins, String xLabel) {
        Check.notNull("gan", gan);
        if (gan.dimension() != 1) {
            throw new IllegalArgumentException("gan must be trained on 1-D data for this chart, was " + gan.dimension()
                    + "-D");
        }
        double[] grid = gan.probeGrid(200);
        double[] d = gan.judgesSingleSamples() ? gan.discriminatorProbability(grid) : new double[0];
        return snapshot(real, new Snapshot(gan.stepsDone(), gan.sample(2000, 0x5EEDL), d.length > 0 ? grid
                : new double[0], d), bins, xLabel);
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

    /** Points to draw, {@code dim} finite coordinates each; none (an empty array) draws nothing. */
    static double[][] pointsOrNone(String name, double[][] p, int dim) {
        Check.notNull(name, p);
        return p.length == 0 ? p : Check.points(name, p, dim);
    }

    static void points(XYChart c, String name, double[][] p, Color color,
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
        pointsOrNone("generated", generated, 2);
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
        return ringResponse(generated, modes, angles, dProb, title, "D(x)", true);
    }

    /**
     * {@link #ringResponse(double[][], ModeSet, double[], double[], String)} for any objective's score: D's
     * probability (0 to 1) or, where {@code scoreIsProbability} is false, a score such as a WGAN critic's value on an
     * axis of its own range titled {@code scoreName}.
     */
    public static XYChart ringResponse(double[][] generated, ModeSet modes, double[] angles, double[] dScore,
                                       String title, String scoreName, boolean scoreIsProbability) {
        pointsOrNone("generated", generated, 2);
        Check.notNull("modes", modes);
        Check.finite("angles", angles);
        Check.finite("dScore", dScore);
        Check.notNull("title", title);
        Check.notBlank("scoreName", scoreName);
        if (modes.dimension() != 2) {
            throw new IllegalArgumentException("modes must be 2-D, was " + modes.dimension() + "-D");
        }
        if (angles.length != dScore.length) {
            throw new IllegalArgumentException("dScore must have one value per angle (" + angles.length + "), was "
                    + dScore.length);
        }
        double[] a = new double[generated.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = angleDegrees(generated[i]);
        }
        XYChart c = xy(title, "angle on the ring (degrees)", "density of generated samples");
        addHistogram(c, "generated", a, 72, 0, 360, FAKE);
        // Each mode's angle as a thin vertical line over the full height of the axis on the right.
        double bottom = scoreIsProbability || dScore.length == 0 ? 0 : min(dScore);
        double top = scoreIsProbability || dScore.length == 0 ? 1 : max(dScore);
        double[] mx = modes.modes().stream().mapToDouble(m -> angleDegrees(m.center())).toArray();
        for (int i = 0; i < mx.length; i++) {
            XYSeries m = c.addSeries(i == 0 ? "modes" : "mode " + i, new double[] {mx[i], mx[i]},
                    new double[] {bottom, top});
            m.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            m.setMarker(SeriesMarkers.NONE);
            m.setLineColor(REAL);
            m.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f},
                    0f));
            m.setYAxisGroup(1);
            m.setShowInLegend(i == 0);
        }
        String score = scoreIsProbability ? "D(x)" : scoreName;
        scoreAxisOnTheRight(c, angles.length > 0 ? score : "", scoreIsProbability || dScore.length == 0);
        if (angles.length > 0) {
            XYSeries d = c.addSeries(score + " on the ring (right axis)", angles, dScore);
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

    /**
     * The game in 2-D (GAN Lab's view): D's verdict D(x) over the plane as a heatmap (green "real", purple
     * "fake"), real and generated samples on top, an arrow on each of the first 24 generated samples along
     * {@link Gan#generatorPush} (where G's objective pushes it) and, with {@code manifold}, G's image of a grid of
     * latent points. For a GAN whose D judges packs or batches, the samples only (the title says so).
     *
     * @param gan       a GAN on 2-D data
     * @param real      real samples [n][2] (data units)
     * @param generated generated samples [n][2], e.g. {@code gan.sample(500, seed)}
     */
    public static XYChart game(Gan gan, double[][] real, double[][] generated, boolean manifold, String title) {
        Check.notNull("gan", gan);
        if (gan.dimension() == 2) {
            pointsOrNone("real", real, 2);
            pointsOrNone("generated", generated, 2);
        }
        Check.notNull("title", title);
        return GameChart.of(gan, real, generated, manifold, title);
    }

    /** Sequential colours (viridis-like, dark = low) for the bands of {@link #valueField}. */
    static final Color[] FIELD_COLORS = {new Color(0x440154), new Color(0x482878), new Color(0x3E4A89),
        new Color(0x31688E), new Color(0x26828E), new Color(0x1F9E89), new Color(0x35B779), new Color(0x6DCD59),
        new Color(0xB4DE2C), new Color(0xFDE725)};

    /**
     * D's value over the data space: its score on a grid, drawn as coloured cells in ten bands (dark = low), with
     * the real modes' centres and generated samples on top. For the GAN family the bands are fixed tenths of a
     * probability (0–1), so a saturated D shows as one flat colour; a WGAN critic's bands span its own range, so a
     * slope shows as stripes. The picture behind "the critic keeps a gradient where the JS discriminator saturates".
     *
     * @param xs                 grid x values (ascending, &gt;= 2)
     * @param ys                 grid y values (ascending, &gt;= 2)
     * @param values             the score at (xs[i], ys[j]) as values[j][i]
     * @param scoreName          what the values are ("D(x)", "critic value")
     * @param scoreIsProbability whether they are probabilities (fixed 0–1 bands)
     * @param generated          generated samples [n][2] to draw on top (may be empty)
     * @param modes              the data's modes (2-D)
     */
    public static XYChart valueField(double[] xs, double[] ys, double[][] values, String scoreName,
                                     boolean scoreIsProbability, double[][] generated, ModeSet modes, String title) {
        Check.finite("xs", xs);
        Check.finite("ys", ys);
        Check.notNull("values", values);
        Check.notBlank("scoreName", scoreName);
        pointsOrNone("generated", generated, 2);
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
        XYChart c = xy(title, "x₁", "x₂");
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
            XYSeries s = c.addSeries(String.format(java.util.Locale.ROOT, "%s %s to %s", scoreName,
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
        points(c, outside == 0 ? "generated" : String.format(java.util.Locale.ROOT, "generated (%d of %d outside the view)",
                outside, generated.length), generated, new Color(255, 140, 60), SeriesMarkers.CIRCLE);
        double[][] centres = modes.modes().stream().map(m -> m.center()).toArray(double[][]::new);
        points(c, "mode centres", centres, Color.BLACK, SeriesMarkers.CROSS);
        c.getStyler().setXAxisMin(view[0]);
        c.getStyler().setXAxisMax(view[1]);
        c.getStyler().setYAxisMin(view[2]);
        c.getStyler().setYAxisMax(view[3]);
        return c;
    }

    /** A filled rectangle of a fixed size in pixels, whatever the chart's marker size: one cell of a value field. */
    private static final class Cell extends org.knowm.xchart.style.markers.Marker {
        private final int width;
        private final int height;

        Cell(int width, int height) {
            this.width = width;
            this.height = height;
        }

        @Override
        public void paint(java.awt.Graphics2D g, double x, double y, int markerSize) {
            g.fill(new java.awt.geom.Rectangle2D.Double(x - width / 2.0, y - height / 2.0, width, height));
        }
    }

    /**
     * {@link #valueField(double[], double[], double[][], String, boolean, double[][], ModeSet, String)} of a 2-D GAN's
     * D on a 60 × 60 grid spanning the data's modes (±4σ) and the generated samples (so that samples far from the
     * data are drawn on the field, not off it: their 1st to 99th percentile on each axis, at most five times the
     * modes' extent beyond the modes; the legend counts any sample left outside), widened by 15%, with
     * {@code generated} on top, labelled by the GAN's objective (D(x) or the critic's value).
     */
    public static XYChart valueField(org.modecollapselab.gan.Gan gan, double[][] generated, String title) {
        Check.notNull("gan", gan);
        pointsOrNone("generated", generated, 2);
        Check.notNull("title", title);
        ModeSet modes = gan.data().modes();
        if (modes.dimension() != 2) {
            throw new IllegalArgumentException("gan must be trained on 2-D data for a value field, was "
                    + modes.dimension() + "-D");
        }
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (var m : modes.modes()) {
            for (int k = 0; k < 2; k++) {
                lo[k] = Math.min(lo[k], m.center()[k] - 4 * m.sd());
                hi[k] = Math.max(hi[k], m.center()[k] + 4 * m.sd());
            }
        }
        if (generated.length > 0) {
            // The generated samples' 1st to 99th percentile on each axis (all of them below 100 samples), at most
            // five times the modes' extent beyond them: a few far-flung samples do not shrink the data to a dot.
            for (int k = 0; k < 2; k++) {
                double[] v = new double[generated.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = generated[i][k];
                }
                java.util.Arrays.sort(v);
                int cut = v.length >= 100 ? v.length / 100 : 0;
                double extent = hi[k] - lo[k];
                lo[k] = Math.min(lo[k], Math.max(v[cut], lo[k] - 5 * extent));
                hi[k] = Math.max(hi[k], Math.min(v[v.length - 1 - cut], hi[k] + 5 * extent));
            }
        }
        int n = 60;
        double[][] axes = new double[2][n];
        for (int k = 0; k < 2; k++) {
            double pad = 0.15 * (hi[k] - lo[k]);
            for (int i = 0; i < n; i++) {
                axes[k][i] = lo[k] - pad + (hi[k] - lo[k] + 2 * pad) * i / (n - 1);
            }
        }
        double[][] points = new double[n * n][];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                points[j * n + i] = new double[] {axes[0][i], axes[1][j]};
            }
        }
        double[] flat = gan.discriminatorScore(points);
        double[][] values = new double[n][n];
        for (int j = 0; j < n; j++) {
            System.arraycopy(flat, j * n, values[j], 0, n);
        }
        var objective = gan.config().objective();
        return valueField(axes[0], axes[1], values, objective.scoreIsProbability() ? "D(x)" : objective.scoreName(),
                objective.scoreIsProbability(), generated, modes, title);
    }

    /** {@code v} with enough decimals to tell apart values {@code step} apart (two significant digits of it). */
    private static String round(double v, double step) {
        int decimals = (int) Math.max(0, Math.min(12, Math.ceil(-Math.log10(step)) + 1));
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", v);
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

    /**
     * Several curves over one x axis, one line per entry of {@code series} (in its order): e.g. each objective's
     * generator gradient as a function of D's output.
     *
     * @param x      x values
     * @param series name → y values, each as long as {@code x}
     */
    public static XYChart curves(String title, String xLabel, String yLabel, double[] x,
                                 java.util.Map<String, double[]> series) {
        Check.notNull("title", title);
        Check.notNull("xLabel", xLabel);
        Check.notBlank("yLabel", yLabel);
        Check.finite("x", x);
        Check.notNull("series", series);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("series must not be empty, was {}");
        }
        XYChart c = xy(title, xLabel, yLabel);
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
            line(c, e.getKey(), x, e.getValue(), MODE_COLORS[i++ % MODE_COLORS.length]);
        }
        return c;
    }

    // ---------------------------------------------------------------- mode coverage

    /** Share of generated samples per mode next to each mode's true share, titled with the verdict. */
    public static CategoryChart modeCoverage(CoverageReport report, String title) {
        Check.notNull("report", report);
        Check.notNull("title", title);
        CategoryChart c = new CategoryChartBuilder().width(figureStyle().width()).height(figureStyle().height())
                .title(title + " — " + report.verdict().label() + " (" + report.modesCovered() + "/" + report.modes()
                        + " modes)")
                .xAxisTitle("mode").yAxisTitle("share of samples").build();
        style(c.getStyler());
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.0);
        c.getStyler().setOverlapped(false);
        // The legend below the plot, where no bar can hide behind it (a collapsed G's off-mode bar reaches the top).
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setSeriesColors(new Color[] {Color.GRAY, FAKE});
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

    // ---------------------------------------------------------------- training curves

    /** D's and G's losses over training, from a history table with columns step, d_loss, g_loss (and D(x) as a probability). */
    public static XYChart losses(Table history, String title) {
        return losses(history, title, "D(x)", true);
    }

    /**
     * D's and G's losses over a training run, with the mean of D's score on real and generated batches on the right
     * axis — a probability for the GAN family, the objective's own score (a WGAN critic's value) otherwise.
     */
    public static XYChart losses(org.modecollapselab.gan.TrainingResult result, String title) {
        Check.notNull("result", result);
        return losses(result.history(), title, result.scoreName(), result.scoreIsProbability());
    }

    private static XYChart losses(Table history, String title, String scoreName, boolean probability) {
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
            String score = probability ? "D" : scoreName;
            XYSeries r = line(c, (probability ? "D(real)" : score + ", real") + " (right axis)", steps,
                    history.numberColumn("d_real").asDoubleArray(), REAL.darker());
            r.setLineStyle(DASHED);
            r.setYAxisGroup(1);
            XYSeries f = line(c, (probability ? "D(fake)" : score + ", fake") + " (right axis)", steps,
                    history.numberColumn("d_fake").asDoubleArray(), FAKE.darker());
            f.setLineStyle(DASHED);
            f.setYAxisGroup(1);
            scoreAxisOnTheRight(c, probability ? "mean D(x)" : "mean " + scoreName, probability);
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

    /**
     * The chart as an image: a notebook cell whose value is this shows it inline. When the lecture command runs
     * the notebook ({@code MCL_EXPORT_FIGURES=1}), the chart is also saved as a figure ({@link #export}).
     */
    public static BufferedImage image(Chart<?, ?> chart) {
        BufferedImage img = render(chart);
        export(chart);
        return img;
    }

    /** The chart as an image, never exported: for views redrawn in place (live progress, animation frames). */
    public static BufferedImage render(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(Check.notNull("chart", chart));
    }

    /** The current figure style: size and fonts of new charts, resolution of saved PNGs. */
    public static FigureStyle figureStyle() {
        FigureStyle s = style;
        if (s == null) {
            s = FigureStyle.fromEnvironment(System.getenv());
            style = s;
        }
        return s;
    }

    /** Replaces the figure style for the charts made from now on (e.g. larger fonts for a projector). */
    public static void useStyle(FigureStyle s) {
        Check.notNull("s", s);
        style = Check.notNull("style", s);
    }

    private static volatile FigureStyle style;
    private static int exportedCount;

    /**
     * When the lecture command runs a notebook ({@code MCL_EXPORT_FIGURES=1}), saves {@code chart} to the figure
     * folder ({@code MCL_FIGURES}, default {@code ../figures}) as
     * {@code <notebook>-figNN-<title>.png/.svg}, named after the notebook ({@code MCL_NOTEBOOK}) and the chart's
     * title; otherwise does nothing.
     *
     * @return the files written (none outside the lecture command)
     */
    public static List<Path> export(Chart<?, ?> chart) {
        Check.notNull("chart", chart);
        if (!"1".equals(System.getenv("MCL_EXPORT_FIGURES"))) {
            return List.of();
        }
        String notebook = System.getenv().getOrDefault("MCL_NOTEBOOK", "notebook");
        Path dir = Path.of(System.getenv().getOrDefault("MCL_FIGURES", "../figures"));
        int n;
        synchronized (Charts.class) {
            n = ++exportedCount;
        }
        return save(chart, dir.resolve(String.format("%s-fig%02d-%s", notebook, n, slug(chart.getTitle()))));
    }

    /** A title as a file-name part: lower case letters and digits joined by '-', at most 48 characters. */
    static String slug(String title) {
        String t = title == null ? "" : java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFKD)
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (t.length() > 48) {
            t = t.substring(0, 48).replaceAll("-+$", "");
        }
        return t.isEmpty() ? "figure" : t;
    }

    /**
     * Saves {@code chart} as {@code base.png} (at the figure style's PNG scale, 2× by default, for projectors) and
     * {@code base.svg} (parent folders are created). Each file is written to a temporary file first and renamed
     * when complete.
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
            BitmapEncoder.saveBitmapWithDPI(chart, tmpPng.toString(), BitmapEncoder.BitmapFormat.PNG,
                    72 * figureStyle().pngScale());
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
     * sets with 2, 8 and 25 modes share an axis), {@code "high_quality_pct"}, {@code "reverse_kl"} or {@code "hops"}
     * (hops of the dominant mode, {@code Study.hops}).
     */
    public static CategoryChart remedyStudy(Table summary, String metric, String title) {
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
        CategoryChart c = new CategoryChartBuilder().width(figureStyle().width())
                .height(many ? figureStyle().height() * 3 / 2 : figureStyle().height()).title(title).xAxisTitle("remedy")
                .yAxisTitle(modes ? "modes captured (% of all modes)" : metric.equals("reverse_kl") ? "reverse KL (nats)"
                        : metric.equals("hops") ? "hops of the dominant mode" : "high-quality samples (%)").build();
        style(c.getStyler());
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

    // ---------------------------------------------------------------- helpers

    static XYChart xy(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(figureStyle().width()).height(figureStyle().height()).title(title).xAxisTitle(x).yAxisTitle(y).build();
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
    private static void scoreAxisOnTheRight(XYChart c, String title, boolean probability) {
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

    static void style(org.knowm.xchart.style.AxesChartStyler s) {
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
