package se.lagesbild.action;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Controller;
import se.lagesbild.access.Caller;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import se.lagesbild.apidocs.ClientProblems;
import se.lagesbild.apidocs.SignInRequired;

@Tag(name = "Improvement actions")
@SignInRequired
@ClientProblems
@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ImprovementActionController {

    private final ImprovementActionService actions;

    public ImprovementActionController(ImprovementActionService actions) {
        this.actions = actions;
    }

    /** The improvement actions recorded for a round. */
    @Get("/rounds/{roundId}/actions")
    public List<ImprovementAction> ofRound(long roundId, Caller caller) {
        return actions.ofRound(caller, roundId);
    }

    /** Records an improvement action for an item of a round. */
    @Post("/rounds/{roundId}/actions")
    public HttpResponse<ImprovementAction> record(long roundId, @Valid @Body NewAction request, Caller caller) {
        return HttpResponse.created(actions.record(caller, roundId, request.itemCode(), request.what(), request.who(),
                request.dueDate(), request.status()));
    }

    /** Changes an improvement action (what, who, due date, status). */
    @Put("/actions/{actionId}")
    public ImprovementAction update(long actionId, @Valid @Body ActionChange request, Caller caller) {
        return actions.update(caller, actionId, request.what(), request.who(), request.dueDate(), request.status());
    }

    /** Removes an improvement action. */
    @Delete("/actions/{actionId}")
    public HttpResponse<Void> delete(long actionId, Caller caller) {
        actions.delete(caller, actionId);
        return HttpResponse.noContent();
    }

    @Serdeable
    public record NewAction(
            @NotBlank(message = "validation.action-item-needed") String itemCode,
            @NotBlank(message = "validation.action-what") @Size(max = 2000, message = "validation.description-too-long") String what,
            @Nullable @Size(max = 200, message = "validation.who-too-long") String who,
            @Nullable LocalDate dueDate,
            @Nullable String status) {
    }

    @Serdeable
    public record ActionChange(
            @NotBlank(message = "validation.action-what") @Size(max = 2000, message = "validation.description-too-long") String what,
            @Nullable @Size(max = 200, message = "validation.who-too-long") String who,
            @Nullable LocalDate dueDate,
            @Nullable String status) {
    }
}
