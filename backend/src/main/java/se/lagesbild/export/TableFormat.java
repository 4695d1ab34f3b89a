package se.lagesbild.export;

import io.micronaut.http.HttpStatus;
import se.lagesbild.system.ProblemException;

import java.util.Arrays;
import java.util.stream.Collectors;

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
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "Formatet " + extension
                        + " finns inte för den här exporten. Välj " + Arrays.stream(values())
                        .map(format -> format.extension).collect(Collectors.joining(" eller ")) + "."));
    }

    public Download download(Export export) {
        return new Download(export.name(), extension, contentType, writer.write(export.table()));
    }
}
