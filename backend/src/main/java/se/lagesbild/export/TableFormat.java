package se.lagesbild.export;

import se.lagesbild.system.ProblemException;
import se.lagesbild.system.Text;

import java.util.Arrays;

/** The file formats a table can be downloaded in, named by their file extension. */
public enum TableFormat {
    CSV("csv", Download.CSV, new CsvTableWriter()),
    XLSX("xlsx", Download.XLSX, new XlsxTableWriter());

    private final String extension;
    private final String contentType;
    private final TableWriter writer;

    TableFormat(String extension, String contentType, TableWriter writer) {
        this.extension = extension;
        this.contentType = contentType;
        this.writer = writer;
    }

    public static TableFormat of(String extension) {
        return Arrays.stream(values()).filter(format -> format.extension.equals(extension)).findFirst()
                .orElseThrow(() -> ProblemException.notFound(Text.of("export.unknown-format", extension,
                        Text.joined("list.or", Arrays.stream(values()).map(format -> format.extension).toList()))));
    }

    public Download download(Export export) {
        return new Download(export.name(), extension, contentType, writer.write(export.table()));
    }
}
