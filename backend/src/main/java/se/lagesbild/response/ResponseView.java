package se.lagesbild.response;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** A response with its answers, as the API shows it to the person it belongs to. */
@Serdeable
public record ResponseView(long id, long roundId, @Nullable String respondentRole, ResponseStatus status,
                           @Nullable Instant createdAt, @Nullable Instant submittedAt, List<AnswerView> answers) {
    public static ResponseView of(Response response, List<Answer> answers) {
        return new ResponseView(response.id(), response.roundId(), response.respondentRole(), response.status(),
                response.createdAt(), response.submittedAt(), answers.stream().map(AnswerView::of).toList());
    }
}
