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
 * @param revealed          whether the room is shown the current activity's result (moving on hides it again)
 * @param currentPosition   the agenda activity the room is on (0-based); null while the room is joining
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
        @Nullable Instant closedAt,
        @Nullable Integer currentPosition) {

    /** Open for answers; a draft starts on its first activity. */
    Workshop opened(Instant at) {
        return new Workshop(id, code, title, organisationId, instrumentCode, instrumentVersion, WorkshopStatus.OPEN,
                revealed, facilitatorUserId, createdAt, openedAt == null ? at : openedAt, null,
                currentPosition == null && status == WorkshopStatus.DRAFT ? Integer.valueOf(0) : currentPosition);
    }

    Workshop closed(Instant at) {
        return new Workshop(id, code, title, organisationId, instrumentCode, instrumentVersion, WorkshopStatus.CLOSED,
                revealed, facilitatorUserId, createdAt, openedAt, at, currentPosition);
    }

    Workshop withRevealed(boolean shown) {
        return new Workshop(id, code, title, organisationId, instrumentCode, instrumentVersion, status, shown,
                facilitatorUserId, createdAt, openedAt, closedAt, currentPosition);
    }

    /** On another activity (null: the join screen), its result not yet shown. */
    Workshop at(@Nullable Integer position) {
        return new Workshop(id, code, title, organisationId, instrumentCode, instrumentVersion, status, false,
                facilitatorUserId, createdAt, openedAt, closedAt, position);
    }
}
