package org.modecollapselab.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.gan.TrainingListener;
import org.modecollapselab.step.StepStats;
import org.modecollapselab.util.AtomicFiles;
import org.modecollapselab.util.Check;

/**
 * Training as an animated GIF for a slide: frames drawn from charts at evenly spaced steps of a training run,
 * written with Java's own ImageIO GIF writer (looping forever). {@link #recorder} is a training listener that draws
 * the frames; {@link #beside} puts two runs side by side (a collapse and its repair).
 */
public final class Animation {
    /**
     * How an animation is drawn.
     *
     * @param frames      frames per animation, &gt;= 2 (a recorder draws them at evenly spaced steps)
     * @param delayMillis time each frame is shown, in ms, &gt;= 20 (GIF counts hundredths of a second; browsers
     *                    slow down shorter delays)
     * @param width       frame width in pixels, in [100, 4000]
     * @param height      frame height in pixels, in [100, 4000]
     */
    public record Settings(int frames, int delayMillis, int width, int height) {
        public Settings {
            Check.atLeast("frames", frames, 2);
            Check.atLeast("delayMillis", delayMillis, 20);
            if (width < 100 || width > 4000) {
                throw new IllegalArgumentException("width must be in [100, 4000] pixels, was " + width);
            }
            if (height < 100 || height > 4000) {
                throw new IllegalArgumentException("height must be in [100, 4000] pixels, was " + height);
            }
        }

        /** 40 frames of 250 ms (a 10-second loop), 640 × 360 pixels. */
        public static Settings defaults() {
            return new Settings(40, 250, 640, 360);
        }

        public Settings withFrames(int v) {
            return new Settings(v, delayMillis, width, height);
        }

        public Settings withDelayMillis(int v) {
            return new Settings(frames, v, width, height);
        }

        public Settings withSize(int w, int h) {
            if (w < 100 || w > 4000) {
                throw new IllegalArgumentException("w (the width) must be in [100, 4000] pixels, was " + w);
            }
            if (h < 100 || h > 4000) {
                throw new IllegalArgumentException("h (the height) must be in [100, 4000] pixels, was " + h);
            }
            return new Settings(frames, delayMillis, w, h);
        }

        /** Length of one loop in seconds. */
        public double seconds() {
            return frames * delayMillis / 1000.0;
        }
    }

    private final List<BufferedImage> frames;
    private final int delayMillis;
    private byte[] gif;

    private Animation(List<BufferedImage> frames, int delayMillis) {
        this.frames = List.copyOf(frames);
        this.delayMillis = delayMillis;
    }

