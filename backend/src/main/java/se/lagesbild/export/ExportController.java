package se.lagesbild.export;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * Downloads: a round's raw answers and scores, and two rounds compared, as CSV or XLSX (the extension
 * chooses), and the comparison as a printable PDF report.
 */
@Tag(name = "Exports")
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ExportController {

    private final ExportService exports;

    public ExportController(ExportService exports) {
        this.exports = exports;
    }

    @Get("/rounds/{roundId}/export/answers.{format}")
    @Produces({Download.CSV, Download.XLSX})
    public HttpResponse<byte[]> answers(long roundId, String format) {
        return TableFormat.of(format).download(exports.answers(roundId)).response();
    }

    @Get("/rounds/{roundId}/export/scores.{format}")
    @Produces({Download.CSV, Download.XLSX})
    public HttpResponse<byte[]> scores(long roundId, String format) {
        return TableFormat.of(format).download(exports.scores(roundId)).response();
    }

    @Get("/comparisons/export.{format}")
    @Produces({Download.CSV, Download.XLSX})
    public HttpResponse<byte[]> comparison(String format, @QueryValue long from, @QueryValue long to) {
        return TableFormat.of(format).download(exports.comparison(from, to)).response();
    }

    @Get("/comparisons/report.pdf")
    @Produces(Download.PDF)
    public HttpResponse<byte[]> report(@QueryValue long from, @QueryValue long to) {
        return exports.report(from, to).response();
    }
}
