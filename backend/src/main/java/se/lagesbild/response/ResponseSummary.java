package se.lagesbild.response;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A response in a round's list: its state and how many items it has answered. */
@Serdeable
@Introspected
public record ResponseSummary(
        long id,
        long roundId,
        @Nullable String respondentRole,
        ResponseStatus status,
        long answered,
        Instant createdAt,
        @Nullable Instant submittedAt) {
}
