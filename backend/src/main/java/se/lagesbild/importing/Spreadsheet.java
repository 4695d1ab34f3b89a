package se.lagesbild.importing;

import io.micronaut.core.annotation.Nullable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import se.lagesbild.system.Text;

/**
 * The first sheet of an .xlsx file, or a .csv file, as rows of cell texts: what a person sees in the
 * spreadsheet, numbered as the spreadsheet numbers its rows. Knows file formats, nothing about instruments.
 *
 * <p>An Excel file is recognised by its content (so a misnamed one still reads); anything else is read as
 * CSV: UTF-8 with or without a byte order mark (a file that is not valid UTF-8 is read as Windows-1252, as
 * older Excel versions save it), separated by semicolons (as Swedish Excel writes it) or commas, whichever
 * the first row uses.
 */
public record Spreadsheet(List<Row> rows) {

    private static final Set<String> WORKBOOK_EXTENSIONS = Set.of("xlsx", "xlsm", "xls");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    public Spreadsheet {
        rows = List.copyOf(rows);
    }

    /** One row that has at least one filled cell; {@code number} counts from 1 as the spreadsheet shows it. */
    public record Row(int number, List<String> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        /** The cell's text without surrounding space; empty where the row has no such cell. */
        public String cell(int column) {
            return column < cells.size() ? cells.get(column).strip() : "";
        }

        boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    /**
     * Reads the file's filled rows.
     *
     * @param maxRows how many filled rows may follow the first (the header); more is refused
     * @throws SpreadsheetException when the file is no spreadsheet or has too many rows
     */
    public static Spreadsheet read(String fileName, @Nullable String contentType, byte[] content, int maxRows) {
        FileMagic magic = FileMagic.valueOf(content);
        if (magic == FileMagic.OOXML || magic == FileMagic.OLE2) {
            return readWorkbook(fileName, content, maxRows);
        }
        if (namedAsWorkbook(fileName, contentType)) {
            throw SpreadsheetException.ofFile(Text.of("import.not-a-workbook", fileName));
        }
        if (indexOf(content, (byte) 0) >= 0) {
            throw SpreadsheetException.ofFile(Text.of("import.neither-workbook-nor-csv", fileName));
        }
        return readCsv(decode(content), maxRows);
    }

    /** The column's name as a spreadsheet shows it: A, B, …, Z, AA, AB, … */
    public static String columnName(int column) {
        StringBuilder name = new StringBuilder();
        for (int rest = column + 1; rest > 0; rest = (rest - 1) / 26) {
            name.insert(0, (char) ('A' + (rest - 1) % 26));
        }
        return name.toString();
    }

    private static boolean namedAsWorkbook(String fileName, @Nullable String contentType) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return WORKBOOK_EXTENSIONS.contains(extension)
                || extension.isEmpty() && contentType != null && contentType.contains("spreadsheetml");
    }

    private static Spreadsheet readWorkbook(String fileName, byte[] content, int maxRows) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            if (workbook.getNumberOfSheets() == 0) {
                return new Spreadsheet(List.of());
            }
            Sheet sheet = workbook.getSheetAt(0);
            Rows rows = new Rows(maxRows);
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int column = 0; column < Math.max(0, row.getLastCellNum()); column++) {
                    cells.add(text(row.getCell(column)));
                }
                rows.add(new Row(row.getRowNum() + 1, cells));
            }
            return new Spreadsheet(rows.filled);
        } catch (SpreadsheetException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw SpreadsheetException.ofFile(Text.of("import.password-protected", fileName));
        } catch (IOException | RuntimeException e) {
            throw SpreadsheetException.ofFile(Text.of("import.unreadable-workbook", fileName));
        }
    }

    /** A cell's text as the spreadsheet shows it unformatted: a whole number without decimals, 2.5 as "2.5". */
    private static String text(@Nullable Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue()).toUpperCase(Locale.ROOT);
            case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
            default -> "";
        };
    }

    private static Spreadsheet readCsv(String text, int maxRows) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(text)).setIgnoreEmptyLines(false).get();
        Rows rows = new Rows(maxRows);
        try (CSVParser parser = format.parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                rows.add(new Row(Math.toIntExact(record.getRecordNumber()), record.toList()));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw SpreadsheetException.ofFile(Text.of("import.unreadable-csv", rows.lastNumber + 1));
        }
        return new Spreadsheet(rows.filled);
    }

    /** Semicolon or comma, whichever the first filled line has more of outside quotes (semicolon on a tie). */
    private static char delimiter(String text) {
        String firstLine = text.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (char c : firstLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        return commas > semicolons ? ',' : ';';
    }

    private static String decode(byte[] content) {
        boolean bom = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF;
        byte[] body = bom ? Arrays.copyOfRange(content, 3, content.length) : content;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return new String(body, WINDOWS_1252);
        }
    }

    private static int indexOf(byte[] content, byte wanted) {
        for (int i = 0; i < content.length; i++) {
            if (content[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** Collects the filled rows and stops reading once more than the header and {@code maxRows} are filled. */
    private static final class Rows {
        private final int maxRows;
        private final List<Row> filled = new ArrayList<>();
        private int lastNumber;

        Rows(int maxRows) {
            this.maxRows = maxRows;
        }

        void add(Row row) {
            lastNumber = row.number();
            if (row.isBlank()) {
                return;
            }
            if (filled.size() > maxRows) {
                throw SpreadsheetException.ofFile(Text.of("import.too-many-rows", maxRows));
            }
            filled.add(row);
        }
    }
}
