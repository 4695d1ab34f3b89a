package se.lagesbild.response;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ResponseController {

    private final ResponseService responses;

    public ResponseController(ResponseService responses) {
        this.responses = responses;
    }

    @Get("/rounds/{roundId}/responses")
    public List<ResponseSummary> list(long roundId) {
        return responses.summaries(roundId);
    }

    @Post("/rounds/{roundId}/responses")
    public HttpResponse<ResponseView> start(long roundId, @Valid @Body @Nullable NewResponse request) {
        Response response = responses.start(roundId, request == null ? null : request.respondentRole());
        return HttpResponse.created(ResponseView.of(response, List.of()));
    }

    @Get("/responses/{responseId}")
    public ResponseView get(long responseId) {
        return ResponseView.of(responses.get(responseId), responses.answers(responseId));
    }

    @Put("/responses/{responseId}/answers/{itemCode}")
    public AnswerView saveAnswer(long responseId, String itemCode, @Valid @Body AnswerRequest request) {
        return AnswerView.of(responses.saveAnswer(responseId, itemCode, request.value(), request.comment()));
    }

    @Post("/responses/{responseId}/submit")
    public ResponseView submit(long responseId) {
        return ResponseView.of(responses.submit(responseId), responses.answers(responseId));
    }

    @Serdeable
    public record NewResponse(@Nullable @Size(max = 30, message = "Rollen får vara högst 30 tecken.") String respondentRole) {
    }

    /** One answer as given: a value on the scale, or null for "Vet inte", and an optional comment. */
    @Serdeable
    public record AnswerRequest(
            @Nullable Integer value,
            @Nullable @Size(max = 4000, message = "Kommentaren får vara högst 4000 tecken.") String comment) {
    }

    @Serdeable
    public record AnswerView(String itemCode,
                             @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Integer value,
                             @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String comment,
                             Instant updatedAt) {
        static AnswerView of(Answer answer) {
            return new AnswerView(answer.itemCode(), answer.value(), answer.comment(), answer.updatedAt());
        }
    }

    @Serdeable
    public record ResponseView(long id, long roundId, @Nullable String respondentRole, ResponseStatus status,
                               @Nullable Instant createdAt, @Nullable Instant submittedAt, List<AnswerView> answers) {
        static ResponseView of(Response response, List<Answer> answers) {
            return new ResponseView(response.id(), response.roundId(), response.respondentRole(), response.status(),
                    response.createdAt(), response.submittedAt(), answers.stream().map(AnswerView::of).toList());
        }
    }
}
