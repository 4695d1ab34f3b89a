package se.lagesbild.invitation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A single-use link to a round for one e-mail address; only the hash of the link's token is kept. */
@MappedEntity("invitations")
public record Invitation(
        @Id @GeneratedValue @Nullable Long id,
        String tokenHash,
        long roundId,
        String email,
        long invitedBy,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant acceptedAt) {

    boolean usable(Instant now) {
        return acceptedAt == null && expiresAt.isAfter(now);
    }

    Invitation accepted(Instant at) {
        return new Invitation(id, tokenHash, roundId, email, invitedBy, createdAt, expiresAt, at);
    }
}
