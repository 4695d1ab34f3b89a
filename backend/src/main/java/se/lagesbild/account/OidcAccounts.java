package se.lagesbild.account;

import se.lagesbild.access.AuditTrail;
import se.lagesbild.access.Caller;
import se.lagesbild.organisation.Organisations;
import se.lagesbild.system.SecretToken;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who signed in through a provider: the user linked to the ID token's issuer and subject, never to an e-mail
 * address (one that the provider lets people set, or that changes hands, would open someone else's account). The
 * first sign-in of someone unknown creates their account with no roles, or with the roles their groups give when
 * the provider maps groups to roles; an administrator gives the rest.
 */
@Singleton
class OidcAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(OidcAccounts.class);

    private final UserIdentityRepository identities;
    private final UserRepository users;
    private final UserRoleRepository userRoles;
    private final Organisations organisations;
    private final Passwords passwords;
    private final Sessions sessions;
    private final AuditTrail audit;

    OidcAccounts(UserIdentityRepository identities, UserRepository users, UserRoleRepository userRoles, Organisations organisations,
                 Passwords passwords, Sessions sessions, AuditTrail audit) {
        this.identities = identities;
        this.users = users;
        this.userRoles = userRoles;
        this.organisations = organisations;
        this.passwords = passwords;
        this.sessions = sessions;
        this.audit = audit;
    }

    /** The user the verified claims stand for, created at the first sign-in; a disabled account is refused. */
    @Transactional
    User signIn(OidcProvider provider, JWTClaimsSet claims) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        User user = identities.findByIssuerAndSubject(claims.getIssuer(), claims.getSubject())
                .map(identity -> {
                    identities.update(new UserIdentity(identity.id(), identity.userId(), identity.issuer(), identity.subject(),
                            provider.id(), identity.createdAt(), now));
                    return users.findById(identity.userId()).orElseThrow();
                })
                .orElseGet(() -> create(provider, claims, now));
        if (user.disabled()) {
            throw new OidcFailure(OidcFailure.Reason.DISABLED, "the account of " + user.username() + " (user " + user.id() + ") is disabled");
        }
        user = giveGroupRoles(provider, claims, user);
        audit.record(new Caller(user.id(), user.username(), user.admin(), java.util.Map.of()), null, "user.signed-in", "user",
                user.id(), provider.name());
        return user;
    }

    private User create(OidcProvider provider, JWTClaimsSet claims, Instant now) {
        // Nobody knows this password: the person signs in through the provider (or gets a reset link from an administrator).
        User user = users.save(new User(null, username(provider, claims), passwords.hash(SecretToken.generate()), false, null, false));
        identities.save(new UserIdentity(null, user.id(), claims.getIssuer(), claims.getSubject(), provider.id(), now, now));
        audit.record(null, null, "user.created", "user", user.id(), user.username() + " (" + provider.name() + ")");
        LOG.info("Created user {} at the first sign-in through {}", user.id(), provider.id());
        return user;
    }

    /** A readable, unique name: the provider's username or e-mail address, told apart from a taken one by the provider. */
    private String username(OidcProvider provider, JWTClaimsSet claims) {
        String base = firstString(claims, "preferred_username", "email", "name");
        if (base == null) {
            base = claims.getSubject();
        }
        List<String> candidates = List.of(base, base + " (" + provider.name() + ")",
                base + " (" + provider.name() + " " + SecretToken.hash(claims.getIssuer() + " " + claims.getSubject()).substring(0, 8) + ")");
        for (String candidate : candidates) {
            String name = candidate.length() > 254 ? candidate.substring(0, 254) : candidate;
            if (!users.existsByUsername(name)) {
                return name;
            }
        }
        return provider.id() + "-" + SecretToken.generate();
    }

    private static String firstString(JWTClaimsSet claims, String... names) {
        for (String name : names) {
            if (claims.getClaim(name) instanceof String value && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    /** Adds the roles the person's groups give where they have none yet; never takes a role away. */
    private User giveGroupRoles(OidcProvider provider, JWTClaimsSet claims, User user) {
        if (provider.groupsClaim() == null || provider.groupRoles().isEmpty()) {
            return user;
        }
        Set<Long> held = new LinkedHashSet<>(userRoles.findByUserId(user.id()).stream().map(UserRole::organisationId).toList());
        boolean admin = user.admin();
        boolean changed = false;
        for (String group : groups(claims.getClaim(provider.groupsClaim()))) {
            for (OidcProvider.GroupRole given : provider.groupRoles().getOrDefault(group, List.of())) {
                if (given.admin()) {
                    if (!admin) {
                        admin = true;
                        changed = true;
                        audit.record(null, null, "user.roles-changed", "user", user.id(), user.username() + " (ADMIN, " + group + ")");
                    }
                } else if (!held.contains(given.organisationId())) {
                    if (!organisations.exists(given.organisationId())) {
                        LOG.warn("Group {} of provider {} gives a role in organisation {}, which does not exist", group, provider.id(),
                                given.organisationId());
                        continue;
                    }
                    userRoles.save(new UserRole(null, user.id(), given.organisationId(), given.role()));
                    held.add(given.organisationId());
                    changed = true;
                    audit.record(null, given.organisationId(), "user.roles-changed", "user", user.id(),
                            user.username() + " (" + given.role() + ", " + group + ")");
                }
            }
        }
        if (!changed) {
            return user;
        }
        if (admin != user.admin()) {
            user = users.update(new User(user.id(), user.username(), user.passwordHash(), true, user.createdAt(), user.disabled()));
        }
        sessions.rolesChanged(user.id());
        return user;
    }

    private static Collection<String> groups(Object claim) {
        List<String> groups = new ArrayList<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(value -> groups.add(String.valueOf(value)));
        } else if (claim instanceof String value) {
            groups.add(value);
        }
        return groups;
    }
}
