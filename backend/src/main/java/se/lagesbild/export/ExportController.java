package se.lagesbild.export;

import io.micronaut.http.HttpResponse;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Controller;
import se.lagesbild.access.Caller;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import se.lagesbild.apidocs.ClientProblems;
import se.lagesbild.apidocs.ConflictProblem;
import se.lagesbild.apidocs.SignInRequired;

/**
 * Downloads: a round's raw answers and scores, and two rounds compared, as CSV or XLSX (the extension
 * chooses), and a round or two rounds compared as a printable, accessible PDF report.
 */
@Tag(name = "Exports")
@SignInRequired
@ClientProblems
@ConflictProblem
@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ExportController {

    private final ExportService exports;

    public ExportController(ExportService exports) {
        this.exports = exports;
    }

    /** A round's submitted answers, a row per response (CSV or XLSX); only when enough have answered. */
    @Get("/rounds/{roundId}/export/answers.{format}")
    @Produces({Download.CSV, Download.XLSX})
    public HttpResponse<byte[]> answers(long roundId, String format, Caller caller) {
        return TableFormat.of(format).download(exports.answers(caller, roundId)).response();
    }

    /** A round's results per part and item (CSV or XLSX). */
    @Get("/rounds/{roundId}/export/scores.{format}")
    @Produces({Download.CSV, Download.XLSX})
    public HttpResponse<byte[]> exportScores(long roundId, String format, Caller caller) {
        return TableFormat.of(format).download(exports.scores(caller, roundId)).response();
    }

    /** A comparison of two rounds as a table (CSV or XLSX). */
    @Get("/comparisons/export.{format}")
    @Produces({Download.CSV, Download.XLSX})
    public HttpResponse<byte[]> comparison(String format, @QueryValue long from, @QueryValue long to, Caller caller) {
        return TableFormat.of(format).download(exports.comparison(caller, from, to)).response();
    }

    /** The report of one round as a tagged, accessible PDF (PDF/UA-1), in Swedish. */
    @Get("/rounds/{roundId}/report.pdf")
    @Produces(Download.PDF)
    public HttpResponse<byte[]> roundReport(long roundId, Caller caller) {
        return exports.roundReport(caller, roundId).response();
    }

    /** Two rounds compared as a tagged, accessible PDF (PDF/UA-1), in Swedish. */
    @Get("/comparisons/report.pdf")
    @Produces(Download.PDF)
    public HttpResponse<byte[]> report(@QueryValue long from, @QueryValue long to, Caller caller) {
        return exports.report(caller, from, to).response();
    }
}
