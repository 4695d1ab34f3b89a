package se.lagesbild.workshop;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A workshop as the facilitator's pages read it; {@code joinPath} is the participants' page,
 * {@code currentPosition} the agenda activity the room is on (null while the room is joining).
 */
@Serdeable
public record WorkshopView(long id, String code, String title, @Nullable Long organisationId, String instrumentCode,
                           int instrumentVersion, String instrumentTitle, WorkshopStatus status, boolean revealed,
                           @Nullable Instant createdAt, @Nullable Instant openedAt, @Nullable Instant closedAt,
                           String joinPath, @Nullable Integer currentPosition) {

    static WorkshopView of(Workshop workshop, String instrumentTitle) {
        return new WorkshopView(workshop.id(), workshop.code(), workshop.title(), workshop.organisationId(),
                workshop.instrumentCode(), workshop.instrumentVersion(), instrumentTitle, workshop.status(),
                workshop.revealed(), workshop.createdAt(), workshop.openedAt(), workshop.closedAt(), joinPath(workshop.code()),
                workshop.currentPosition());
    }

    static String joinPath(String code) {
        return "/w/" + code;
    }
}
