package se.lagesbild.instrument;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The database's copy of an instrument version, so rounds can keep the version they started with. */
@MappedEntity("instrument_versions")
public record StoredInstrumentVersion(
        @Id @GeneratedValue @Nullable Long id,
        String code,
        int version,
        String title,
        String kind,
        String definitionJson,
        String checksum,
        String source,
        Instant loadedAt) {
}
