package org.modecollapselab.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.modecollapselab.util.AtomicFiles;
import org.modecollapselab.util.Check;

/** Charts as images and files: inline images, the lecture command's figure export, PNG and SVG. */
final class ChartFiles {
    private ChartFiles() {
    }

    /** See {@link Charts#image}. */
    static BufferedImage image(Chart<?, ?> chart) {
        BufferedImage img = render(chart);
        export(chart);
        return img;
    }

    /** See {@link Charts#render}. */
    static BufferedImage render(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(Check.notNull("chart", chart));
    }

    static int exportedCount;

    /** See {@link Charts#export}. */
    static List<Path> export(Chart<?, ?> chart) {
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
        String t = title == null ? "" : Normalizer.normalize(title, Normalizer.Form.NFKD)
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (t.length() > 48) {
            t = t.substring(0, 48).replaceAll("-+$", "");
        }
        return t.isEmpty() ? "figure" : t;
    }

    /** See {@link Charts#save}. */
    static List<Path> save(Chart<?, ?> chart, Path base) {
        Check.notNull("chart", chart);
        Check.fileTarget("base", base);
        try {
            Path dir = base.toAbsolutePath().getParent();
            String name = base.getFileName().toString();
            Path png = dir.resolve(name + ".png");
            Path svg = dir.resolve(name + ".svg");
            Path tmpPng = AtomicFiles.temporaryFor(png, ".png");
            BitmapEncoder.saveBitmapWithDPI(chart, tmpPng.toString(), BitmapEncoder.BitmapFormat.PNG,
                    72 * ChartKit.figureStyle().pngScale());
            AtomicFiles.moveIntoPlace(tmpPng, png);
            Path tmpSvg = AtomicFiles.temporaryFor(svg, ".svg");
            VectorGraphicsEncoder.saveVectorGraphic(chart, tmpSvg.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            AtomicFiles.moveIntoPlace(tmpSvg, svg);
            return List.of(png, svg);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save chart to " + base + ".png/.svg", e);
        }
    }
}
