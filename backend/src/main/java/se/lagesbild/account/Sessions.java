package se.lagesbild.account;

import se.lagesbild.access.Caller;
import se.lagesbild.access.Roles;
import se.lagesbild.system.SecretToken;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

/**
 * Signed-in sessions kept in the database: opened at login, validated on every request (cookie or bearer token,
 * through Micronaut Security), ended at logout. Kept in the database so that every app instance knows them and a
 * logout ends the session everywhere.
 *
 * <p>A session found in the database is remembered for {@code lagesbild.session.cache-ttl} (5 s), so that a
 * request costs no database round trip and no hop to the blocking pool just to know who is asking. A logout, a
 * closed session or a changed role on this instance forgets it at once; another instance, which still remembers
 * it, honours the logout at most that long later. {@code 0s} turns the cache off.
 */
@Singleton
public class Sessions implements TokenValidator<HttpRequest<?>> {

    private final SessionRepository sessions;
    private final UserRepository users;
    private final UserRoleRepository userRoles;
    private final ExecutorService blocking;
    private final Duration ttl;
    private final SessionCache cache;

    public Sessions(SessionRepository sessions, UserRepository users, UserRoleRepository userRoles,
                    @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                    @Value("${lagesbild.session.ttl:12h}") Duration ttl,
                    @Value("${lagesbild.session.cache-ttl:5s}") Duration cacheTtl) {
        this.sessions = sessions;
        this.users = users;
        this.userRoles = userRoles;
        this.blocking = blocking;
        this.ttl = ttl;
        this.cache = new SessionCache(cacheTtl);
    }

    /** Opens a session for the user and returns its token, which only the caller ever sees. */
    public String open(User user) {
        return open(user, null);
    }

    /** Opens a session for the user, signed in through the provider with this id (null: with a password). */
    String open(User user, @Nullable String provider) {
        String token = SecretToken.generate();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        sessions.save(new Session(null, SecretToken.hash(token), user.id(), now, now.plus(ttl), provider));
        sessions.deleteByExpiresAtLessThan(now);
        return token;
    }

    /** Ends the session: on this instance at once, on the others within the cache's time to live. */
    public void close(String token) {
        String tokenHash = SecretToken.hash(token);
        cache.forgetToken(tokenHash);
        sessions.deleteByTokenHash(tokenHash);
    }

    /** Ends every session of the user, on every instance (sessions live in the database; see {@link #close}). */
    public void closeAll(long userId) {
        cache.forgetUser(userId);
        sessions.deleteByUserId(userId);
    }

    /** The user's roles changed: their sessions on this instance are looked up again with the new roles. */
    public void rolesChanged(long userId) {
        cache.forgetUser(userId);
    }

    /** The provider the session behind the token was opened through, if it was. */
    Optional<String> provider(String token) {
        return sessions.findByTokenHash(SecretToken.hash(token)).map(Session::provider);
    }

    /** The caller a token stands for, if it is a live session. */
    public Optional<Caller> caller(String token) {
        return found(SecretToken.hash(token)).map(SessionCache.Entry::caller);
    }

    /** The session behind the token hash as the database knows it now, remembered unless it was ended meanwhile. */
    private Optional<SessionCache.Entry> found(String tokenHash) {
        SessionCache.Lookup lookup = cache.startLookup();
        Optional<SessionCache.Entry> found = sessions.findByTokenHashAndExpiresAtGreaterThan(tokenHash, Instant.now())
                .flatMap(session -> users.findById(session.userId()).filter(user -> !user.disabled()).map(user -> {
                    Caller caller = caller(user);
                    return new SessionCache.Entry(caller, authentication(caller), session.expiresAt().toEpochMilli());
                }));
        found.ifPresent(entry -> cache.remember(lookup, tokenHash, entry));
        return found;
    }

    Caller caller(User user) {
        return new Caller(user.id(), user.username(), user.admin(), userRoles.findByUserId(user.id()).stream()
                .collect(Collectors.toMap(UserRole::organisationId, UserRole::role)));
    }

    static Authentication authentication(Caller caller) {
        Set<String> roles = new HashSet<>();
        if (caller.admin()) {
            roles.add(Roles.ADMIN);
        }
        caller.roles().values().forEach(role -> roles.add(role.name()));
        return Authentication.build(caller.username(), roles, caller.attributes());
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        String tokenHash = SecretToken.hash(token);
        SessionCache.Entry remembered = cache.get(tokenHash);
        if (remembered != null) {
            return Publishers.just(remembered.authentication());
        }
        // The security filter runs on the event loop; the lookup is JDBC, so it runs on the blocking pool.
        return Publishers.fromCompletableFuture(CompletableFuture.supplyAsync(
                () -> found(tokenHash).map(SessionCache.Entry::authentication).orElse(null), blocking));
    }
}
