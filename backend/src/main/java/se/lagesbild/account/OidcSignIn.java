package se.lagesbild.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A sign-in under way at a provider: kept from sending the person there until they come back, then deleted, so
 * that each state is used once. Only the state's hash is kept; the state itself travels in the address and in a
 * cookie of the person's browser.
 */
@MappedEntity("oidc_sign_ins")
record OidcSignIn(
        @Id String stateHash,
        String provider,
        String nonce,
        String codeVerifier,
        @Nullable String returnTo,
        Instant createdAt) {
}
