package se.lagesbild.access;

import io.micronaut.security.authentication.Authentication;

import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The signed-in user of a request, as the authorisation checks see it: who, whether an administrator, and the
 * role in each organisation. Controllers take it as a parameter ({@link CallerArgumentBinder}); as a
 * {@link Principal} it is bound from the request, never read from its body or query, so the OpenAPI document
 * leaves it out.
 */
public record Caller(long userId, String username, boolean admin, Map<Long, Role> roles) implements Principal {

    public static final String USER_ID = "userId";
    public static final String ORGANISATION_ROLES = "organisationRoles";

    /** The username, as a {@link Principal} names itself. */
    @Override
    public String getName() {
        return username;
    }

    public Optional<Role> roleIn(long organisationId) {
        return Optional.ofNullable(roles.get(organisationId));
    }

    /** The attributes the caller travels in inside Micronaut Security's {@link Authentication}. */
    public Map<String, Object> attributes() {
        Map<String, String> byOrganisation = new HashMap<>();
        roles.forEach((organisation, role) -> byOrganisation.put(String.valueOf(organisation), role.name()));
        return Map.of(USER_ID, userId, ORGANISATION_ROLES, byOrganisation);
    }

    public static Caller of(Authentication authentication) {
        Map<String, Object> attributes = authentication.getAttributes();
        Map<Long, Role> roles = new HashMap<>();
        if (attributes.get(ORGANISATION_ROLES) instanceof Map<?, ?> byOrganisation) {
            byOrganisation.forEach((organisation, role) -> roles.put(Long.valueOf(organisation.toString()), Role.valueOf(role.toString())));
        }
        return new Caller(((Number) attributes.get(USER_ID)).longValue(), authentication.getName(),
                authentication.getRoles().contains(Roles.ADMIN), Map.copyOf(roles));
    }
}
