package se.lagesbild.export;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;

import java.awt.Color;
import java.util.List;

/**
 * A grouped bar chart of the parts' means in two rounds, drawn with PDF graphics: per part a light bar for
 * the earlier round and a dark one for the later, on an axis from 0 to the top of the scale. Each bar
 * carries its figure and each part its name, so the chart reads in grey print and is never the only place
 * a figure is given (the report also lists them).
 */
final class PartsChart {

    static final Color FROM_COLOUR = new Color(0x9D, 0xB9, 0xD3);
    static final Color TO_COLOUR = new Color(0x1F, 0x4E, 0x79);
    private static final Color GRID = new Color(0xD0, 0xD0, 0xD0);
    private static final float LEFT = 28;
    private static final float BOTTOM = 40;
    private static final float TOP = 28;
    private static final float FONT_SIZE = 8;

    /** One part: its name and its mean in each round; null where there is none, {@code withheld} where hidden. */
    record Group(String label, Double from, boolean fromWithheld, Double to, boolean toWithheld) {
    }

    private PartsChart() {
    }

    /** Draws the chart with its lower left corner at (0, 0) of the canvas, {@code width} × {@code height} points. */
    static void draw(PdfContentByte canvas, BaseFont font, float width, float height, int scaleMax,
                     String fromLabel, String toLabel, List<Group> groups) {
        float plotWidth = width - LEFT;
        float plotHeight = height - BOTTOM - TOP;
        axis(canvas, font, width, plotHeight, scaleMax);
        legend(canvas, font, height, fromLabel, toLabel);
        float groupWidth = plotWidth / Math.max(1, groups.size());
        float barWidth = Math.min(36, groupWidth * 0.32f);
        for (int index = 0; index < groups.size(); index++) {
            Group group = groups.get(index);
            float centre = LEFT + groupWidth * index + groupWidth / 2;
            bar(canvas, font, centre - barWidth - 1, barWidth, group.from(), group.fromWithheld(), FROM_COLOUR, plotHeight, scaleMax);
            bar(canvas, font, centre + 1, barWidth, group.to(), group.toWithheld(), TO_COLOUR, plotHeight, scaleMax);
            ColumnText label = new ColumnText(canvas);
            label.setSimpleColumn(new Phrase(group.label(), new Font(font, FONT_SIZE)), centre - groupWidth / 2 + 2, 0,
                    centre + groupWidth / 2 - 2, BOTTOM - 4, FONT_SIZE + 1, Element.ALIGN_CENTER);
            label.go();
        }
    }

    /** Gridlines and figures for each step of the scale, and the axis's title. */
    private static void axis(PdfContentByte canvas, BaseFont font, float width, float plotHeight, int scaleMax) {
        int step = Math.max(1, (int) Math.ceil(scaleMax / 5.0));
        canvas.setLineWidth(0.5f);
        for (int value = 0; value <= scaleMax; value += step) {
            float y = BOTTOM + plotHeight * value / scaleMax;
            canvas.setColorStroke(value == 0 ? Color.BLACK : GRID);
            canvas.moveTo(LEFT, y);
            canvas.lineTo(width, y);
            canvas.stroke();
            text(canvas, font, Element.ALIGN_RIGHT, Integer.toString(value), LEFT - 4, y - 3);
        }
        canvas.setColorStroke(Color.BLACK);
        canvas.moveTo(LEFT, BOTTOM);
        canvas.lineTo(LEFT, BOTTOM + plotHeight);
        canvas.stroke();
        text(canvas, font, Element.ALIGN_LEFT, "Medelvärde (0–" + scaleMax + ")", 0, BOTTOM + plotHeight + 8);
    }

    private static void legend(PdfContentByte canvas, BaseFont font, float height, String fromLabel, String toLabel) {
        float x = LEFT + 120;
        for (int index = 0; index < 2; index++) {
            canvas.setColorFill(index == 0 ? FROM_COLOUR : TO_COLOUR);
            canvas.rectangle(x, height - 10, 9, 9);
            canvas.fill();
            String label = index == 0 ? fromLabel : toLabel;
            text(canvas, font, Element.ALIGN_LEFT, label, x + 13, height - 9);
            x += 13 + font.getWidthPoint(label, FONT_SIZE) + 18;
        }
    }

    private static void bar(PdfContentByte canvas, BaseFont font, float x, float barWidth, Double value, boolean withheld,
                            Color colour, float plotHeight, int scaleMax) {
        float top = BOTTOM;
        if (value != null) {
            top = BOTTOM + plotHeight * (float) Math.min(value, scaleMax) / scaleMax;
            canvas.setColorFill(colour);
            canvas.rectangle(x, BOTTOM, barWidth, top - BOTTOM);
            canvas.fill();
        }
        String figure = withheld ? "Dolt" : value == null ? "–" : SwedishNumbers.decimal(value);
        text(canvas, font, Element.ALIGN_CENTER, figure, x + barWidth / 2, top + 3);
    }

    private static void text(PdfContentByte canvas, BaseFont font, int alignment, String text, float x, float y) {
        canvas.setColorFill(Color.BLACK);
        canvas.beginText();
        canvas.setFontAndSize(font, FONT_SIZE);
        canvas.showTextAligned(alignment, text, x, y, 0);
        canvas.endText();
    }
}
