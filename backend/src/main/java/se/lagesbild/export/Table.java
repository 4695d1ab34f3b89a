package se.lagesbild.export;

import java.util.List;

/**
 * What an export holds, built once and written as CSV or XLSX by a {@link TableWriter}: a title (the
 * spreadsheet's sheet name), a header row and the data rows, each as long as the header.
 */
public record Table(String title, List<String> headers, List<List<Cell>> rows) {

    public Table {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
        for (List<Cell> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("A row of " + row.size() + " cells in a table of " + headers.size() + " columns");
            }
        }
    }
}
