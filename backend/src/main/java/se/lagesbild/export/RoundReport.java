package se.lagesbild.export;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import se.lagesbild.action.ImprovementAction;
import se.lagesbild.comparison.ComparisonService;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.round.Round;
import se.lagesbild.scoring.RoundComparison;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The printable A4 report of two rounds compared, in Swedish: who and what, both rounds with their
 * respondents and totals, the parts as a chart and as figures, the items that moved most up and down, and
 * the improvement actions decided after the earlier round with how far they have come.
 */
final class RoundReport {

    private static final int MOVERS = 5;
    private static final float MARGIN = 50;
    private static final float CHART_HEIGHT = 220;
    private static final Color MUTED = new Color(0x55, 0x55, 0x55);
    private static final Color HEADER_FILL = new Color(0xE8, 0xEE, 0xF4);

    private final String organisation;
    private final InstrumentDefinition instrument;
    private final ComparisonService.RoundsCompared compared;
    private final int anonymityThreshold;
    private final BaseFont regular;
    private final BaseFont bold;
    private final WithheldSides withheld;

    private RoundReport(String organisation, InstrumentDefinition instrument, ComparisonService.RoundsCompared compared,
                        int anonymityThreshold) {
        this.organisation = organisation;
        this.instrument = instrument;
        this.compared = compared;
        this.anonymityThreshold = anonymityThreshold;
        this.withheld = WithheldSides.of(compared);
        try {
            // Standard PDF fonts in WinAnsi encoding: å, ä and ö without embedding a font file.
            this.regular = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
            this.bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report of two compared rounds; {@code instrument} is the version of the later round. */
    static byte[] write(String organisation, InstrumentDefinition instrument, ComparisonService.RoundsCompared compared,
                        int anonymityThreshold) {
        return new RoundReport(organisation, instrument, compared, anonymityThreshold).write();
    }

    private byte[] write() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN);
        PdfWriter writer = PdfWriter.getInstance(document, bytes);
        // A chart that does not fit moves to the next page with its heading, never behind later text.
        writer.setStrictImageSequence(true);
        document.addTitle(organisation + " – " + instrument.title() + " " + from().label() + " och " + to().label());
        document.addCreator("Lägesbild");
        document.setDocumentLanguage("sv-SE");
        document.open();
        heading(document);
        totals(document);
        parts(document, writer);
        movers(document, "Störst ökning", "Inget påstående har ökat.", 1);
        movers(document, "Störst minskning", "Inget påstående har minskat.", -1);
        actions(document);
        document.add(paragraph("Skapad " + LocalDate.now(Cell.SWEDEN) + " med Lägesbild.", font(regular, 8, MUTED), 18));
        document.close();
        return bytes.toByteArray();
    }

    private void heading(Document document) {
        document.add(paragraph("Lägesbild – rapport", font(regular, 9, MUTED), 0));
        document.add(paragraph(organisation, font(bold, 20, Color.BLACK), 4));
        document.add(paragraph(instrument.title(), font(regular, 14, Color.BLACK), 2));
        document.add(paragraph("Jämförelse av omgång " + from().label() + " och omgång " + to().label(), font(regular, 11, Color.BLACK), 2));
        if (from().instrumentVersion() != to().instrumentVersion()) {
            document.add(paragraph("Omgångarna gäller version " + from().instrumentVersion() + " och " + to().instrumentVersion()
                    + " av instrumentet; påståendena jämförs med sin kod.", font(regular, 9, MUTED), 2));
        }
    }

