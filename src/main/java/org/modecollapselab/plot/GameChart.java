package org.modecollapselab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.util.Check;

/**
 * The game in two dimensions, as GAN Lab draws it (Kahng et al., "GAN Lab: Understanding Complex Deep Generative
 * Models using Interactive Visual Experimentation", 2018): D's verdict D(x) over the plane as a heatmap (green where
 * D says "real", purple where it says "fake"), the real and generated samples on top, the generator's gradient
 * arrows (−∂ℓ_G/∂x: where G's objective pushes each generated sample) and, optionally, G's manifold (the image of a
 * grid of latent points). Departure: colours follow this project's charts (real blue, generated orange).
 *
 * <p>The heatmap is painted under XChart's plot by a chart subclass (XChart has no layered heatmap), at positions
 * from XChart's own axis transform, so it saves as PNG and SVG like every chart.
 */
final class GameChart extends XYChart {
    private static final Color BACKGROUND = Color.WHITE;
    private static final Color FAKE_SIDE = new Color(0x9C7BC9);
    private static final Color REAL_SIDE = new Color(0x5DB56E);
    private static final Color ARROW = new Color(0x222222);
    private static final Color MANIFOLD = new Color(0x7A4FA3);
    private static final Color TRANSPARENT = new Color(0, 0, 0, 0);
    static final int ARROWS = 24;

    private final double x0;
    private final double x1;
    private final double y0;
    private final double y1;
    private final double[][] verdict;   // [row from y0 up][column from x0], D(x) in [0, 1]; null: no heatmap

    private GameChart(int width, int height, double x0, double x1, double y0, double y1, double[][] verdict) {
        super(width, height);
        this.x0 = x0;
        this.x1 = x1;
        this.y0 = y0;
        this.y1 = y1;
        this.verdict = verdict;
    }

    /** See {@link Charts#game}. */
    static XYChart of(Gan gan, double[][] real, double[][] generated, boolean manifold, String title) {
        Check.notNull("gan", gan);
        Check.notNull("real", real);
        Check.notNull("generated", generated);
        if (gan.dimension() != 2) {
            throw new IllegalArgumentException("the game view needs 2-D data, was " + gan.dimension() + "-D");
        }
        FigureStyle size = Charts.figureStyle();
        // Width over height of the plot area (the chart less its axes, title and legend), for equal axis scales.
        double aspect = (size.width() - 70.0 * size.fontScale()) / (size.height() + 80 - 112.0 * size.fontScale());
        double[] box = bounds(real, generated, aspect);
        boolean single = gan.judgesSingleSamples();
        int res = 72;
        double[][] verdict = null;
        if (single) {
            double[] xs = new double[res];
            double[] ys = new double[res];
            for (int i = 0; i < res; i++) {
                xs[i] = box[0] + (i + 0.5) * (box[1] - box[0]) / res;
                ys[i] = box[2] + (i + 0.5) * (box[3] - box[2]) / res;
            }
            verdict = gan.probe().probabilityField(xs, ys);
        }
        FigureStyle fs = Charts.figureStyle();
        GameChart c = new GameChart(fs.width(), fs.height() + 80, box[0], box[1], box[2], box[3], verdict);
        c.setTitle(single ? title : title + " (D judges packs or batches: no heatmap, no arrows)");
        c.setXAxisTitle("x₁");
        c.setYAxisTitle("x₂");
        ChartKit.style(c.getStyler());
        var st = c.getStyler();
        st.setChartBackgroundColor(TRANSPARENT);
        st.setPlotBackgroundColor(TRANSPARENT);
        st.setPlotGridLinesVisible(false);
        st.setPlotContentSize(1.0);
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setLegendLayout(Styler.LegendLayout.Horizontal);
        st.setMarkerSize(5);
        st.setXAxisMin(box[0]);
        st.setXAxisMax(box[1]);
        st.setYAxisMin(box[2]);
        st.setYAxisMax(box[3]);
        st.setXAxisDecimalPattern("0.#");
        st.setYAxisDecimalPattern("0.#");
        if (manifold && gan.generator().inputs() == gan.config().latentDim()) {
            addManifold(c, gan);
        }
        ChartKit.points(c, "real", real, new Color(ChartKit.REAL.getRed(), ChartKit.REAL.getGreen(), ChartKit.REAL.getBlue(),
                120), SeriesMarkers.CIRCLE);
        ChartKit.points(c, "generated", generated, new Color(ChartKit.FAKE.getRed(), ChartKit.FAKE.getGreen(),
                ChartKit.FAKE.getBlue(), 200), SeriesMarkers.CIRCLE);
        if (single) {
            addArrows(c, gan, generated, box);
        }
        return c;
    }

