package se.lagesbild.response;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The answer to one item; a null value is "Vet inte": answered, but missing in every score. */
@MappedEntity("answers")
public record Answer(
        @Id @GeneratedValue @Nullable Long id,
        long responseId,
        String itemCode,
        @Nullable Integer value,
        @Nullable String comment,
        Instant updatedAt) {
}
