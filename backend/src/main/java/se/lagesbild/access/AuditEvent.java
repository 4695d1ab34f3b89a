package se.lagesbild.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One entry of the audit trail: who did what to which thing, when. The username is copied, so the entry still
 * reads right after the user is gone.
 */
@Serdeable
@MappedEntity("audit_events")
public record AuditEvent(
        @Id @GeneratedValue @Nullable Long id,
        Instant at,
        @Nullable Long organisationId,
        @Nullable Long userId,
        @Nullable String username,
        String action,
        String entityType,
        @Nullable Long entityId,
        @Nullable String detail) {
}
