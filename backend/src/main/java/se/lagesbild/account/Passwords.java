package se.lagesbild.account;

import jakarta.inject.Singleton;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import se.lagesbild.system.ProblemException;
import se.lagesbild.system.Text;

/** Hashes and checks passwords with Argon2id (Spring Security Crypto on Bouncy Castle), and states the rules for new ones. */
@Singleton
public class Passwords {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 200;

    // 16 MiB, two iterations: about 40 ms on one core of our machines, the current recommended defaults.
    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    // Checked against when the user does not exist, so that a login takes as long either way.
    private final String decoy = encoder.encode("no such user, no such password");

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    /** Spends the time of one check, for a username that does not exist. */
    public void checkAgainstDecoy(String password) {
        encoder.matches(password, decoy);
    }

    /** Refuses a new password that is too short or too long, naming the field. */
    public void requireAcceptable(String field, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw ProblemException.badRequest(field, Text.of("password.too-short", MIN_LENGTH));
        }
        if (password.length() > MAX_LENGTH) {
            throw ProblemException.badRequest(field, Text.of("password.too-long", MAX_LENGTH));
        }
    }
}
