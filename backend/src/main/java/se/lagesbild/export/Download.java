package se.lagesbild.export;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;

/** A written file, answered as an attachment under its own name. */
public record Download(String name, String extension, String contentType, byte[] body) {

    public static final String CSV = "text/csv; charset=UTF-8";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PDF = "application/pdf";

    public HttpResponse<byte[]> response() {
        return HttpResponse.ok(body).contentType(contentType)
                .header(HttpHeaders.CONTENT_DISPOSITION, FileName.contentDisposition(name + "." + extension));
    }
}