    /** The plane shown: real and generated samples with 10% margins; far-flung fakes do not shrink the data. */
    private static double[] bounds(double[][] real, double[][] generated, double aspect) {
        double[] b = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        extend(b, real);
        if (real.length == 0) {
            extend(b, generated);
        }
        if (!(b[1] > b[0]) || !(b[3] > b[2])) {
            b = new double[] {-1, 1, -1, 1};
        }
        double wx = b[1] - b[0];
        double wy = b[3] - b[2];
        // Generated samples may widen the view by up to half the data's extent on each side.
        double[] g = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        extend(g, generated);
        if (g[0] <= g[1]) {
            b[0] = Math.min(b[0], Math.max(g[0], b[0] - wx / 2));
            b[1] = Math.max(b[1], Math.min(g[1], b[1] + wx / 2));
            b[2] = Math.min(b[2], Math.max(g[2], b[2] - wy / 2));
            b[3] = Math.max(b[3], Math.min(g[3], b[3] + wy / 2));
        }
        double px = 0.1 * (b[1] - b[0]);
        double py = 0.1 * (b[3] - b[2]);
        double[] box = {b[0] - px, b[1] + px, b[2] - py, b[3] + py};
        // Equal scales on both axes (a ring looks round): widen the narrower span to the plot area's shape.
        double sx = box[1] - box[0];
        double sy = box[3] - box[2];
        if (sx < aspect * sy) {
            double grow = (aspect * sy - sx) / 2;
            box[0] -= grow;
            box[1] += grow;
        } else {
            double grow = (sx / aspect - sy) / 2;
            box[2] -= grow;
            box[3] += grow;
        }
        return box;
    }

    private static void extend(double[] b, double[][] p) {
        for (int i = 0; i < p.length; i++) {
            if (p[i] == null || p[i].length != 2) {
                throw new IllegalArgumentException("samples[" + i + "] must have 2 coordinates, was "
                        + (p[i] == null ? "null" : p[i].length));
            }
            if (Double.isFinite(p[i][0]) && Double.isFinite(p[i][1])) {
                b[0] = Math.min(b[0], p[i][0]);
                b[1] = Math.max(b[1], p[i][0]);
                b[2] = Math.min(b[2], p[i][1]);
                b[3] = Math.max(b[3], p[i][1]);
            }
        }
    }

    /** G's image of a latent grid: 11 lines along each of the first two latent axes (one curve for 1-D z). */
    private static void addManifold(XYChart c, Gan gan) {
        int dims = gan.config().latentDim();
        double span = gan.config().latent() == GanConfig.Latent.GAUSSIAN ? 2.5 : 1.0;
        int lines = dims == 1 ? 1 : 11;
        int points = 60;
        int k = 0;
        for (int axis = 0; axis < Math.min(dims, 2); axis++) {
            for (int l = 0; l < lines; l++) {
                double[][] z = new double[points][dims];
                for (int i = 0; i < points; i++) {
                    z[i][axis] = -span + 2 * span * i / (points - 1);
                    if (dims > 1) {
                        z[i][1 - axis] = -span + 2 * span * l / (lines - 1);
                    }
                }
                double[][] x = gan.generate(z);
                double[] xs = new double[points];
                double[] ys = new double[points];
                for (int i = 0; i < points; i++) {
                    xs[i] = x[i][0];
                    ys[i] = x[i][1];
                }
                XYSeries s = c.addSeries(k == 0 ? "G's manifold (image of a latent grid)" : "manifold " + k, xs, ys);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(new Color(MANIFOLD.getRed(), MANIFOLD.getGreen(), MANIFOLD.getBlue(), 110));
                s.setLineStyle(new BasicStroke(1f));
                s.setShowInLegend(k == 0);
                k++;
            }
        }
    }

