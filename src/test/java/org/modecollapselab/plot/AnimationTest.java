package org.modecollapselab.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.gan.Gan;

class AnimationTest {
    @TempDir
    Path dir;

    /** Frames, their delays (hundredths of a second) and size, read back with ImageIO's GIF reader. */
    record Read(int frames, List<Integer> delays, int width, int height, boolean loops) {
    }

    static Read read(byte[] gif) throws Exception {
        ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            r.setInput(in);
            int n = r.getNumImages(true);
            List<Integer> delays = new java.util.ArrayList<>();
            boolean loops = false;
            for (int i = 0; i < n; i++) {
                IIOMetadataNode root = (IIOMetadataNode) r.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode gce = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                delays.add(Integer.parseInt(gce.getAttribute("delayTime")));
                loops |= root.getElementsByTagName("ApplicationExtension").getLength() > 0;
            }
            BufferedImage first = r.read(0);
            return new Read(n, delays, first.getWidth(), first.getHeight(), loops);
        }
    }

    @Test
    void recorderDrawsEveryFrameOnTheSameAxes() {
        // The hopping run of notebook 01: G's samples wander, and each frame's own range would move the x axis.
        var data = TemperatureData.aliceSpringsAndSouthPole();
        Gan gan = Gan.create(data, GanConfig.temperatureHopping().withSeed(1));
        double[] real = data.sample(2000, 9L);
        List<org.knowm.xchart.XYChart> charts = new java.util.ArrayList<>();
        var recorder = Animation.recorder(Animation.Settings.defaults().withFrames(8), g -> {
            var c = Charts.snapshot(real, g, 60, "temperature (°C)");
            charts.add(c);
            return c;
        });
        gan.train(200, recorder);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double densityMax = 0;
        for (var c : charts) {
            for (var s : c.getSeriesMap().values()) {
                lo = Math.min(lo, s.getXMin());
                hi = Math.max(hi, s.getXMax());
                if (s.getYAxisGroup() == 0) {
                    densityMax = Math.max(densityMax, s.getYMax());
                }
            }
        }
        Animation a = recorder.animation();
        assertEquals(8, a.frameCount());
        for (var c : charts) {
            assertEquals(lo, c.getStyler().getXAxisMin(), 1e-12, "every frame's x axis starts at the run's lowest value");
            assertEquals(hi, c.getStyler().getXAxisMax(), 1e-12, "and ends at its highest");
            assertEquals(densityMax, c.getStyler().getYAxisMax(0), 1e-12, "the density axis is the run's too");
            assertEquals(1.0, c.getStyler().getYAxisMax(1), "D(x)'s own axis, 0 to 1, is kept");
        }
        assertEquals(8, recorder.frames().size());
    }

    @Test
    void aFewFarFlungFramesDoNotShrinkTheOthers() throws Exception {
        // 20 frames of data in [0, 1] × [0, 2]; two of them (10%) throw a sample out to x = 100 and y = 50.
        List<org.knowm.xchart.internal.chartpart.Chart<?, ?>> frames = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            boolean far = i == 3 || i == 11;
            var c = new org.knowm.xchart.XYChartBuilder().width(320).height(200).build();
            c.addSeries("data", new double[] {0, 0.5, far ? 100 : 1}, new double[] {0, 2, far ? 50 : 1});
            frames.add(c);
        }
        Animation.fixAxes(frames);
        for (var f : frames) {
            var st = ((org.knowm.xchart.XYChart) f).getStyler();
            assertEquals(0.0, st.getXAxisMin(), "x from the frames' lowest value");
            assertEquals(1.0, st.getXAxisMax(), "to what 90% of the frames reach, not the outliers' 100");
            assertEquals(2.0, st.getYAxisMax(0), "y likewise: 2, not 50");
        }
        // The far frame is drawn on those axes: its outlier is cut at the plot's edge, not drawn over the legend.
        BufferedImage img = Animation.render(frames.get(3), 320, 200);
        assertEquals(320, img.getWidth());
    }

    @Test
    void recorderDrawsEvenlySpacedFramesOfATenSecondLoopUnderTwoMegabytes() throws Exception {
        var data = TemperatureData.aliceSpringsAndSouthPole();
        Gan gan = Gan.create(data, GanConfig.temperatureCollapse().withSeed(1));
        double[] real = data.sample(2000, 9L);
        List<Integer> steps = new java.util.ArrayList<>();
        var recorder = Animation.recorder(Animation.Settings.defaults(), g -> {
            steps.add(g.stepsDone());
            var c = Charts.snapshot(real, g, 60, "temperature (°C)");
            assertEquals(3, c.getSeriesMap().size(), "real, generated and D(x)");
            return c;
        });
        gan.train(400, recorder);
        assertEquals(40, steps.size());
        assertEquals(1, steps.get(0));
        assertEquals(400, steps.get(39));
        Animation a = recorder.animation();
        byte[] gif = a.gif();
        Read r = read(gif);
        assertEquals(new Read(40, java.util.Collections.nCopies(40, 25), 640, 360, true), r);
        assertTrue(gif.length < 2_000_000, "a 10-second loop stays under 2 MB, was " + gif.length);
        a.save(Path.of("target", "test-figures", "temperature-hop.gif"));
        System.out.println("temperature hop GIF: " + a + ", " + gif.length + " bytes");
        Path f = a.save(dir.resolve("hop"));
        assertEquals(dir.resolve("hop.gif"), f);
        assertArrayEquals(gif, Files.readAllBytes(f));
        assertTrue(a.html().startsWith("<img alt=\"animation, 40 frames\" src=\"data:image/gif;base64,R0lGOD"));

        Animation both = Animation.beside(a, Animation.of(a.frames().subList(0, 10), 250));
        assertEquals(40, both.frameCount());
        assertEquals(1280, both.width());
    }

    @Test
    void badSettingsAreRefusedByName() {
        var d = Animation.Settings.defaults();
        assertEquals("frames must be >= 2, was 0",
                assertThrows(IllegalArgumentException.class, () -> d.withFrames(0)).getMessage());
        assertEquals("delayMillis must be >= 20, was -5",
                assertThrows(IllegalArgumentException.class, () -> d.withDelayMillis(-5)).getMessage());
        assertEquals("w (the width) must be in [100, 4000] pixels, was 0",
                assertThrows(IllegalArgumentException.class, () -> d.withSize(0, 300)).getMessage());
        assertEquals("frames must not be empty",
                assertThrows(IllegalArgumentException.class, () -> Animation.of(List.of(), 100)).getMessage());
        assertThrows(IllegalStateException.class, () -> Animation.recorder(d, g -> null).animation());
    }

    @Test
    void figureStyleComesFromTheEnvironmentAndIsCheckedByName() {
        assertEquals(new FigureStyle(1280, 720, 1.5, 3), FigureStyle.fromEnvironment(Map.of("MCL_FIGURE_SIZE",
                "1280x720", "MCL_FIGURE_FONT_SCALE", "1.5", "MCL_FIGURE_PNG_SCALE", "3")));
        assertEquals(FigureStyle.defaults(), FigureStyle.fromEnvironment(Map.of()));
        assertEquals("MCL_FIGURE_SIZE must be WIDTHxHEIGHT in pixels (e.g. 1280x720), was 'big'",
                assertThrows(IllegalArgumentException.class,
                        () -> FigureStyle.fromEnvironment(Map.of("MCL_FIGURE_SIZE", "big"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> FigureStyle.fromEnvironment(Map.of("MCL_FIGURE_FONT_SCALE", "9"))).getMessage()
                .endsWith("fontScale must be in [0.5, 4], was 9.0"));
        assertEquals("share-of-samples-per-mode-d-x", Charts.slug("Share of samples per mode, D(x)"));
        assertEquals("figure", Charts.slug("  —— "));
    }

    @Test
    void savedPngsAreTwiceTheChartsSize() throws Exception {
        var c = Charts.histogram(new double[] {1, 2, 3}, new double[] {2, 3}, 5, "t", "x");
        var files = Charts.save(c, dir.resolve("h"));
        BufferedImage png = ImageIO.read(files.get(0).toFile());
        assertEquals(2 * c.getWidth(), png.getWidth());
        assertEquals(2 * c.getHeight(), png.getHeight());
    }
}
