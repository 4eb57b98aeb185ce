package org.modecollapselab.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.modecollapselab.data.ImageShape;
import org.modecollapselab.metric.ClassifierThresholds;
import org.modecollapselab.metric.CoverageReport;
import org.modecollapselab.metric.ModeTimeline;
import org.modecollapselab.util.Check;

/**
 * Charts of image data (MNIST, Stacked MNIST), one static factory each: a grid of digits, real digits beside
 * generated ones, the 10-bar digit-coverage histogram (real vs generated), digit shares over training (the MNIST
 * mode timeline) and modes covered over training (Stacked MNIST). Show them with {@link Charts#image}, save them with
 * {@link Charts#save} (PNG and SVG).
 */
public final class DigitCharts {
    /** Ten distinguishable colours, one per digit (matplotlib's tab10). */
    static final Color[] DIGIT_COLORS = {new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C),
        new Color(0xD62728), new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F),
        new Color(0xBCBD22), new Color(0x17BECF)};
    /** Screen pixels per image pixel in a grid. */
    static final int SCALE = 3;

    private DigitCharts() {
    }

    /**
     * Images as a grid, {@code columns} wide (one channel: grey, white digits on black as in MNIST; three
     * channels: colour, channel 0 red, 1 green, 2 blue, as Stacked MNIST is shown in the papers).
     *
     * @param images rows of {@code shape.pixels()} values in [−1, 1] (values outside are clipped)
     */
    public static ImageGrid grid(double[][] images, ImageShape shape, int columns, String title) {
        BufferedImage p = panel("images", images, shape, columns);
        int[] size = ImageGrid.sizeFor(1, p.getWidth(), p.getHeight(), SCALE);
        return new ImageGrid(size[0], size[1], Check.notNull("title", title), List.of(p),
                List.of(images.length + " images"));
    }

    /** Real images beside generated ones, each as a grid {@code columns} wide (see {@link #grid}). */
    public static ImageGrid realAndGenerated(double[][] real, double[][] generated, ImageShape shape, int columns,
                                             String title) {
        BufferedImage r = panel("real", real, shape, columns);
        BufferedImage g = panel("generated", generated, shape, columns);
        int[] size = ImageGrid.sizeFor(2, Math.max(r.getWidth(), g.getWidth()), Math.max(r.getHeight(),
                g.getHeight()), SCALE);
        return new ImageGrid(size[0], size[1], Check.notNull("title", title), List.of(r, g),
                List.of("real", "generated"));
    }

    private static BufferedImage panel(String name, double[][] images, ImageShape shape, int columns) {
        Check.notNull(name, images);
        Check.notNull("shape", shape);
        Check.atLeast("columns", columns, 1);
        if (images.length == 0) {
            throw new IllegalArgumentException(name + " must not be empty, was 0 images");
        }
        Check.points(name, images, shape.pixels());
        if (shape.channels() != 1 && shape.channels() != 3) {
            throw new IllegalArgumentException("shape must have 1 or 3 channels to draw, was " + shape);
        }
        int cols = Math.min(columns, images.length);
        int rows = (images.length + cols - 1) / cols;
        int h = shape.height();
        int w = shape.width();
        int gap = 1;
        BufferedImage img = new BufferedImage(cols * (w + gap) + gap, rows * (h + gap) + gap,
                BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, 0xDDDDDD);
            }
        }
        for (int i = 0; i < images.length; i++) {
            double[] v = images[i];
            if (v == null || v.length != shape.pixels()) {
                throw new IllegalArgumentException("images[" + i + "] must hold " + shape.pixels() + " values ("
                        + shape + "), was " + (v == null ? "null" : v.length));
            }
            int ox = gap + (i % cols) * (w + gap);
            int oy = gap + (i / cols) * (h + gap);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = y * w + x;
                    int rgb;
                    if (shape.channels() == 1) {
                        int g = level(v[p]);
                        rgb = (g << 16) | (g << 8) | g;
                    } else {
                        int cs = shape.channelSize();
                        rgb = (level(v[p]) << 16) | (level(v[cs + p]) << 8) | level(v[2 * cs + p]);
                    }
                    img.setRGB(ox + x, oy + y, rgb);
                }
            }
        }
        return img;
    }

    /** A pixel value in [−1, 1] as a level 0–255 (NaN as 0). */
    private static int level(double v) {
        if (Double.isNaN(v)) {
            return 0;
        }
        return (int) Math.round((Math.max(-1, Math.min(1, v)) + 1) * 127.5);
    }

    /**
     * The 10-bar digit-coverage histogram: the share of generated samples the classifier reads as each digit, next to
     * the data's share of each digit, and (the last bar, "unsure") the share of generated samples it is not confident
     * about; the title says how many digits are covered.
     *
     * @param generated a digit report ({@code DigitScorer}), 10 classes
     */
    public static CategoryChart coverage(CoverageReport generated, String title) {
        return coverage(null, generated, title);
    }

    /**
     * The same with the orange bars named {@code name} (e.g. "real digits, read by the classifier" when the report is
     * about real digits).
     */
    public static CategoryChart coverage(CoverageReport report, String title, String name) {
        Check.notNull("report", report);
        return coverage(null, report, title, Check.notBlank("name", name));
    }

    /**
     * The same with real digits scored by the same classifier (what the classifier makes of real digits, confident
     * ones only when the generated report counts only those) instead of the data's label shares.
     *
     * @param real a report on real digits by the same scorer (may be null: the data's shares are shown)
     */
    public static CategoryChart coverage(CoverageReport real, CoverageReport generated, String title) {
        return coverage(real, generated, title, "generated");
    }

    private static CategoryChart coverage(CoverageReport real, CoverageReport generated, String title, String name) {
        Check.notNull("generated", generated);
        Check.notNull("title", title);
        if (generated.modes() != 10 || (real != null && real.modes() != 10)) {
            throw new IllegalArgumentException("reports must have 10 digits, was " + generated.modes()
                    + (real == null ? "" : " and " + real.modes()) + " (Stacked MNIST: use coveredOverTraining)");
        }
        CategoryChart c = new CategoryChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title(String.format(Locale.ROOT, "%s — %d/10 digits covered, %.0f%% confident", title,
                        generated.modesCovered(), 100 * generated.highQualityFraction()))
                .xAxisTitle("digit (as the classifier reads it)").yAxisTitle("share of samples").build();
        ChartKit.style(c.getStyler());
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setOverlapped(false);
        // below the plot: inside, the legend hid the bars of 7-9 whenever they were tall
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setSeriesColors(new Color[] {ChartKit.REAL, ChartKit.FAKE});
        List<String> names = new ArrayList<>(generated.modeNames());
        // a short label: "not confident" ran into the "9" beside it
        names.add(confidentOnly(generated) ? "unsure" : "(none)");
        List<Double> truth = new ArrayList<>();
        List<Double> gen = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            truth.add(real == null ? generated.trueWeights()[d] : real.fractions()[d]);
            gen.add(generated.fractions()[d]);
        }
        truth.add(real == null || !confidentOnly(generated) ? 0.0 : real.offModeFraction());
        gen.add(confidentOnly(generated) ? generated.offModeFraction() : 0.0);
        c.addSeries(real == null ? "real data (labels)" : "real digits (classifier)", names, truth);
        c.addSeries(name, names, gen);
        return c;
    }

    private static boolean confidentOnly(CoverageReport r) {
        return !(r.thresholds() instanceof ClassifierThresholds t) || t.confidentOnly();
    }

    /**
     * The MNIST mode timeline: the share of generated samples read as each digit at each snapshot, and the share the
     * classifier is not confident about (dashed). A generator collapsing onto a few digits shows their lines rising
     * while the others fall to zero.
     */
    public static XYChart timeline(ModeTimeline timeline, String title) {
        Check.notNull("timeline", timeline);
        Check.notNull("title", title);
        if (timeline.size() == 0) {
            throw new IllegalArgumentException("timeline must have at least 1 snapshot, was 0");
        }
        List<String> names = timeline.reports().get(0).modeNames();
        if (names.size() > DIGIT_COLORS.length) {
            throw new IllegalArgumentException("timeline must have at most " + DIGIT_COLORS.length + " modes to draw "
                    + "one line each, was " + names.size() + " (Stacked MNIST: use coveredOverTraining)");
        }
        double[] steps = Arrays.stream(timeline.steps()).asDoubleStream().toArray();
        XYChart c = xy(title, "step", "share of samples");
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.0);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        for (int m = 0; m < names.size(); m++) {
            ChartKit.line(c, "digit " + names.get(m), steps, timeline.fractionsOf(m), DIGIT_COLORS[m]);
        }
        XYSeries off = ChartKit.line(c, "not confident", steps, timeline.offModeFractions(), Color.BLACK);
        off.setLineStyle(ChartKit.DASHED);
        return c;
    }

    /**
     * Modes covered over training (left axis, out of all modes) and the confident share (right axis): the timeline
     * for Stacked MNIST's 1,000 modes, where one line per mode would be unreadable.
     */
    public static XYChart coveredOverTraining(ModeTimeline timeline, String title) {
        Check.notNull("timeline", timeline);
        Check.notNull("title", title);
        if (timeline.size() == 0) {
            throw new IllegalArgumentException("timeline must have at least 1 snapshot, was 0");
        }
        int modes = timeline.reports().get(0).modes();
        double[] steps = Arrays.stream(timeline.steps()).asDoubleStream().toArray();
        double[] covered = timeline.reports().stream().mapToDouble(CoverageReport::modesCovered).toArray();
        double[] confident = timeline.reports().stream().mapToDouble(CoverageReport::highQualityFraction).toArray();
        XYChart c = xy(title, "step", "modes covered (of " + modes + ")");
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax((double) modes);
        ChartKit.line(c, "modes covered", steps, covered, ChartKit.FAKE);
        XYSeries conf = ChartKit.line(c, "confident share (right axis)", steps, confident, ChartKit.REAL);
        conf.setLineStyle(ChartKit.DASHED);
        conf.setYAxisGroup(1);
        c.setYAxisGroupTitle(1, "confident share");
        c.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        c.getStyler().setYAxisMin(1, 0.0);
        c.getStyler().setYAxisMax(1, 1.0);
        return c;
    }

    private static XYChart xy(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).title(title).xAxisTitle(x)
                .yAxisTitle(y).build();
        ChartKit.style(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setMarkerSize(0);
        return c;
    }
}
