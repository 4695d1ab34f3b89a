package se.lagesbild.response;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import se.lagesbild.access.Caller;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

@Tag(name = "Responses and answers")
@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ResponseController {

    /** Answers stored, tagged applied=false for retries and late answers that changed nothing. */
    public static final String ANSWERS_SAVED = "lagesbild.answers.saved";

    private final ResponseService responses;
    private final MeterRegistry metrics;

    public ResponseController(ResponseService responses, MeterRegistry metrics) {
        this.responses = responses;
        this.metrics = metrics;
    }

    @Get("/rounds/{roundId}/responses")
    public List<ResponseSummary> list(long roundId, Caller caller) {
        return responses.summaries(roundId, caller);
    }

    @Post("/rounds/{roundId}/responses")
    public HttpResponse<ResponseView> start(long roundId, @Valid @Body @Nullable NewResponse request, Caller caller) {
        Response response = responses.start(roundId, caller, request == null ? null : request.respondentRole());
        return HttpResponse.created(ResponseView.of(response, List.of()));
    }

    @Get("/responses/{responseId}")
    public ResponseView get(long responseId, Caller caller) {
        return ResponseView.of(responses.get(responseId, caller), responses.answers(responseId));
    }

    @Put("/responses/{responseId}/answers/{itemCode}")
    public AnswerView saveAnswer(long responseId, String itemCode, @Valid @Body AnswerRequest request, Caller caller,
                                 @Nullable @Header("Idempotency-Key") @Size(max = 64, message = "Idempotency-Key får vara högst 64 tecken.") String idempotencyKey) {
        ResponseService.SavedAnswer saved = responses.saveAnswer(caller, responseId, itemCode, request.value(), request.comment(),
                request.answeredAt(), idempotencyKey);
        metrics.counter(ANSWERS_SAVED, "applied", String.valueOf(saved.applied())).increment();
        return AnswerView.of(saved.answer(), saved.applied());
    }

    @Post("/responses/{responseId}/submit")
    public ResponseView submit(long responseId, Caller caller) {
        return ResponseView.of(responses.submit(responseId, caller), responses.answers(responseId));
    }

    @Serdeable
    public record NewResponse(@Nullable @Size(max = 30, message = "Rollen får vara högst 30 tecken.") String respondentRole) {
    }

    /**
     * One answer as given: a value on the scale, or null for "Vet inte", an optional comment, and when the
     * person chose it (the client's clock; optional, the server's time when absent).
     */
    @Serdeable
    public record AnswerRequest(
            @Nullable Integer value,
            @Nullable @Size(max = Answer.MAX_COMMENT_LENGTH, message = "Kommentaren får vara högst 4000 tecken.") String comment,
            @Nullable Instant answeredAt) {
    }

    @Serdeable
    public record AnswerView(String itemCode,
                             @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Integer value,
                             @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String comment,
                             Instant updatedAt,
                             @Nullable Instant answeredAt,
                             @Nullable Boolean applied) {
        static AnswerView of(Answer answer) {
            return new AnswerView(answer.itemCode(), answer.value(), answer.comment(), answer.updatedAt(), answer.answeredAt(), null);
        }

        static AnswerView of(Answer answer, boolean applied) {
            return new AnswerView(answer.itemCode(), answer.value(), answer.comment(), answer.updatedAt(), answer.answeredAt(), applied);
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
