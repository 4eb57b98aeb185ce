package org.modecollapselab.plot;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.gan.GanProbe;
import org.modecollapselab.gan.Snapshot;
import org.modecollapselab.gan.TrainingResult;
import org.modecollapselab.metric.CoverageReport;
import org.modecollapselab.metric.ModeSet;
import org.modecollapselab.metric.ModeTimeline;
import org.modecollapselab.util.Check;
import tech.tablesaw.api.Table;

/**
 * One static factory per chart, each returning an XChart chart that a notebook shows inline with
 * {@link #image(Chart)} and a lecturer saves for slides with {@link #save(Chart, Path)} (PNG and SVG). A façade:
 * each family of chart is drawn by a class of its own — where samples lie ({@code DistributionCharts}), D over the
 * plane ({@code FieldCharts}, {@code GameChart}), training over time ({@code TrainingCharts}), coverage and studies
 * ({@code StudyCharts}), images and files ({@code ChartFiles}), with what they share in {@code ChartKit}. Charts of a
 * GAN ask its {@link GanProbe} for samples and D's scores; none builds a grid of its own.
 */
public final class Charts {
    public static final int WIDTH = 720;
    public static final int HEIGHT = 400;

    private Charts() {
    }

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
        return DistributionCharts.histogram(real, generated, bins, title, xLabel);
    }

    /**
     * A snapshot of training: real vs generated values, with the discriminator's response on a second axis — D(x),
     * the probability it gives that x is real (0 to 1), or the objective's score where that is no probability (a
     * WGAN critic's value, on an axis of its own range, titled by {@link Snapshot#scoreName()}). Shows where D
     * believes the real data are.
     */
    public static XYChart snapshot(double[] real, Snapshot snapshot, int bins, String xLabel) {
        return DistributionCharts.snapshot(real, snapshot, bins, xLabel);
    }

    /**
     * The same chart for the GAN as it is now (1-D data, {@link GanProbe#snapshot(int, long)}): 2,000 samples from
     * fixed noise and D's score on {@link GanProbe#probeGrid} (D(x), or a WGAN critic's value); for animation frames
     * ({@code Animation.recorder(settings, g -> Charts.snapshot(real, g,
     * 80, "°C"))}).
     */
    public static XYChart snapshot(double[] real, Gan gan, int bins, String xLabel) {
        return DistributionCharts.snapshot(real, gan, bins, xLabel);
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
        return DistributionCharts.scatter(real, generated, modes, title);
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
        return DistributionCharts.ringResponse(generated, modes, angles, dProb, title);
    }

    /**
     * {@link #ringResponse(double[][], ModeSet, double[], double[], String)} for any objective's score: D's
     * probability (0 to 1) or, where {@code scoreIsProbability} is false, a score such as a WGAN critic's value on an
     * axis of its own range titled {@code scoreName}.
     */
    public static XYChart ringResponse(double[][] generated, ModeSet modes, double[] angles, double[] dScore,
                                       String title, String scoreName, boolean scoreIsProbability) {
        return DistributionCharts.ringResponse(generated, modes, angles, dScore, title, scoreName, scoreIsProbability);
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
            ChartKit.pointsOrNone("real", real, 2);
            ChartKit.pointsOrNone("generated", generated, 2);
        }
        Check.notNull("title", title);
        return GameChart.of(gan, real, generated, manifold, title);
    }

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
        return FieldCharts.valueField(xs, ys, values, scoreName, scoreIsProbability, generated, modes, title);
    }

    /**
     * {@link #valueField(double[], double[], double[][], String, boolean, double[][], ModeSet, String)} of a 2-D GAN's
     * D on a 60 × 60 grid spanning the data's modes and the generated samples ({@link GanProbe#axis(int, int,
     * double[][])}: ±4σ and the samples' 1st to 99th percentile, at most five times the modes' extent beyond them,
     * widened by 10%; the legend counts any sample left outside), with {@code generated} on top, labelled by the
     * GAN's objective (D(x) or the critic's value).
     */
    public static XYChart valueField(Gan gan, double[][] generated, String title) {
        return FieldCharts.valueField(gan, generated, title);
    }

    /** Angle of a 2-D point in degrees, in [0, 360). */
    public static double angleDegrees(double[] p) {
        return DistributionCharts.angleDegrees(p);
    }

    /** {@code count} points evenly spaced on a circle of radius {@code radius} around the origin, from angle 0. */
    public static double[][] circle(double radius, int count) {
        return DistributionCharts.circle(radius, count);
    }

    /**
     * Several curves over one x axis, one line per entry of {@code series} (in its order): e.g. each objective's
     * generator gradient as a function of D's output.
     *
     * @param x      x values
     * @param series name → y values, each as long as {@code x}
     */
    public static XYChart curves(String title, String xLabel, String yLabel, double[] x,
                                 Map<String, double[]> series) {
        return TrainingCharts.curves(title, xLabel, yLabel, x, series);
    }

    /** Share of generated samples per mode next to each mode's true share, titled with the verdict. */
    public static CategoryChart modeCoverage(CoverageReport report, String title) {
        return StudyCharts.modeCoverage(report, title);
    }

    /** D's and G's losses over training, from a history table with columns step, d_loss, g_loss (and D(x) as a probability). */
    public static XYChart losses(Table history, String title) {
        return TrainingCharts.losses(history, title);
    }

    /**
     * D's and G's losses over a training run, with the mean of D's score on real and generated batches on the right
     * axis — a probability for the GAN family, the objective's own score (a WGAN critic's value) otherwise.
     */
    public static XYChart losses(TrainingResult result, String title) {
        return TrainingCharts.losses(result, title);
    }

    /**
     * The mode-hopping timeline: the share of generated samples in each mode (and in none) at each snapshot.
     * A collapsed generator shows one line near 1 and the others near 0; a hopping one shows them swap.
     */
    public static XYChart modeTimeline(ModeTimeline timeline, String title) {
        return TrainingCharts.modeTimeline(timeline, title);
    }

    /**
     * The chart as an image: a notebook cell whose value is this shows it inline. When the lecture command runs
     * the notebook ({@code MCL_EXPORT_FIGURES=1}), the chart is also saved as a figure ({@link #export}).
     */
    public static BufferedImage image(Chart<?, ?> chart) {
        return ChartFiles.image(chart);
    }

    /** The chart as an image, never exported: for views redrawn in place (live progress, animation frames). */
    public static BufferedImage render(Chart<?, ?> chart) {
        return ChartFiles.render(chart);
    }

    /** The current figure style: size and fonts of new charts, resolution of saved PNGs. */
    public static FigureStyle figureStyle() {
        return ChartKit.figureStyle();
    }

    /** Replaces the figure style for the charts made from now on (e.g. larger fonts for a projector). */
    public static void useStyle(FigureStyle s) {
        ChartKit.useStyle(s);
    }

    /**
     * When the lecture command runs a notebook ({@code MCL_EXPORT_FIGURES=1}), saves {@code chart} to the figure
     * folder ({@code MCL_FIGURES}, default {@code ../figures}) as
     * {@code <notebook>-figNN-<title>.png/.svg}, named after the notebook ({@code MCL_NOTEBOOK}) and the chart's
     * title; otherwise does nothing.
     *
     * @return the files written (none outside the lecture command)
     */
    public static List<Path> export(Chart<?, ?> chart) {
        return ChartFiles.export(chart);
    }

    /**
     * Saves {@code chart} as {@code base.png} (at the figure style's PNG scale, 2× by default, for projectors) and
     * {@code base.svg} (parent folders are created). Each file is written to a temporary file first and renamed
     * when complete.
     *
     * @return the two paths written
     */
    public static List<Path> save(Chart<?, ?> chart, Path base) {
        return ChartFiles.save(chart, base);
    }

    /**
     * A study summary ({@code RemedyStudy.summary}) as grouped bars: one group per remedy, one bar per data set, with
     * standard-error bars. {@code metric} is {@code "modes"} (plotted as % of the data set's modes, so that data
     * sets with 2, 8 and 25 modes share an axis), {@code "high_quality_pct"}, {@code "reverse_kl"} or {@code "hops"}
     * (hops of the dominant mode, {@code Study.hops}).
     */
    public static CategoryChart remedyStudy(Table summary, String metric, String title) {
        return StudyCharts.remedyStudy(summary, metric, title);
    }

    /** A title as a file-name part (see {@link #export}). */
    static String slug(String title) {
        return ChartFiles.slug(title);
    }
}
