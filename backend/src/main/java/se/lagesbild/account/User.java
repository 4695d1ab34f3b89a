package se.lagesbild.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A person who signs in: an administrator, or someone with roles in organisations ({@link UserRole}). */
@MappedEntity("users")
public record User(
        @Id @GeneratedValue @Nullable Long id,
        String username,
        String passwordHash,
        boolean admin,
        @DateCreated @Nullable Instant createdAt,
        boolean disabled) {

    User withPasswordHash(String hash) {
        return new User(id, username, hash, admin, createdAt, disabled);
    }

    User withDisabled(boolean disabled) {
        return new User(id, username, passwordHash, admin, createdAt, disabled);
    }
}
