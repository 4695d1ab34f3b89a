package se.lagesbild.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * CSV for Swedish Excel: UTF-8 with a byte order mark (without it Excel reads å, ä and ö as Latin-1),
 * semicolons between fields, decimal commas, CRLF line ends, and quotes only where a field needs them.
 * Text that Excel would take for a formula (a comment starting with "=", say) is written with a leading
 * apostrophe, so that opening an export never runs what a respondent typed.
 */
final class CsvTableWriter implements TableWriter {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final CSVFormat SWEDISH_EXCEL = CSVFormat.EXCEL.builder().setDelimiter(';').get();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Override
    public byte[] write(Table table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, SWEDISH_EXCEL)) {
            out.write(BYTE_ORDER_MARK);
            csv.printRecord(table.headers().stream().map(CsvTableWriter::safeText));
            for (List<Cell> row : table.rows()) {
                csv.printRecord(row.stream().map(CsvTableWriter::field));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String field(Cell cell) {
        if (cell instanceof Cell.Text text) {
            return safeText(text.value());
        }
        if (cell instanceof Cell.Whole whole) {
            return Long.toString(whole.value());
        }
        if (cell instanceof Cell.Decimal decimal) {
            return SwedishNumbers.decimal(decimal.value());
        }
        if (cell instanceof Cell.Time time) {
            return TIME.format(time.value());
        }
        return "";
    }

    private static String safeText(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
