package se.lagesbild.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A single-use link to choose a new password; only the hash of its token is kept. */
@MappedEntity("password_resets")
public record PasswordReset(
        @Id @GeneratedValue @Nullable Long id,
        String tokenHash,
        long userId,
        Instant expiresAt,
        @Nullable Instant usedAt) {

    boolean usable(Instant now) {
        return usedAt == null && expiresAt.isAfter(now);
    }

    PasswordReset used(Instant at) {
        return new PasswordReset(id, tokenHash, userId, expiresAt, at);
    }
}
