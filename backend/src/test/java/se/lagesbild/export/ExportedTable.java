package se.lagesbild.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A downloaded CSV or XLSX file read back as a person's spreadsheet would: one map per row from header to
 * value, with numbers as {@link Double}, text as {@link String}, and empty cells as null. Both formats read
 * into the same shape, so one assertion checks both.
 */
record ExportedTable(String name, List<String> headers, List<Map<String, Object>> rows) {

    private static final Pattern SWEDISH_NUMBER = Pattern.compile("-?\\d+(,\\d+)?");
    static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Reads a CSV as Swedish Excel does: semicolons, decimal commas; the text after the byte order mark. */
    static ExportedTable csv(byte[] bytes) {
        String text = new String(bytes, BYTE_ORDER_MARK.length, bytes.length - BYTE_ORDER_MARK.length, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.EXCEL.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                Map<String, Object> row = new LinkedHashMap<>();
                parser.getHeaderNames().forEach(header -> row.put(header, csvValue(record.get(header))));
                rows.add(row);
            }
            return new ExportedTable("csv", parser.getHeaderNames(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ExportedTable xlsx(byte[] bytes) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int index = 1; index <= sheet.getLastRowNum(); index++) {
                Row source = sheet.getRow(index);
                Map<String, Object> row = new LinkedHashMap<>();
                for (int column = 0; column < headers.size(); column++) {
                    row.put(headers.get(column), xlsxValue(source.getCell(column)));
                }
                rows.add(row);
            }
            return new ExportedTable("xlsx " + sheet.getSheetName(), headers, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The row of one level ("Totalt", "Område", "Påstående") and code (null for the total). */
    Map<String, Object> row(String level, String code) {
        return rows.stream().filter(row -> level.equals(row.get("Nivå")) && Objects.equals(code, row.get("Kod")))
                .findFirst().orElseThrow(() -> new AssertionError(name + " has no row " + level + " " + code));
    }

    /** A figure as the API gives it (a JSON number, or null) is the same number in the file. */
    void assertFigure(Object expected, Map<String, Object> row, String column) {
        Object actual = row.get(column);
        String where = name + " " + row.get("Kod") + " " + column;
        if (expected == null) {
            assertEquals(null, actual, where);
        } else {
            assertEquals(((Number) expected).doubleValue(), (Double) actual, 1e-9, where);
        }
    }

    private static Object csvValue(String field) {
        if (field.isEmpty()) {
            return null;
        }
        return SWEDISH_NUMBER.matcher(field).matches() ? Double.valueOf(field.replace(',', '.')) : field;
    }

    private static Object xlsxValue(Cell cell) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue() : (Object) cell.getNumericCellValue();
        }
        return cell.getStringCellValue();
    }
}
