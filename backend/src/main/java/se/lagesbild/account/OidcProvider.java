package se.lagesbild.account;

import se.lagesbild.access.Role;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/**
 * An identity provider people sign in through (OpenID Connect), as configured: its id in our addresses, the name on
 * the login page's button, the issuer (whose discovery document says the rest), this app's client id and secret
 * there, and optionally the claim that lists a person's groups with the roles each group gives.
 */
record OidcProvider(String id, String name, String issuer, String clientId, String clientSecret, String scopes,
                    @Nullable String groupsClaim, Map<String, List<GroupRole>> groupRoles) {

    /** A role that membership in a group gives: ADMIN (no organisation) or a role in an organisation. */
    record GroupRole(boolean admin, @Nullable Long organisationId, @Nullable Role role) {
    }
}
