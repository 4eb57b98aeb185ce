package org.modecollapselab.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.PieSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.PieStyler;
import org.modecollapselab.util.Check;

/**
 * Panels of images side by side (real digits beside generated ones), each with a caption, under a title. An XChart
 * chart, so that {@link Charts#image} shows it inline and {@link Charts#save} writes it as PNG and SVG (the SVG holds
 * the pixels as an embedded bitmap). Pixels are drawn as sharp squares, not smoothed. Made by
 * {@link DigitCharts#grid} and {@link DigitCharts#realAndGenerated}.
 */
public final class ImageGrid extends Chart<PieStyler, PieSeries> {
    private static final int TITLE_HEIGHT = 34;
    private static final int CAPTION_HEIGHT = 24;
    private static final int MARGIN = 12;
    private final List<BufferedImage> panels;
    private final List<String> captions;

    ImageGrid(int width, int height, String title, List<BufferedImage> panels, List<String> captions) {
        super(width, height, new PieStyler());
        Check.notEmpty("panels", panels);
        if (captions.size() != panels.size()) {
            throw new IllegalArgumentException("captions must caption each of the " + panels.size() + " panels, was "
                    + captions.size());
        }
        this.panels = List.copyOf(panels);
        this.captions = List.copyOf(captions);
        setTitle(Check.notNull("title", title));
    }

    /** The size that shows panels of {@code pixelsWide}×{@code pixelsHigh} at {@code scale} screen pixels each. */
    static int[] sizeFor(int panels, int pixelsWide, int pixelsHigh, int scale) {
        int w = panels * pixelsWide * scale + (panels + 1) * MARGIN;
        int h = TITLE_HEIGHT + CAPTION_HEIGHT + pixelsHigh * scale + 2 * MARGIN;
        return new int[] {Math.max(w, 240), h};
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        Check.notNull("g", g);
        Check.atLeast("width", width, 1);
        Check.atLeast("height", height, 1);
        setWidth(width);
        setHeight(height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        FontMetrics fm = g.getFontMetrics();
        g.drawString(getTitle(), Math.max(MARGIN, (width - fm.stringWidth(getTitle())) / 2), TITLE_HEIGHT - 10);
        int n = panels.size();
        int availableW = width - (n + 1) * MARGIN;
        int availableH = height - TITLE_HEIGHT - CAPTION_HEIGHT - 2 * MARGIN;
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        int x = MARGIN;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        fm = g.getFontMetrics();
        for (int i = 0; i < n; i++) {
            BufferedImage p = panels.get(i);
            double scale = Math.min(availableW / (double) n / p.getWidth(), availableH / (double) p.getHeight());
            int w = (int) Math.floor(p.getWidth() * scale);
            int h = (int) Math.floor(p.getHeight() * scale);
            int slot = availableW / n;
            int px = x + (slot - w) / 2;
            g.setColor(Color.DARK_GRAY);
            String c = captions.get(i);
            g.drawString(c, x + (slot - fm.stringWidth(c)) / 2, TITLE_HEIGHT + CAPTION_HEIGHT - 8);
            g.drawImage(p, px, TITLE_HEIGHT + CAPTION_HEIGHT, w, h, null);
            x += slot + MARGIN;
        }
    }
}
