package se.lagesbild.export;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * An Excel workbook of one sheet: a bold, frozen header row, figures as numbers (two decimals shown),
 * moments as dates, and text as text, so that nothing a respondent wrote is ever read as a formula.
 */
final class XlsxTableWriter implements TableWriter {

    private static final int MIN_WIDTH = 8;
    private static final int MAX_WIDTH = 60;

    @Override
    public byte[] write(Table table) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.title()));
            Row header = sheet.createRow(0);
            for (int column = 0; column < table.headers().size(); column++) {
                org.apache.poi.ss.usermodel.Cell cell = header.createCell(column);
                cell.setCellValue(table.headers().get(column));
                cell.setCellStyle(styles.header);
            }
            sheet.createFreezePane(0, 1);
            int[] widths = table.headers().stream().mapToInt(String::length).toArray();
            for (int index = 0; index < table.rows().size(); index++) {
                List<Cell> values = table.rows().get(index);
                Row row = sheet.createRow(index + 1);
                for (int column = 0; column < values.size(); column++) {
                    widths[column] = Math.max(widths[column], write(values.get(column), row.createCell(column), styles));
                }
            }
            for (int column = 0; column < widths.length; column++) {
                sheet.setColumnWidth(column, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[column] + 2)) * 256);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one value and answers about how many characters wide it shows. */
    private static int write(Cell value, org.apache.poi.ss.usermodel.Cell cell, Styles styles) {
        if (value instanceof Cell.Text text) {
            cell.setCellValue(text.value());
            if (text.value().indexOf('\n') >= 0) {
                cell.setCellStyle(styles.wrapped);
            }
            return text.value().lines().mapToInt(String::length).max().orElse(0);
        }
        if (value instanceof Cell.Whole whole) {
            cell.setCellValue(whole.value());
            return Long.toString(whole.value()).length();
        }
        if (value instanceof Cell.Decimal decimal) {
            cell.setCellValue(decimal.value());
            cell.setCellStyle(styles.decimal);
            return SwedishNumbers.decimal(decimal.value()).length();
        }
        if (value instanceof Cell.Time time) {
            cell.setCellValue(time.value());
            cell.setCellStyle(styles.time);
            return 19;
        }
        return 0;
    }

    /** The few cell styles of a workbook, created once: a workbook holds a limited number of styles. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle decimal;
        final CellStyle time;
        final CellStyle wrapped;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            decimal = workbook.createCellStyle();
            decimal.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            time = workbook.createCellStyle();
            time.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
        }
    }
}
