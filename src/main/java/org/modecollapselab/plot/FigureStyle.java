package org.modecollapselab.plot;

import java.util.Locale;
import java.util.Map;
import org.modecollapselab.util.Check;

/**
 * Size and fonts of every chart, and the resolution of saved PNGs: what a lecturer changes for a projector.
 * {@link Charts} builds its charts with the current style ({@link Charts#figureStyle()}), which starts from the
 * environment ({@link #fromEnvironment}) and can be replaced in a notebook with {@link Charts#useStyle}.
 *
 * @param width     chart width in pixels (inline images; saved PNGs are {@code pngScale} times larger), in [200, 4000]
 * @param height    chart height in pixels, in [150, 4000]
 * @param fontScale every font's size relative to XChart's defaults, in [0.5, 4]
 * @param pngScale  resolution of saved PNGs relative to the chart's size (2 = twice as sharp for projectors), in [1, 4]
 */
public record FigureStyle(int width, int height, double fontScale, int pngScale) {
    public FigureStyle {
        if (width < 200 || width > 4000) {
            throw new IllegalArgumentException("width must be in [200, 4000] pixels, was " + width);
        }
        if (height < 150 || height > 4000) {
            throw new IllegalArgumentException("height must be in [150, 4000] pixels, was " + height);
        }
        if (!(fontScale >= 0.5 && fontScale <= 4)) {
            throw new IllegalArgumentException("fontScale must be in [0.5, 4], was " + fontScale);
        }
        if (pngScale < 1 || pngScale > 4) {
            throw new IllegalArgumentException("pngScale must be in [1, 4], was " + pngScale);
        }
    }

    /** 720 × 400 pixels, XChart's fonts, PNGs saved at 2×. */
    public static FigureStyle defaults() {
        return new FigureStyle(Charts.WIDTH, Charts.HEIGHT, 1.0, 2);
    }

    /**
     * The defaults changed by environment variables: {@code MCL_FIGURE_SIZE} ({@code WIDTHxHEIGHT}, e.g.
     * {@code 1280x720}), {@code MCL_FIGURE_FONT_SCALE} (e.g. {@code 1.5}) and {@code MCL_FIGURE_PNG_SCALE} (1–4).
     *
     * @throws IllegalArgumentException naming the variable when a value is malformed or out of range
     */
    public static FigureStyle fromEnvironment(Map<String, String> env) {
        Check.notNull("env", env);
        FigureStyle d = defaults();
        int w = d.width();
        int h = d.height();
        double font = d.fontScale();
        int png = d.pngScale();
        String size = env.get("MCL_FIGURE_SIZE");
        if (size != null && !size.isBlank()) {
            String[] p = size.trim().toLowerCase(Locale.ROOT).split("x");
            try {
                if (p.length != 2) {
                    throw new NumberFormatException();
                }
                w = Integer.parseInt(p[0].trim());
                h = Integer.parseInt(p[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("MCL_FIGURE_SIZE must be WIDTHxHEIGHT in pixels (e.g. 1280x720), was '"
                        + size + "'");
            }
        }
        String f = env.get("MCL_FIGURE_FONT_SCALE");
        if (f != null && !f.isBlank()) {
            try {
                font = Double.parseDouble(f.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("MCL_FIGURE_FONT_SCALE must be a number (e.g. 1.5), was '" + f + "'");
            }
        }
        String s = env.get("MCL_FIGURE_PNG_SCALE");
        if (s != null && !s.isBlank()) {
            try {
                png = Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("MCL_FIGURE_PNG_SCALE must be a whole number 1-4, was '" + s + "'");
            }
        }
        try {
            return new FigureStyle(w, h, font, png);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("figure settings from the environment (MCL_FIGURE_SIZE, "
                    + "MCL_FIGURE_FONT_SCALE, MCL_FIGURE_PNG_SCALE): " + e.getMessage(), e);
        }
    }

    public FigureStyle withSize(int w, int h) {
        if (w < 200 || w > 4000) {
            throw new IllegalArgumentException("w (the width) must be in [200, 4000] pixels, was " + w);
        }
        if (h < 150 || h > 4000) {
            throw new IllegalArgumentException("h (the height) must be in [150, 4000] pixels, was " + h);
        }
        return new FigureStyle(w, h, fontScale, pngScale);
    }

    public FigureStyle withFontScale(double v) {
        return new FigureStyle(width, height, v, pngScale);
    }

    public FigureStyle withPngScale(int v) {
        return new FigureStyle(width, height, fontScale, v);
    }
}
