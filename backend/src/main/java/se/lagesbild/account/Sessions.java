package se.lagesbild.account;

import se.lagesbild.access.Caller;
import se.lagesbild.access.Roles;
import se.lagesbild.system.SecretToken;

import io.micronaut.context.annotation.Value;
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
 * Signed-in sessions kept in the database: opened at login, looked up on every request (cookie or bearer token,
 * through Micronaut Security), ended at logout. Kept in the database so that every app instance knows them and a
 * logout ends the session everywhere.
 */
@Singleton
public class Sessions implements TokenValidator<HttpRequest<?>> {

    private final SessionRepository sessions;
    private final UserRepository users;
    private final UserRoleRepository userRoles;
    private final ExecutorService blocking;
    private final Duration ttl;

    public Sessions(SessionRepository sessions, UserRepository users, UserRoleRepository userRoles,
                    @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                    @Value("${lagesbild.session.ttl:12h}") Duration ttl) {
        this.sessions = sessions;
        this.users = users;
        this.userRoles = userRoles;
        this.blocking = blocking;
        this.ttl = ttl;
    }

    /** Opens a session for the user and returns its token, which only the caller ever sees. */
    public String open(User user) {
        String token = SecretToken.generate();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        sessions.save(new Session(null, SecretToken.hash(token), user.id(), now, now.plus(ttl)));
        sessions.deleteByExpiresAtLessThan(now);
        return token;
    }

    public void close(String token) {
        sessions.deleteByTokenHash(SecretToken.hash(token));
    }

    /** Ends every session of the user, on every instance (sessions live in the database). */
    public void closeAll(long userId) {
        sessions.deleteByUserId(userId);
    }

    /** The caller a token stands for, if it is a live session. */
    public Optional<Caller> caller(String token) {
        return sessions.findByTokenHashAndExpiresAtGreaterThan(SecretToken.hash(token), Instant.now())
                .flatMap(session -> users.findById(session.userId()))
                .map(this::caller);
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
        // The security filter runs on the event loop; the lookup is JDBC, so it runs on the blocking pool.
        return Publishers.fromCompletableFuture(CompletableFuture.supplyAsync(
                () -> caller(token).map(Sessions::authentication).orElse(null), blocking));
    }
}
