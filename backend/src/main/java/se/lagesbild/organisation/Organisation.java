package se.lagesbild.organisation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A municipality, region or county board whose work is assessed in rounds. */
@Serdeable
@MappedEntity("organisations")
public record Organisation(
        @Id @GeneratedValue @Nullable Long id,
        String name,
        @DateCreated @Nullable Instant createdAt) {
}
