package se.lagesbild.account;

import se.lagesbild.access.AuditTrail;
import se.lagesbild.access.Caller;
import se.lagesbild.access.Role;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import se.lagesbild.organisation.Organisation;
import se.lagesbild.organisation.Organisations;
import se.lagesbild.system.ProblemException;
import se.lagesbild.system.RateLimiter;
import se.lagesbild.system.Text;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Users and their roles: signing in (with its rate limits), creating users, changing roles. */
@Singleton
public class Accounts {

    private final UserRepository users;
    private final UserRoleRepository userRoles;
    private final Organisations organisations;
    private final Passwords passwords;
    private final Sessions sessions;
    private final RateLimiter rateLimiter;
    private final AuditTrail audit;
    private final UserIdentityRepository identities;
    private final OidcProviders providers;
    private final RateLimiter.Limit perAccount;
    private final RateLimiter.Limit perAddress;

    public Accounts(UserRepository users, UserRoleRepository userRoles, Organisations organisations,
                    Passwords passwords, Sessions sessions, RateLimiter rateLimiter, AuditTrail audit,
                    UserIdentityRepository identities, OidcProviders providers,
                    @Value("${lagesbild.login.max-failures:10}") int maxFailures,
                    @Value("${lagesbild.login.max-failures-per-address:100}") int maxFailuresPerAddress,
                    @Value("${lagesbild.login.window:15m}") Duration window) {
        this.users = users;
        this.userRoles = userRoles;
        this.organisations = organisations;
        this.passwords = passwords;
        this.sessions = sessions;
        this.rateLimiter = rateLimiter;
        this.audit = audit;
        this.identities = identities;
        this.providers = providers;
        this.perAccount = new RateLimiter.Limit(maxFailures, window);
        this.perAddress = new RateLimiter.Limit(maxFailuresPerAddress, window);
    }

    /** A signed-in session: its token (for the cookie and API clients) and who it is. */
    public record SignedIn(String token, Caller caller) {
    }

