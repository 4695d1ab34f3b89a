package se.lagesbild.response;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;


import java.time.Instant;

/**
 * One respondent's set of answers in a round. It belongs either to a user ({@code userId}: a checklist filled in
 * by one manager) or to whoever holds the token whose hash is {@code respondentKey} (instruments answered by
 * many, where nothing may tie a person to their answers), or to nobody (an imported round).
 */
@MappedEntity("responses")
public record Response(
        @Id @GeneratedValue @Nullable Long id,
        long roundId,
        @Nullable String respondentRole,
        ResponseStatus status,
        @DateCreated @Nullable Instant createdAt,
        @Nullable Instant submittedAt,
        @Nullable Long userId,
        @Nullable String respondentKey) {

    Response submitted(Instant at) {
        return new Response(id, roundId, respondentRole, ResponseStatus.SUBMITTED, createdAt, at, userId, respondentKey);
    }
}
