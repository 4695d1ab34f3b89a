package se.lagesbild.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.lagesbild.access.AuditTrail;
import se.lagesbild.access.Caller;
import se.lagesbild.system.Mailer;
import se.lagesbild.system.ProblemException;
import se.lagesbild.system.RateLimiter;
import se.lagesbild.system.SecretToken;
import se.lagesbild.system.Text;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * "Glömt lösenord?": a single-use link, valid for an hour, to choose a new password. With e-mail configured the
 * person asks for it themselves (the answer never says whether the address has an account); otherwise, or as
 * well, an administrator makes the link and hands it over. Choosing the new password ends every session.
 */
@Singleton
public class PasswordResets {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordResets.class);
    static final String PATH = "/nytt-losenord/";

    private final PasswordResetRepository resets;
    private final UserRepository users;
    private final Passwords passwords;
    private final Sessions sessions;
    private final Mailer mailer;
    private final RateLimiter rateLimiter;
    private final AuditTrail audit;
    private final Duration validity;
    private final RateLimiter.Limit perAddress;

    public PasswordResets(PasswordResetRepository resets, UserRepository users, Passwords passwords, Sessions sessions,
                          Mailer mailer, RateLimiter rateLimiter, AuditTrail audit,
                          @Value("${lagesbild.password-reset.validity:1h}") Duration validity) {
        this.resets = resets;
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.mailer = mailer;
        this.rateLimiter = rateLimiter;
        this.audit = audit;
        this.validity = validity;
        this.perAddress = new RateLimiter.Limit(20, Duration.ofHours(1));
    }

    /** Whether people can ask for a link themselves (e-mail is configured). */
    public boolean selfService() {
        return mailer.enabled();
    }

    /** Mails a link to the user with this name, if there is one; says nothing either way. Limited per client address. */
    @Transactional
    public void requestByMail(String username, String publicAddress, String clientAddress) {
        if (!mailer.enabled()) {
            throw ProblemException.conflict(Text.of("password-reset.no-mail"));
        }
        String bucket = "password-reset:" + clientAddress;
        rateLimiter.closedFor(bucket, perAddress).ifPresent(wait -> {
            throw ProblemException.tooManyRequests(Text.of("password-reset.too-many", ProblemException.wholeSeconds(wait)), wait);
        });
        rateLimiter.count(bucket, perAddress);
        Optional<User> user = users.findByUsername(username.strip());
        if (user.isEmpty()) {
            return;
        }
        String link = publicAddress + PATH + create(user.get());
        try {
            mailer.send(user.get().username(), "Nytt lösenord till Lägesbild",
                    "Hej!\n\nNågon (förhoppningsvis du) bad om ett nytt lösenord till Lägesbild. Välj ett nytt här inom en timme:\n\n"
                            + link + "\n\nBad du inte om det? Då kan du bortse från meddelandet; ditt lösenord är oförändrat.\n");
        } catch (Mailer.MailFailure e) {
            LOG.warn("A password reset mail was not accepted: {}", e.getMessage());
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, Text.of("password-reset.mail-refused"));
        }
    }

    /** A link an administrator hands to the person (by phone, chat or their own e-mail). */
    @Transactional
    public String createByAdministrator(Caller admin, long userId, String publicAddress) {
        User user = users.findById(userId).orElseThrow(() -> ProblemException.notFound(Text.of("user.unknown", userId)));
        audit.record(admin, null, "user.password-reset-created", "user", userId, user.username());
        return publicAddress + PATH + create(user);
    }

    @Serdeable
    public record ResetPreview(String username) {
    }

    public ResetPreview preview(String token) {
        PasswordReset reset = usable(resets.findByTokenHash(SecretToken.hash(token)));
        return new ResetPreview(users.findById(reset.userId()).orElseThrow().username());
    }

    /** Sets the new password, uses up the link and ends every session of the user. */
    @Transactional
    public void choose(String token, String password) {
        PasswordReset reset = usable(resets.findByTokenHashForUpdate(SecretToken.hash(token)));
        passwords.requireAcceptable("password", password);
        User user = users.findById(reset.userId()).orElseThrow();
        users.update(user.withPasswordHash(passwords.hash(password)));
        resets.update(reset.used(now()));
        sessions.closeAll(user.id());
        audit.record(null, null, "user.password-changed", "user", user.id(), user.username());
    }

    private String create(User user) {
        String token = SecretToken.generate();
        resets.save(new PasswordReset(null, SecretToken.hash(token), user.id(), now().plus(validity), null));
        return token;
    }

    private static PasswordReset usable(Optional<PasswordReset> found) {
        PasswordReset reset = found.orElseThrow(() -> ProblemException.notFound(Text.of("password-reset.unknown-link")));
        if (!reset.usable(Instant.now())) {
            throw new ProblemException(HttpStatus.GONE, reset.usedAt() != null
                    ? Text.of("password-reset.link-used")
                    : Text.of("password-reset.link-expired"));
        }
        return reset;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
