package se.lagesbild.response;

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
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import se.lagesbild.apidocs.ClientProblems;
import se.lagesbild.apidocs.ConflictProblem;
import se.lagesbild.apidocs.SignInRequired;
import java.util.concurrent.CompletableFuture;

@Tag(name = "Responses and answers")
@SignInRequired
@ClientProblems
@ConflictProblem
@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class ResponseController {

    /** Answers stored, tagged applied=false for retries and late answers that changed nothing. */
    public static final String ANSWERS_SAVED = "lagesbild.answers.saved";

    private final ResponseService responses;
    private final AnswerWriter writer;
    private final MeterRegistry metrics;

    public ResponseController(ResponseService responses, AnswerWriter writer, MeterRegistry metrics) {
        this.responses = responses;
        this.writer = writer;
        this.metrics = metrics;
    }

    /** The responses of a round, without who gave them where the round is anonymous. */
    @Get("/rounds/{roundId}/responses")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public List<ResponseSummary> listResponses(long roundId, Caller caller) {
        return responses.summaries(roundId, caller);
    }

    /** Starts the caller's response to a round, or returns the one already started. */
    @Post("/rounds/{roundId}/responses")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<ResponseView> startResponse(long roundId, @Valid @Body @Nullable NewResponse request, Caller caller) {
        ResponseService.Started started = responses.start(roundId, caller, request == null ? null : request.respondentRole());
        // A response created just now has no answers yet; one the person already had may have some.
        ResponseView view = ResponseView.of(started.response(), started.created() ? List.of() : responses.answers(started.response().id()));
        return started.created() ? HttpResponse.created(view) : HttpResponse.ok(view);
    }

    /** A response with its answers so far. */
    @Get("/responses/{responseId}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public ResponseView getResponse(long responseId, Caller caller) {
        return ResponseView.of(responses.get(responseId, caller), responses.answers(responseId));
    }

    /**
     * Saves one answer (idempotent with Idempotency-Key; an older answeredAt does not overwrite a newer one).
     * Not on the blocking pool: the save joins the next batch of the {@link AnswerWriter} and the request is
     * answered when that batch has committed, with no thread waiting for it meanwhile.
     */
    @Put("/responses/{responseId}/answers/{itemCode}")
    public CompletableFuture<AnswerView> saveAnswer(long responseId, String itemCode, @Valid @Body AnswerRequest request, Caller caller,
                                                    @Nullable @Header("Idempotency-Key") @Size(max = 64, message = "validation.idempotency-key-too-long") String idempotencyKey) {
        return writer.save(ResponseService.AnswerSave.of(caller, responseId, itemCode, request.value(), request.comment(),
                request.answeredAt(), idempotencyKey)).thenApply(saved -> {
                    metrics.counter(ANSWERS_SAVED, "applied", String.valueOf(saved.applied())).increment();
                    return AnswerView.of(saved.answer(), saved.applied());
                });
    }

    /** Submits a response: it can no longer be changed. */
    @Post("/responses/{responseId}/submit")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public ResponseView submitResponse(long responseId, Caller caller) {
        return ResponseView.of(responses.submit(responseId, caller), responses.answers(responseId));
    }
}
