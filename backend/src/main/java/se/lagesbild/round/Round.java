package se.lagesbild.round;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One occasion on which an organisation answers an instrument, such as its 2025 checklist. A round keeps
 * the instrument version it started with, so later versions never change what was asked.
 */
@Serdeable
@MappedEntity("rounds")
public record Round(
        @Id @GeneratedValue @Nullable Long id,
        long organisationId,
        String instrumentCode,
        int instrumentVersion,
        String label,
        RoundStatus status,
        @DateCreated @Nullable Instant createdAt,
        @Nullable Instant closedAt) {

    public boolean acceptsAnswers() {
        return status == RoundStatus.OPEN;
    }

    Round closed(Instant at) {
        return new Round(id, organisationId, instrumentCode, instrumentVersion, label, RoundStatus.CLOSED, createdAt, at);
    }
}
