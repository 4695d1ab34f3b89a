package se.lagesbild.workshop;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;


import java.time.Instant;

/**
 * A live session run by a facilitator: participants join on their phones by the join code, answer an
 * instrument (the staircase by default) anonymously, and reflect in groups. The workshop keeps the
 * instrument version it was created with.
 *
 * @param facilitatorUserId the facilitator who created it and alone runs it (besides administrators)
 * @param revealed          whether the facilitator has shown the room the distribution
 */
@MappedEntity("workshops")
public record Workshop(
        @Id @GeneratedValue @Nullable Long id,
        String code,
        String title,
        @Nullable Long organisationId,
        String instrumentCode,
        int instrumentVersion,
        WorkshopStatus status,
        boolean revealed,
        @Nullable Long facilitatorUserId,
        @DateCreated @Nullable Instant createdAt,
        @Nullable Instant openedAt,
        @Nullable Instant closedAt) {

    Workshop opened(Instant at) {
        return new Workshop(id, code, title, organisationId, instrumentCode, instrumentVersion, WorkshopStatus.OPEN,
                revealed, facilitatorUserId, createdAt, openedAt == null ? at : openedAt, closedAt);
    }

    Workshop closed(Instant at) {
        return new Workshop(id, code, title, organisationId, instrumentCode, instrumentVersion, WorkshopStatus.CLOSED,
                revealed, facilitatorUserId, createdAt, openedAt, at);
    }

    Workshop withRevealed(boolean shown) {
        return new Workshop(id, code, title, organisationId, instrumentCode, instrumentVersion, status, shown,
                facilitatorUserId, createdAt, openedAt, closedAt);
    }
}
