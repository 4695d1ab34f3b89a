package se.lagesbild.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A signed-in session, opened with a password or through an identity provider ({@code provider}, for its logout).
 * Only the hash of its token is kept; the token itself lives in the cookie or the client. */
@MappedEntity("sessions")
public record Session(
        @Id @GeneratedValue @Nullable Long id,
        String tokenHash,
        long userId,
        Instant createdAt,
        Instant expiresAt,
        @Nullable String provider) {
}