    /** An animation of given frames (all of one size), each shown {@code delayMillis} ms (&gt;= 20). */
    public static Animation of(List<BufferedImage> frames, int delayMillis) {
        Check.notNull("frames", frames);
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("frames must not be empty");
        }
        Check.atLeast("delayMillis", delayMillis, 20);
        for (int i = 0; i < frames.size(); i++) {
            BufferedImage f = Check.notNull("frames[" + i + "]", frames.get(i));
            if (f.getWidth() != frames.get(0).getWidth() || f.getHeight() != frames.get(0).getHeight()) {
                throw new IllegalArgumentException("frames must all be " + frames.get(0).getWidth() + " × "
                        + frames.get(0).getHeight() + " pixels, frames[" + i + "] was " + f.getWidth() + " × "
                        + f.getHeight());
            }
        }
        return new Animation(frames, delayMillis);
    }

    /**
     * A training listener that draws {@code settings.frames()} frames at evenly spaced steps of the run it listens
     * to (the first and the last step included), each the chart {@code frame} makes of the GAN at that step. Get
     * the animation with {@link Recorder#animation()} after training.
     */
    public static Recorder recorder(Settings settings, Function<Gan, Chart<?, ?>> frame) {
        return new Recorder(Check.notNull("settings", settings), Check.notNull("frame", frame));
    }

    /**
     * Draws training frames; see {@link #recorder}. The charts are kept and drawn when the frames are asked for, all
     * with the same axis ranges ({@link #fixAxes}: what most frames' data span), so that the axes stay fixed over the
     * whole run while the data move; an axis range a chart sets itself is kept.
     */
    public static final class Recorder implements TrainingListener {
        private final Settings settings;
        private final Function<Gan, Chart<?, ?>> frame;
        private final List<Chart<?, ?>> charts = new ArrayList<>();
        private List<BufferedImage> drawn;
        private int first;
        private int last;

        private Recorder(Settings settings, Function<Gan, Chart<?, ?>> frame) {
            this.settings = settings;
            this.frame = frame;
        }

        @Override
        public void onStart(Gan gan, int firstStep, int lastStep) {
            first = firstStep;
            last = lastStep;
            charts.clear();
            drawn = null;
        }

        @Override
        public void onStep(Gan gan, StepStats stats) {
            int n = settings.frames();
            int k = charts.size();
            if (k >= n) {
                return;
            }
            // Frame k at step first + round(k·(last − first)/(n − 1)); with fewer steps than frames, every step.
            long due = first + Math.round((double) k * (last - first) / (n - 1));
            if (stats.step() >= due || stats.step() == last) {
                charts.add(Check.notNull("the frame's chart", frame.apply(gan)));
                drawn = null;
            }
        }

        /** The frames drawn so far, on common axes. */
        public List<BufferedImage> frames() {
            return List.copyOf(draw());
        }

        /** The animation of the frames drawn (at least one), on common axes. */
        public Animation animation() {
            if (charts.isEmpty()) {
                throw new IllegalStateException("no frames recorded: pass the recorder to gan.train(...) first");
            }
            return new Animation(draw(), settings.delayMillis());
        }

        private List<BufferedImage> draw() {
            if (drawn == null) {
                fixAxes(charts);
                List<BufferedImage> out = new ArrayList<>();
                for (Chart<?, ?> c : charts) {
                    out.add(render(c, settings.width(), settings.height()));
                }
                drawn = out;
            }
            return drawn;
        }
    }

    /**
     * Gives every XY chart among {@code charts} the same x range and, per y-axis group, the same y range: from the
     * 10th percentile of the frames' lowest values to the 90th percentile of their highest (over 10 frames or more;
     * the whole union below that), so that a few frames with far-flung samples do not shrink every other frame's data
     * to a sliver — their outliers are cut at the edge. A range a chart sets itself (e.g. a probability axis from 0
     * to 1) is left alone.
     */
    static void fixAxes(List<Chart<?, ?>> charts) {
        List<XYChart> xy = new ArrayList<>();
        List<double[]> xRanges = new ArrayList<>();
        java.util.Map<Integer, List<double[]>> yRanges = new java.util.TreeMap<>();
        for (Chart<?, ?> c : charts) {
            if (!(c instanceof XYChart x)) {
                continue;
            }
            xy.add(x);
            double[] xr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            java.util.Map<Integer, double[]> yr = new java.util.TreeMap<>();
            for (XYSeries s : x.getSeriesMap().values()) {
                if (!s.isEnabled() || !Double.isFinite(s.getXMin()) || !Double.isFinite(s.getYMin())) {
                    continue;
                }
                xr[0] = Math.min(xr[0], s.getXMin());
                xr[1] = Math.max(xr[1], s.getXMax());
                double[] r = yr.computeIfAbsent(s.getYAxisGroup(), g -> new double[] {Double.POSITIVE_INFINITY,
                    Double.NEGATIVE_INFINITY});
                r[0] = Math.min(r[0], s.getYMin());
                r[1] = Math.max(r[1], s.getYMax());
            }
            if (xr[1] >= xr[0]) {
                xRanges.add(xr);
            }
            yr.forEach((g, r) -> yRanges.computeIfAbsent(g, k -> new ArrayList<>()).add(r));
        }
        if (xy.size() < 2 || xRanges.isEmpty()) {
            return;
        }
        double[] x = spread(xRanges);
        for (XYChart c : xy) {
            var st = c.getStyler();
            if (x[1] > x[0] && st.getXAxisMin() == null && st.getXAxisMax() == null) {
                st.setXAxisMin(x[0]);
                st.setXAxisMax(x[1]);
            }
            for (var e : yRanges.entrySet()) {
                int g = e.getKey();
                double[] r = spread(e.getValue());
                if (!(r[1] > r[0])) {
                    continue;
                }
                if (st.getYAxisMin(g) == null && st.getYAxisMin((Integer) null) == null
                        && st.getYAxisMax(g) == null && st.getYAxisMax((Integer) null) == null) {
                    st.setYAxisMin(g, r[0]);
                    st.setYAxisMax(g, r[1]);
                }
            }
        }
    }

    /** The common range of per-frame ranges [min, max]: 10th percentile of the minima, 90th of the maxima. */
    private static double[] spread(List<double[]> ranges) {
        double[] lo = ranges.stream().mapToDouble(r -> r[0]).sorted().toArray();
        double[] hi = ranges.stream().mapToDouble(r -> r[1]).sorted().toArray();
        int n = lo.length;
        if (n < 10) {
            return new double[] {lo[0], hi[n - 1]};
        }
        int top = (int) Math.ceil(0.9 * n) - 1;   // the nearest-rank 90th percentile; the 10th mirrors it
        return new double[] {lo[n - 1 - top], hi[top]};
    }

    /** A chart drawn at a given size. */
    public static BufferedImage render(Chart<?, ?> chart, int width, int height) {
        Check.notNull("chart", chart);
        Check.atLeast("width", width, 1);
        Check.atLeast("height", height, 1);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        chart.paint(g, width, height);
        g.dispose();
        return img;
    }

    /**
     * Two animations side by side, frame by frame (the left one's delay); the shorter one holds its last frame.
     */
    public static Animation beside(Animation left, Animation right) {
        Check.notNull("left", left);
        Check.notNull("right", right);
        int n = Math.max(left.frames.size(), right.frames.size());
        List<BufferedImage> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BufferedImage a = left.frames.get(Math.min(i, left.frames.size() - 1));
            BufferedImage b = right.frames.get(Math.min(i, right.frames.size() - 1));
            BufferedImage f = new BufferedImage(a.getWidth() + b.getWidth(), Math.max(a.getHeight(), b.getHeight()),
                    BufferedImage.TYPE_INT_RGB);
            Graphics2D g = f.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, f.getWidth(), f.getHeight());
            g.drawImage(a, 0, 0, null);
            g.drawImage(b, a.getWidth(), 0, null);
            g.dispose();
            out.add(f);
        }
        return new Animation(out, left.delayMillis);
    }

    public int frameCount() {
        return frames.size();
    }

    public int delayMillis() {
        return delayMillis;
    }

    public int width() {
        return frames.get(0).getWidth();
    }

    public int height() {
        return frames.get(0).getHeight();
    }

    /** The frames, in order. */
    public List<BufferedImage> frames() {
        return frames;
    }

    /** The animated GIF (looping forever), encoded once. */
    public synchronized byte[] gif() {
        if (gif == null) {
            gif = encode(frames, delayMillis);
        }
        return gif.clone();
    }

    /** The GIF as base64 (for a notebook's image/gif output). */
    public String base64() {
        return Base64.getEncoder().encodeToString(gif());
    }

    /** An HTML {@code <img>} holding the GIF (exported pages and slides show it). */
    public String html() {
        return "<img alt=\"animation, " + frameCount() + " frames\" src=\"data:image/gif;base64," + base64() + "\"/>";
    }

    /**
     * Writes the GIF to {@code file} (".gif" is appended when missing; parent folders are created), through a
     * temporary file renamed when complete.
     */
    public Path save(Path file) {
        Check.fileTarget("file", file);
        Path target = file.getFileName().toString().endsWith(".gif") ? file
                : file.resolveSibling(file.getFileName() + ".gif");
        try {
            Path tmp = AtomicFiles.temporaryFor(target.toAbsolutePath(), ".gif");
            Files.write(tmp, gif());
            AtomicFiles.moveIntoPlace(tmp, target.toAbsolutePath());
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the animation to " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return String.format("animated GIF: %d frames × %d ms (%.1f s loop), %d × %d pixels", frameCount(), delayMillis,
                frameCount() * delayMillis / 1000.0, width(), height());
    }

    private static byte[] encode(List<BufferedImage> frames, int delayMillis) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IllegalStateException("this Java runtime has no GIF writer (javax.imageio)");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage f = frames.get(i);
                ImageWriteParam param = writer.getDefaultWriteParam();
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(f), param);
                String format = meta.getNativeMetadataFormatName();
                IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
                IIOMetadataNode gce = child(root, "GraphicControlExtension");
                gce.setAttribute("disposalMethod", "none");
                gce.setAttribute("userInputFlag", "FALSE");
                gce.setAttribute("transparentColorFlag", "FALSE");
                gce.setAttribute("delayTime", Integer.toString(Math.max(2, Math.round(delayMillis / 10f))));
                gce.setAttribute("transparentColorIndex", "0");
                if (i == 0) {
                    IIOMetadataNode apps = child(root, "ApplicationExtensions");
                    IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
                    app.setAttribute("applicationID", "NETSCAPE");
                    app.setAttribute("authenticationCode", "2.0");
                    app.setUserObject(new byte[] {1, 0, 0});   // loop forever
                    apps.appendChild(app);
                }
                meta.setFromTree(format, root);
                writer.writeToSequence(new IIOImage(f, null, meta), param);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode the GIF: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode n = new IIOMetadataNode(name);
        root.appendChild(n);
        return n;
    }
}
