package se.lagesbild.account;

import se.lagesbild.access.Role;

import io.micronaut.context.env.Environment;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The identity providers configured for signing in, read once at start from {@code lagesbild.oidc.*}: the list of
 * ids in {@code LAGESBILD_OIDC_PROVIDERS} (e.g. {@code entra,keycloak}) and per id its {@code ISSUER},
 * {@code CLIENT_ID}, {@code CLIENT_SECRET}, {@code NAME}, and optionally {@code SCOPES}, {@code GROUPS_CLAIM},
 * {@code GROUP_ROLES} ({@code LAGESBILD_OIDC_ENTRA_CLIENT_ID} and so on). A provider with a missing setting stops
 * the start with a message naming the variable, rather than a login button that fails later.
 */
@Singleton
public class OidcProviders {

    private final Map<String, OidcProvider> byId = new LinkedHashMap<>();

    public OidcProviders(Environment environment) {
        List<String> ids = environment.getProperty("lagesbild.oidc.providers", Argument.listOf(String.class)).orElse(List.of());
        for (String raw : ids) {
            String id = raw.strip().toLowerCase(Locale.ROOT);
            if (id.isEmpty()) {
                continue;
            }
            if (!id.matches("[a-z0-9]{1,40}")) {
                throw new IllegalStateException("LAGESBILD_OIDC_PROVIDERS: the provider id '" + raw
                        + "' may have only letters a-z and digits (it is part of variable names and addresses)");
            }
            String prefix = "lagesbild.oidc." + id + ".";
            String variable = "LAGESBILD_OIDC_" + id.toUpperCase(Locale.ROOT) + "_";
            String issuer = required(environment, prefix + "issuer", variable + "ISSUER").replaceAll("/+$", "");
            String groupsClaim = environment.getProperty(prefix + "groups-claim", String.class).filter(value -> !value.isBlank()).orElse(null);
            byId.put(id, new OidcProvider(id,
                    environment.getProperty(prefix + "name", String.class).filter(value -> !value.isBlank()).orElse(id),
                    issuer,
                    required(environment, prefix + "client-id", variable + "CLIENT_ID"),
                    required(environment, prefix + "client-secret", variable + "CLIENT_SECRET"),
                    environment.getProperty(prefix + "scopes", String.class).filter(value -> !value.isBlank())
                            .orElse(groupsClaim == null ? "openid profile email" : "openid profile email " + groupsClaim),
                    groupsClaim,
                    groupRoles(environment.getProperty(prefix + "group-roles", Argument.listOf(String.class)).orElse(List.of()),
                            variable + "GROUP_ROLES")));
        }
    }

    private static String required(Environment environment, String property, String variable) {
        return environment.getProperty(property, String.class).map(String::strip).filter(value -> !value.isEmpty())
                .orElseThrow(() -> new IllegalStateException("Single sign-on: set " + variable + " (or " + property + ")"));
    }

    /**
     * Reads {@code group=ROLE} entries ({@code lagesbild-admins=ADMIN}, {@code 8a2b…=PROJECT_LEAD:12}: a role in
     * organisation 12); a group may give several roles.
     */
    static Map<String, List<OidcProvider.GroupRole>> groupRoles(List<String> entries, String variable) {
        Map<String, List<OidcProvider.GroupRole>> roles = new LinkedHashMap<>();
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int equals = entry.lastIndexOf('=');
            if (equals <= 0) {
                throw new IllegalStateException(variable + ": '" + entry + "' should read group=ROLE or group=ROLE:organisationId");
            }
            String group = entry.substring(0, equals).strip();
            String[] role = entry.substring(equals + 1).strip().split(":", 2);
            OidcProvider.GroupRole given;
            if ("ADMIN".equals(role[0]) && role.length == 1) {
                given = new OidcProvider.GroupRole(true, null, null);
            } else {
                try {
                    given = new OidcProvider.GroupRole(false, Long.parseLong(role[1].strip()), Role.valueOf(role[0]));
                } catch (RuntimeException e) {
                    throw new IllegalStateException(variable + ": '" + entry + "' should read group=ADMIN or group=ROLE:organisationId"
                            + " with ROLE one of PROJECT_LEAD, RESPONDENT, FACILITATOR", e);
                }
            }
            roles.computeIfAbsent(group, key -> new ArrayList<>()).add(given);
        }
        return roles;
    }

    List<OidcProvider> all() {
        return List.copyOf(byId.values());
    }

    public boolean any() {
        return !byId.isEmpty();
    }

    Optional<OidcProvider> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    List<String> ids() {
        return List.copyOf(byId.keySet());
    }
}