    /**
     * Signs a user in. Wrong passwords count per account and per client address; once either has used up its
     * failures in the window, every attempt answers 429 until the window ends, the right password too.
     */
    public SignedIn login(String username, String password, String clientAddress) {
        String accountBucket = "login-user:" + username.strip().toLowerCase(Locale.ROOT);
        String addressBucket = "login-address:" + clientAddress;
        rateLimiter.closedFor(accountBucket, perAccount).or(() -> rateLimiter.closedFor(addressBucket, perAddress))
                .ifPresent(wait -> {
                    throw ProblemException.tooManyRequests(Text.of("login.too-many-failures", ProblemException.wholeSeconds(wait)), wait);
                });
        User user = users.findByUsername(username.strip()).orElse(null);
        boolean matches;
        if (user == null) {
            passwords.checkAgainstDecoy(password);
            matches = false;
        } else {
            matches = passwords.matches(password, user.passwordHash());
        }
        if (!matches) {
            rateLimiter.count(accountBucket, perAccount);
            rateLimiter.count(addressBucket, perAddress);
            throw new ProblemException(HttpStatus.UNAUTHORIZED, Text.of("login.wrong-credentials"));
        }
        rateLimiter.forget(accountBucket);
        if (user.disabled()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, Text.of("user.disabled"));
        }
        return signIn(user);
    }

    /** The caller as the database knows them now (after a role was added, say). */
    private Caller sessionsCaller(long userId) {
        return sessions.caller(users.findById(userId).orElseThrow());
    }

    SignedIn signIn(User user) {
        Caller caller = sessions.caller(user);
        return new SignedIn(sessions.open(user), caller);
    }

    /** A new role assignment as asked for: an organisation and a role, or ADMIN without an organisation. */
    @Serdeable
    public record RoleAssignment(@Nullable Long organisationId, String role) {
    }

    /** Creates a user with a password and roles; usernames are unique regardless of case. */
    @Transactional
    public User create(@Nullable Caller by, String username, String password, List<RoleAssignment> roles) {
        String name = username.strip();
        if (users.existsByUsername(name)) {
            throw ProblemException.conflict(Text.of("user.username-taken", name));
        }
        passwords.requireAcceptable("password", password);
        Assigned assigned = assigned(roles);
        User user = users.save(new User(null, name, passwords.hash(password), assigned.admin(), null, false));
        assigned.roles().forEach((organisation, role) -> userRoles.save(new UserRole(null, user.id(), organisation, role)));
        if (assigned.roles().isEmpty()) {
            audit.record(by, null, "user.created", "user", user.id(), name);
        }
        assigned.roles().forEach((organisation, role) ->
                audit.record(by, organisation, "user.created", "user", user.id(), name + " (" + role + ")"));
        return user;
    }

    /** Replaces a user's roles. */
    @Transactional
    public UserView updateRoles(Caller by, long userId, List<RoleAssignment> roles) {
        User user = users.findById(userId).orElseThrow(() -> ProblemException.notFound(Text.of("user.unknown", userId)));
        Assigned assigned = assigned(roles);
        if (user.admin() && !assigned.admin() && user.id() == by.userId()) {
            throw ProblemException.conflict(Text.of("user.own-admin-role"));
        }
        Map<Long, Role> before = userRoles.findByUserId(userId).stream().collect(Collectors.toMap(UserRole::organisationId, UserRole::role));
        boolean lostSomething = (user.admin() && !assigned.admin()) || before.entrySet().stream()
                .anyMatch(role -> role.getValue() != assigned.roles().get(role.getKey()));
        users.update(new User(user.id(), user.username(), user.passwordHash(), assigned.admin(), user.createdAt(), user.disabled()));
        userRoles.deleteByUserId(userId);
        assigned.roles().forEach((organisation, role) -> userRoles.save(new UserRole(null, userId, organisation, role)));
        assigned.roles().forEach((organisation, role) ->
                audit.record(by, organisation, "user.roles-changed", "user", userId, user.username() + " (" + role + ")"));
        if (lostSomething && by.userId() != userId) {
            // A role taken away takes effect at once, on every instance: the person signs in again with what is left.
            sessions.closeAll(userId);
        } else {
            sessions.rolesChanged(userId);
        }
        return view(users.findById(userId).orElseThrow());
    }

    /** Disables an account (it signs in no more, and its sessions end at once) or enables it again. */
    @Transactional
    public UserView setDisabled(Caller by, long userId, boolean disabled) {
        User user = users.findById(userId).orElseThrow(() -> ProblemException.notFound(Text.of("user.unknown", userId)));
        if (disabled && userId == by.userId()) {
            throw ProblemException.conflict(Text.of("user.own-account-disabled"));
        }
        if (user.disabled() != disabled) {
            users.update(user.withDisabled(disabled));
            audit.record(by, null, disabled ? "user.disabled" : "user.enabled", "user", userId, user.username());
        }
        if (disabled) {
            sessions.closeAll(userId);
        }
        return view(users.findById(userId).orElseThrow());
    }

    /** Whether a user with this name exists (names compare regardless of case). */
    public boolean exists(String username) {
        return users.existsByUsername(username.strip());
    }

    /**
     * Signs in the person an invitation was for: with the password of their account when it exists, otherwise
     * with a new account and this password. The person gets the role in the organisation unless they hold one there.
     */
    @Transactional
    public SignedIn signInInvited(String username, String password, String clientAddress, long organisationId, Role role) {
        SignedIn signedIn;
        if (exists(username)) {
            signedIn = login(username, password, clientAddress);
        } else {
            signedIn = signIn(create(null, username, password, List.of()));
        }
        ensureRole(signedIn.caller().userId(), organisationId, role);
        return new SignedIn(signedIn.token(), sessionsCaller(signedIn.caller().userId()));
    }

    /** Adds a role in an organisation unless the user already has one there. */
    private void ensureRole(long userId, long organisationId, Role role) {
        if (userRoles.findByUserId(userId).stream().noneMatch(existing -> existing.organisationId() == organisationId)) {
            userRoles.save(new UserRole(null, userId, organisationId, role));
            sessions.rolesChanged(userId);
        }
    }

    private record Assigned(boolean admin, Map<Long, Role> roles) {
    }

    private Assigned assigned(List<RoleAssignment> requested) {
        boolean admin = false;
        Map<Long, Role> roles = new java.util.LinkedHashMap<>();
        for (int i = 0; i < requested.size(); i++) {
            RoleAssignment assignment = requested.get(i);
            String field = "roles[" + i + "]";
            if ("ADMIN".equals(assignment.role())) {
                if (assignment.organisationId() != null) {
                    throw ProblemException.badRequest(field + ".organisationId", Text.of("user.admin-without-organisation"));
                }
                admin = true;
                continue;
            }
            Role role;
            try {
                role = Role.valueOf(String.valueOf(assignment.role()));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest(field + ".role", Text.of("user.unknown-role", assignment.role()));
            }
            if (assignment.organisationId() == null || !organisations.exists(assignment.organisationId())) {
                throw ProblemException.badRequest(field + ".organisationId", assignment.organisationId() == null
                        ? Text.of("user.role-without-organisation", role)
                        : Text.of("organisation.unknown", assignment.organisationId()));
            }
            if (roles.putIfAbsent(assignment.organisationId(), role) != null) {
                throw ProblemException.badRequest(field, Text.of("user.two-roles-in-organisation", assignment.organisationId()));
            }
        }
        return new Assigned(admin, roles);
    }

    /** A user as the API shows it: never the password hash. */
    @Serdeable
    public record UserView(long id, String username, boolean admin, List<OrganisationRoleView> roles, boolean disabled,
                           List<String> signsInWith) {
    }

    @Serdeable
    public record OrganisationRoleView(long organisationId, String organisationName, Role role) {
    }

    public UserView view(Caller caller) {
        return view(caller, false);
    }

    public UserView view(User user) {
        return view(sessions.caller(user), user.disabled());
    }

    private UserView view(Caller caller, boolean disabled) {
        return new UserView(caller.userId(), caller.username(), caller.admin(), roleViews(caller.roles()), disabled,
                signsInWith(identities.findByUserIdIn(List.of(caller.userId()))));
    }

    public List<UserView> all() {
        List<User> all = users.findAllOrderByUsername();
        List<Long> ids = all.stream().map(User::id).toList();
        Map<Long, List<UserRole>> rolesByUser = userRoles.findByUserIdIn(ids).stream()
                .collect(Collectors.groupingBy(UserRole::userId));
        Map<Long, List<UserIdentity>> identitiesByUser = ids.isEmpty() ? Map.of()
                : identities.findByUserIdIn(ids).stream().collect(Collectors.groupingBy(UserIdentity::userId));
        List<UserView> views = new ArrayList<>();
        for (User user : all) {
            Map<Long, Role> roles = rolesByUser.getOrDefault(user.id(), List.of()).stream()
                    .collect(Collectors.toMap(UserRole::organisationId, UserRole::role));
            views.add(new UserView(user.id(), user.username(), user.admin(), roleViews(roles), user.disabled(),
                    signsInWith(identitiesByUser.getOrDefault(user.id(), List.of()))));
        }
        return views;
    }

    /** The names of the configured providers the person has signed in through. */
    private List<String> signsInWith(List<UserIdentity> linked) {
        return linked.stream().map(identity -> providers.find(identity.provider()).map(OidcProvider::name).orElse(identity.provider()))
                .distinct().sorted().toList();
    }

    private List<OrganisationRoleView> roleViews(Map<Long, Role> roles) {
        if (roles.isEmpty()) {
            return List.of();
        }
        Map<Long, Organisation> byId = organisations.byId(roles.keySet());
        return roles.entrySet().stream()
                .map(entry -> new OrganisationRoleView(entry.getKey(),
                        byId.containsKey(entry.getKey()) ? byId.get(entry.getKey()).name() : "", entry.getValue()))
                .sorted(Comparator.comparing(OrganisationRoleView::organisationName).thenComparing(OrganisationRoleView::organisationId))
                .toList();
    }

    /** The user with this name, as the API shows users (no password hash). */
    public java.util.Optional<UserView> find(String username) {
        return users.findByUsername(username.strip()).map(this::view);
    }

    /**
     * Erases a person's account: roles and sessions go; the row stays under an erased name with an unusable
     * password, so that what they did (rounds started, workshops run) still has an owner, who is nobody.
     */
    @Transactional
    public java.util.Optional<Long> erase(String username) {
        java.util.Optional<User> user = users.findByUsername(username.strip());
        user.ifPresent(found -> {
            userRoles.deleteByUserId(found.id());
            identities.deleteByUserId(found.id());
            sessions.closeAll(found.id());
            users.update(new User(found.id(), "borttagen-" + found.id() + "@lagesbild.invalid",
                    passwords.hash(se.lagesbild.system.SecretToken.generate()), false, found.createdAt(), found.disabled()));
        });
        return user.map(User::id);
    }

    /** Whether an administrator exists. */
    public boolean administratorExists() {
        return users.existsByAdmin(true);
    }
}
