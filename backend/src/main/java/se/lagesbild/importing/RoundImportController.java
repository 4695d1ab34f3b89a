package se.lagesbild.importing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Controller;
import se.lagesbild.access.Caller;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.lagesbild.round.NewRound;

import java.io.IOException;
import se.lagesbild.apidocs.ClientProblems;
import se.lagesbild.apidocs.SignInRequired;

/** Loads a past round from a spreadsheet (format in docs/import.md). */
@Tag(name = "Imports")
@SignInRequired
@ClientProblems
@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class RoundImportController {

    private final RoundImportService imports;

    public RoundImportController(RoundImportService imports) {
        this.imports = imports;
    }

    /** A multipart form: the file (.xlsx or .csv), instrumentCode, label and optionally instrumentVersion. */
    @Post(value = "/organisations/{organisationId}/rounds/import", consumes = MediaType.MULTIPART_FORM_DATA)
    public HttpResponse<RoundImportService.ImportedRound> importRound(
            long organisationId,
            @Part("file") @Nullable @NotNull(message = "validation.import-file-needed") CompletedFileUpload file,
            @Part("instrumentCode") @Nullable @NotBlank(message = NewRound.INSTRUMENT_REQUIRED) String instrumentCode,
            @Part("label") @Nullable @NotBlank(message = NewRound.LABEL_REQUIRED)
            @Size(max = NewRound.LABEL_MAX_LENGTH, message = NewRound.LABEL_TOO_LONG) String label,
            @Part("instrumentVersion") @Nullable String instrumentVersion, Caller caller) throws IOException {
        RoundImportService.UploadedFile upload = new RoundImportService.UploadedFile(file.getFilename(),
                file.getContentType().map(MediaType::toString).orElse(null), file.getBytes());
        return HttpResponse.created(imports.importRound(caller, organisationId, instrumentCode, instrumentVersion, label, upload));
    }
}