    private void totals(Document document) {
        RoundComparison.Change total = compared.comparison().total();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Svarande", Integer.toString(compared.fromScores().respondents()),
                Integer.toString(compared.toScores().respondents()), ""));
        rows.add(List.of("Medelvärde totalt", figure(total.from(), withheld.from()), figure(total.to(), withheld.to()), change(total.delta())));
        RoundComparison.Change sum = compared.comparison().totalSum();
        if (sum.delta() != null) {
            rows.add(List.of("Summa totalt", figure(sum.from(), false), figure(sum.to(), false), change(sum.delta())));
        }
        rows.add(List.of("Status", SwedishWords.status(from().status()), SwedishWords.status(to().status()), ""));
        section(document, "Totalt");
        document.add(table(new float[]{4, 2, 2, 2}, 1, List.of("", from().label(), to().label(), "Förändring"), rows));
        if (withheld.from() || withheld.to()) {
            document.add(paragraph("Dolt: en omgång med färre än " + anonymityThreshold + " svarande visar inga siffror, "
                    + "så att ingen enskild kan pekas ut.", font(regular, 9, MUTED), 4));
        }
    }

    private void parts(Document document, PdfWriter writer) {
        section(document, "Områden");
        List<RoundComparison.PartChange> parts = compared.comparison().parts();
        float width = PageSize.A4.getWidth() - 2 * MARGIN;
        PdfTemplate chart = writer.getDirectContent().createTemplate(width, CHART_HEIGHT);
        PartsChart.draw(chart, regular, width, CHART_HEIGHT, scaleMax(), from().label(), to().label(), parts.stream()
                .map(part -> new PartsChart.Group(part.title(), part.from(), withheld.from(part), part.to(), withheld.to(part)))
                .toList());
        Image image = Image.getInstance(chart);
        image.setAlt("Stapeldiagram över områdenas medelvärden " + from().label() + " och " + to().label()
                + "; siffrorna står i tabellen nedanför.");
        document.add(image);
        document.add(table(new float[]{6, 2, 2, 2}, 1, List.of("Område", from().label(), to().label(), "Förändring"),
                parts.stream().map(part -> List.of(part.title(), figure(part.from(), withheld.from(part)),
                        figure(part.to(), withheld.to(part)), change(part.delta()))).toList()));
    }

    /** The items that moved most in one direction ({@code sign} 1 up, -1 down), largest change first. */
    private void movers(Document document, String title, String none, int sign) {
        section(document, title);
        List<List<String>> rows = compared.comparison().items().stream()
                .filter(item -> item.delta() != null && Math.signum(item.delta()) == sign)
                .sorted(Comparator.comparingDouble((RoundComparison.ItemChange item) -> -sign * item.delta())
                        .thenComparing(RoundComparison.ItemChange::code))
                .limit(MOVERS)
                .map(item -> List.of(item.code(), item.text(), figure(item.from(), false), figure(item.to(), false), change(item.delta())))
                .toList();
        if (rows.isEmpty()) {
            document.add(paragraph(none, font(regular, 10, Color.BLACK), 2));
            return;
        }
        document.add(table(new float[]{1.3f, 7, 1.5f, 1.5f, 1.9f}, 2,
                List.of("Kod", "Påstående", from().label(), to().label(), "Förändring"), rows));
    }

    private void actions(Document document) {
        section(document, "Förbättringsåtgärder");
        List<ImprovementAction> actions = compared.comparison().items().stream()
                .flatMap(item -> compared.actionsByItem().getOrDefault(item.code(), List.of()).stream())
                .toList();
        if (actions.isEmpty()) {
            document.add(paragraph("Inga åtgärder är registrerade efter omgång " + from().label() + ".", font(regular, 10, Color.BLACK), 2));
            return;
        }
        document.add(paragraph("Åtgärder som beslutades efter omgång " + from().label() + " och hur långt de har kommit.",
                font(regular, 10, Color.BLACK), 2));
        document.add(table(new float[]{1.3f, 6, 2.5f, 2, 1.8f}, Integer.MAX_VALUE,
                List.of("Kod", "Åtgärd", "Ansvarig", "Senast", "Status"),
                actions.stream().map(action -> List.of(action.itemCode(), action.what(), nullToEmpty(action.who()),
                        action.dueDate() == null ? "" : action.dueDate().toString(), SwedishWords.status(action.status()))).toList()));
    }

    private void section(Document document, String title) {
        document.add(paragraph(title, font(bold, 13, Color.BLACK), 16));
    }

    /** A table with a header row repeated on each page; columns from {@code firstFigure} on are right-aligned. */
    private PdfPTable table(float[] widths, int firstFigure, List<String> header, List<List<String>> rows) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        table.setHeaderRows(1);
        addRow(table, header, firstFigure, bold, HEADER_FILL);
        rows.forEach(row -> addRow(table, row, firstFigure, regular, null));
        return table;
    }

    private static void addRow(PdfPTable table, List<String> row, int firstFigure, BaseFont font, Color fill) {
        for (int column = 0; column < row.size(); column++) {
            PdfPCell cell = new PdfPCell(new Phrase(row.get(column), font(font, 9, Color.BLACK)));
            cell.setPadding(4);
            cell.setBorderColor(Color.LIGHT_GRAY);
            cell.setHorizontalAlignment(column >= firstFigure ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
            cell.setBackgroundColor(fill);
            table.addCell(cell);
        }
    }

    private static Paragraph paragraph(String text, Font font, float spacingBefore) {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setSpacingBefore(spacingBefore);
        return paragraph;
    }

    private static Font font(BaseFont base, float size, Color colour) {
        return new Font(base, size, Font.NORMAL, colour);
    }

    /** A mean as printed: "2,40", "Dolt" when withheld, "–" when there is none. */
    private static String figure(Double value, boolean withheld) {
        return withheld ? "Dolt" : value == null ? "–" : SwedishNumbers.decimal(value);
    }

    private static String change(Double delta) {
        return delta == null ? "–" : SwedishNumbers.signed(delta);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private int scaleMax() {
        return instrument.scale().stream().mapToInt(InstrumentDefinition.ScaleStep::value).max().orElse(1);
    }

    private Round from() {
        return compared.from();
    }

    private Round to() {
        return compared.to();
    }
}
