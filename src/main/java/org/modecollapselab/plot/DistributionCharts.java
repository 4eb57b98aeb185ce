package org.modecollapselab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.gan.Snapshot;
import org.modecollapselab.metric.ModeSet;
import org.modecollapselab.util.Check;

/** Where samples lie: histograms with D's response, 2-D scatter plots, a ring seen along its circle. */
final class DistributionCharts {
    private DistributionCharts() {
    }

    /** See {@link Charts#histogram}. */
    static XYChart histogram(double[] real, double[] generated, int bins, String title, String xLabel) {
        Check.finite("real", real);
        Check.finite("generated", generated);
        if (real.length == 0 && generated.length == 0) {
            throw new IllegalArgumentException("real and generated must not both be empty, was [] and []");
        }
        Check.atLeast("bins", bins, 2);
        Check.notNull("title", title);
        Check.notNull("xLabel", xLabel);
        double lo = Math.min(ChartKit.min(real), ChartKit.min(generated));
        double hi = Math.max(ChartKit.max(real), ChartKit.max(generated));
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        XYChart c = ChartKit.xy(title, xLabel, "density");
        // XChart places ticks at odd values for some ranges; without a pattern they print 12 decimals.
        c.getStyler().setXAxisDecimalPattern("#,##0.#");
        ChartKit.addHistogram(c, "real", real, bins, lo, hi, ChartKit.REAL);
        ChartKit.addHistogram(c, "generated", generated, bins, lo, hi, ChartKit.FAKE);
        return c;
    }

    /** See {@link Charts#snapshot}. */
    static XYChart snapshot(double[] real, Snapshot snapshot, int bins, String xLabel) {
        Check.data("real", real);
        Check.notNull("snapshot", snapshot);
        Check.atLeast("bins", bins, 2);
        Check.notNull("xLabel", xLabel);
        double[] gen = snapshot.values();
        Check.data("snapshot's samples", gen);
        double lo = Math.min(ChartKit.min(real), ChartKit.min(gen));
        double hi = Math.max(ChartKit.max(real), ChartKit.max(gen));
        if (snapshot.probeX().length > 0) {
            lo = Math.min(lo, snapshot.probeX()[0]);
            hi = Math.max(hi, snapshot.probeX()[snapshot.probeX().length - 1]);
        }
        String score = snapshot.scoreIsProbability() ? "D(x)" : snapshot.scoreName();
        XYChart c = ChartKit.xy("Step " + snapshot.step() + ": real vs generated, and " + score, xLabel, "density");
        ChartKit.addHistogram(c, "real", real, bins, lo, hi, ChartKit.REAL);
        ChartKit.addHistogram(c, "generated", gen, bins, lo, hi, ChartKit.FAKE);
        if (snapshot.probeX().length > 0) {
            XYSeries d = c.addSeries(score + " (right axis)", snapshot.probeX(), snapshot.probeD());
            d.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            d.setMarker(SeriesMarkers.NONE);
            d.setLineColor(Color.DARK_GRAY);
            d.setLineStyle(new BasicStroke(2f));
            d.setYAxisGroup(1);
            ChartKit.scoreAxisOnTheRight(c, score, snapshot.scoreIsProbability());
        }
        return c;
    }

    /** See {@link Charts#snapshot}. */
    static XYChart snapshot(double[] real, Gan gan, int bins, String xLabel) {
        Check.notNull("gan", gan);
        if (gan.dimension() != 1) {
            throw new IllegalArgumentException("gan must be trained on 1-D data for this chart, was " + gan.dimension()
                    + "-D");
        }
        return snapshot(real, gan.probe().snapshot(2000, 0x5EEDL), bins, xLabel);
    }

    /** See {@link Charts#scatter}. */
    static XYChart scatter(double[][] real, double[][] generated, ModeSet modes, String title) {
        Check.points("real", real, 2);
        Check.points("generated", generated, 2);
        Check.notNull("modes", modes);
        Check.notNull("title", title);
        if (modes.dimension() != 2) {
            throw new IllegalArgumentException("modes must be 2-D for a scatter plot, was " + modes.dimension() + "-D");
        }
        XYChart c = ChartKit.xy(title, "x₁", "x₂");
        c.getStyler().setMarkerSize(4);
        ChartKit.points(c, "real", real, ChartKit.translucent(ChartKit.REAL, 90), SeriesMarkers.CIRCLE);
        ChartKit.points(c, "generated", generated, ChartKit.translucent(ChartKit.FAKE, 150), SeriesMarkers.CIRCLE);
        double[][] centres = modes.modes().stream().map(m -> m.center()).toArray(double[][]::new);
        ChartKit.points(c, "mode centres", centres, Color.BLACK, SeriesMarkers.CROSS);
        return c;
    }

    /** See {@link Charts#ringResponse}. */
    static XYChart ringResponse(double[][] generated, ModeSet modes, double[] angles, double[] dProb,
                                       String title) {
        ChartKit.pointsOrNone("generated", generated, 2);
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

    /** See {@link Charts#ringResponse}. */
    static XYChart ringResponse(double[][] generated, ModeSet modes, double[] angles, double[] dScore,
                                       String title, String scoreName, boolean scoreIsProbability) {
        ChartKit.pointsOrNone("generated", generated, 2);
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
        XYChart c = ChartKit.xy(title, "angle on the ring (degrees)", "density of generated samples");
        ChartKit.addHistogram(c, "generated", a, 72, 0, 360, ChartKit.FAKE);
        // Each mode's angle as a thin vertical line over the full height of the axis on the right.
        double bottom = scoreIsProbability || dScore.length == 0 ? 0 : ChartKit.min(dScore);
        double top = scoreIsProbability || dScore.length == 0 ? 1 : ChartKit.max(dScore);
        double[] mx = modes.modes().stream().mapToDouble(m -> angleDegrees(m.center())).toArray();
        for (int i = 0; i < mx.length; i++) {
            XYSeries m = c.addSeries(i == 0 ? "modes" : "mode " + i, new double[] {mx[i], mx[i]},
                    new double[] {bottom, top});
            m.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            m.setMarker(SeriesMarkers.NONE);
            m.setLineColor(ChartKit.REAL);
            m.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f},
                    0f));
            m.setYAxisGroup(1);
            m.setShowInLegend(i == 0);
        }
        String score = scoreIsProbability ? "D(x)" : scoreName;
        ChartKit.scoreAxisOnTheRight(c, angles.length > 0 ? score : "", scoreIsProbability || dScore.length == 0);
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

    /** See {@link Charts#angleDegrees}. */
    static double angleDegrees(double[] p) {
        Check.points("p", new double[][] {Check.notNull("p", p)}, 2);
        double d = Math.toDegrees(Math.atan2(p[1], p[0]));
        return d < 0 ? d + 360 : d;
    }

    /** See {@link Charts#circle}. */
    static double[][] circle(double radius, int count) {
        Check.positive("radius", radius);
        Check.atLeast("count", count, 1);
        double[][] p = new double[count][];
        for (int i = 0; i < count; i++) {
            double t = 2 * Math.PI * i / count;
            p[i] = new double[] {radius * Math.cos(t), radius * Math.sin(t)};
        }
        return p;
    }
}
