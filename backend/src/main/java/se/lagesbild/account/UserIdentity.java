package se.lagesbild.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A user's account at an identity provider: the ID token's issuer and subject, which name one person for good. */
@MappedEntity("user_identities")
record UserIdentity(
        @Id @GeneratedValue @Nullable Long id,
        long userId,
        String issuer,
        String subject,
        String provider,
        Instant createdAt,
        Instant lastSignInAt) {
}
