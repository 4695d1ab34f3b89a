package se.lagesbild.action;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What an organisation decided to do about a weak item of a round: what, who, by when, and how far it has
 * come. The next round's comparison shows it beside the item's change.
 */
@Serdeable
@MappedEntity("improvement_actions")
public record ImprovementAction(
        @Id @GeneratedValue @Nullable Long id,
        long roundId,
        String itemCode,
        String what,
        @Nullable String who,
        @Nullable LocalDate dueDate,
        ActionStatus status,
        @DateCreated @Nullable Instant createdAt,
        @DateUpdated @Nullable Instant updatedAt) {
}
