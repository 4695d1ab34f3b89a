package se.lagesbild.export;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart of the parts' means, one or two rounds, as a PNG for the report: per part one bar per round (the
 * earlier light and striped, the later dark), on an axis over the instrument's own scale (1–4, not from 0). Each
 * bar carries its figure and each part its name, so the chart reads in grey print; the report gives the same
 * figures as a table beside it, and the chart's alt text says so. Labels are drawn in the report's embedded
 * DejaVu Sans, so the chart needs no font installed on the machine.
 */
final class PartsChart {

    static final Color FROM_COLOUR = new Color(0x9D, 0xB9, 0xD3);
    static final Color TO_COLOUR = new Color(0x1F, 0x4E, 0x79);
    private static final Color GRID = new Color(0xD0, 0xD0, 0xD0);
    private static final Font FONT = loadFont();
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 620;
    private static final int LEFT = 70;
    private static final int TOP = 70;
    private static final int BOTTOM = 130;

    /** One part: its name and its figure per round, null where there is none, {@code "Dolt"} text where withheld. */
    record Group(String label, List<Double> values, List<String> texts) {
    }

    private PartsChart() {
    }

    /** The chart as PNG bytes; {@code series} names the rounds, in the order of each group's values. */
    static byte[] png(int scaleMin, int scaleMax, List<String> series, List<Group> groups) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(FONT.deriveFont(22f));
            int plotHeight = HEIGHT - TOP - BOTTOM;
            int plotWidth = WIDTH - LEFT - 10;
            axis(g, scaleMin, scaleMax, plotWidth, plotHeight);
            legend(g, series);
            int groupWidth = plotWidth / Math.max(1, groups.size());
            int barWidth = Math.min(90, (int) (groupWidth * 0.7 / Math.max(1, series.size())));
            for (int index = 0; index < groups.size(); index++) {
                Group group = groups.get(index);
                int centre = LEFT + groupWidth * index + groupWidth / 2;
                int start = centre - barWidth * series.size() / 2;
                for (int s = 0; s < series.size(); s++) {
                    bar(g, start + s * barWidth + 2, barWidth - 4, group.values().get(s), group.texts().get(s),
                            s == series.size() - 1 ? TO_COLOUR : FROM_COLOUR, series.size() > 1 && s == 0, scaleMin, scaleMax,
                            plotHeight);
                }
                label(g, group.label(), centre, groupWidth - 10);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static int y(double value, int scaleMin, int scaleMax, int plotHeight) {
        double share = (Math.max(scaleMin, Math.min(scaleMax, value)) - scaleMin) / (double) (scaleMax - scaleMin);
        return TOP + plotHeight - (int) Math.round(share * plotHeight);
    }

    private static void axis(Graphics2D g, int scaleMin, int scaleMax, int plotWidth, int plotHeight) {
        FontMetrics metrics = g.getFontMetrics();
        g.setStroke(new BasicStroke(2));
        for (int value = scaleMin; value <= scaleMax; value++) {
            int y = y(value, scaleMin, scaleMax, plotHeight);
            g.setColor(value == scaleMin ? Color.BLACK : GRID);
            g.drawLine(LEFT, y, LEFT + plotWidth, y);
            g.setColor(Color.BLACK);
            String text = Integer.toString(value);
            g.drawString(text, LEFT - 12 - metrics.stringWidth(text), y + metrics.getAscent() / 2 - 2);
        }
        g.drawLine(LEFT, TOP, LEFT, TOP + plotHeight);
        g.drawString("Medelvärde (skala " + scaleMin + "–" + scaleMax + ")", 0, TOP - 40);
    }

    private static void legend(Graphics2D g, List<String> series) {
        if (series.size() < 2) {
            return;
        }
        FontMetrics metrics = g.getFontMetrics();
        int x = LEFT + 420;
        for (int s = 0; s < series.size(); s++) {
            swatch(g, x, TOP - 62, 24, 24, s == series.size() - 1 ? TO_COLOUR : FROM_COLOUR, s == 0);
            g.setColor(Color.BLACK);
            g.drawString(series.get(s), x + 32, TOP - 42);
            x += 32 + metrics.stringWidth(series.get(s)) + 40;
        }
    }

    private static void bar(Graphics2D g, int x, int width, Double value, String text, Color colour, boolean striped,
                            int scaleMin, int scaleMax, int plotHeight) {
        int base = TOP + plotHeight;
        int top = base;
        if (value != null) {
            top = y(value, scaleMin, scaleMax, plotHeight);
            swatch(g, x, top, width, base - top, colour, striped);
        }
        FontMetrics metrics = g.getFontMetrics();
        g.setColor(Color.BLACK);
        g.drawString(text, x + (width - metrics.stringWidth(text)) / 2, top - 8);
    }

    /** A filled rectangle; striped for the earlier round, so the rounds differ without colour. */
    private static void swatch(Graphics2D g, int x, int y, int width, int height, Color colour, boolean striped) {
        g.setColor(colour);
        g.fillRect(x, y, width, height);
        if (striped && height > 0) {
            Graphics2D clipped = (Graphics2D) g.create(x, y, width, height);
            clipped.setColor(TO_COLOUR);
            clipped.setStroke(new BasicStroke(2));
            for (int offset = -height; offset < width; offset += 12) {
                clipped.drawLine(offset, height, offset + height, 0);
            }
            clipped.dispose();
        }
    }

    /** A part's name under its bars, wrapped over up to three lines. */
    private static void label(Graphics2D g, String text, int centre, int width) {
        FontMetrics metrics = g.getFontMetrics();
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : text.split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && metrics.stringWidth(candidate) > width) {
                lines.add(line);
                line = word;
            } else {
                line = candidate;
            }
        }
        lines.add(line);
        g.setColor(Color.BLACK);
        int y = HEIGHT - BOTTOM + 34;
        for (String each : lines.subList(0, Math.min(3, lines.size()))) {
            g.drawString(each, centre - metrics.stringWidth(each) / 2, y);
            y += metrics.getHeight();
        }
    }

    private static Font loadFont() {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(PdfDocument.font("DejaVuSans.ttf")));
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("DejaVu Sans could not be read for the report's charts", e);
        }
    }
}