    /** An arrow on each of the first {@value #ARROWS} generated samples along −∂ℓ_G/∂x, the longest 7% of the plane's diagonal. */
    private static void addArrows(XYChart c, Gan gan, double[][] generated, double[] box) {
        int n = Math.min(ARROWS, generated.length);
        if (n == 0) {
            return;
        }
        double[][] at = Arrays.copyOf(generated, n);
        double[][] push = gan.generatorPush(at);
        double longest = 0;
        for (double[] p : push) {
            longest = Math.max(longest, Math.hypot(p[0], p[1]));
        }
        if (!(longest > 0) || !Double.isFinite(longest)) {
            return;
        }
        double wx = box[1] - box[0];
        double wy = box[3] - box[2];
        double scale = 0.07 * Math.hypot(wx, wy) / longest;
        for (int i = 0; i < n; i++) {
            double dx = push[i][0] * scale;
            double dy = push[i][1] * scale;
            double len = Math.hypot(dx / wx, dy / wy);   // in plane fractions, so heads look alike on both axes
            if (len < 1e-4) {
                continue;
            }
            double tx = at[i][0] + dx;
            double ty = at[i][1] + dy;
            // Head: two barbs at ±25° back from the tip, 30% of the shaft (at least 1.2% of the plane).
            double head = Math.max(0.3 * len, 0.012);
            double ux = -dx / wx / len;
            double uy = -dy / wy / len;
            double[] lx = rotate(ux, uy, 0.44);
            double[] rx = rotate(ux, uy, -0.44);
            double[] xs = {at[i][0], tx, tx + lx[0] * head * wx, tx, tx + rx[0] * head * wx};
            double[] ys = {at[i][1], ty, ty + lx[1] * head * wy, ty, ty + rx[1] * head * wy};
            XYSeries s = c.addSeries(i == 0 ? "G's push −∂ℓ_G/∂x" : "push " + i, xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(ARROW);
            s.setLineStyle(new BasicStroke(1.3f));
            s.setShowInLegend(i == 0);
        }
    }

    private static double[] rotate(double x, double y, double a) {
        return new double[] {x * Math.cos(a) - y * Math.sin(a), x * Math.sin(a) + y * Math.cos(a)};
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        // First pass on a scratch image: XChart lays out the axes, which gives the transform from data to screen.
        BufferedImage scratch = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_ARGB);
        Graphics2D sg = scratch.createGraphics();
        super.paint(sg, width, height);
        sg.dispose();
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, width, height);
        if (verdict != null) {
            paintHeatmap(g);
        }
        super.paint(g, width, height);
        if (verdict != null) {
            paintColourBar(g);
        }
    }

    private void paintHeatmap(Graphics2D g) {
        int rows = verdict.length;
        int cols = verdict[0].length;
        // One small image, scaled into the plot: smooth in PNG, and one embedded image (not 5,000 rectangles) in SVG.
        BufferedImage cells = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                cells.setRGB(c, rows - 1 - r, colour(verdict[r][c]).getRGB());
            }
        }
        double xa = getScreenXFromChart(x0);
        double xb = getScreenXFromChart(x1);
        double ya = getScreenYFromChart(y1);
        double yb = getScreenYFromChart(y0);
        Graphics2D h = (Graphics2D) g.create();
        h.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        h.drawImage(cells, (int) Math.round(xa), (int) Math.round(ya), (int) Math.round(xb - xa),
                (int) Math.round(yb - ya), null);
        h.dispose();
    }

    /** White at D = 0.5, purple toward 0 ("fake"), green toward 1 ("real"); light enough for points on top. */
    static Color colour(double d) {
        double v = Double.isFinite(d) ? Math.max(0, Math.min(1, d)) : 0.5;
        Color side = v < 0.5 ? FAKE_SIDE : REAL_SIDE;
        double t = 0.75 * Math.abs(v - 0.5) * 2;
        return new Color((int) Math.round(255 + (side.getRed() - 255) * t),
                (int) Math.round(255 + (side.getGreen() - 255) * t), (int) Math.round(255 + (side.getBlue() - 255) * t));
    }

    private void paintColourBar(Graphics2D g) {
        Rectangle2D plot = this.plot.getBounds();
        int w = 120;
        int h = 9;
        int x = (int) (plot.getMaxX() - w - 8);
        int y = (int) (plot.getY() + 8);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(255, 255, 255, 210));
        g.fillRect(x - 6, y - 4, w + 12, h + 22);
        for (int i = 0; i < w; i++) {
            g.setColor(colour(i / (double) (w - 1)));
            g.fillRect(x + i, y, 1, h);
        }
        g.setColor(Color.GRAY);
        g.drawRect(x, y, w, h);
        g.setColor(Color.DARK_GRAY);
        g.setFont(getStyler().getLegendFont().deriveFont(Font.PLAIN, 10f));
        g.drawString("fake 0", x, y + h + 12);
        String mid = "D(x)";
        g.drawString(mid, x + w / 2 - g.getFontMetrics().stringWidth(mid) / 2, y + h + 12);
        String one = "1 real";
        g.drawString(one, x + w - g.getFontMetrics().stringWidth(one), y + h + 12);
    }
}
