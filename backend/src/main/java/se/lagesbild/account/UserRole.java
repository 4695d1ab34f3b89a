package se.lagesbild.account;

import se.lagesbild.access.Role;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A user's role in one organisation. */
@MappedEntity("user_roles")
public record UserRole(
        @Id @GeneratedValue @Nullable Long id,
        long userId,
        long organisationId,
        Role role) {
}
