package se.lagesbild.workshop;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * A workshop's join code: six characters from an alphabet without look-alikes (no 0/O, 1/I/L), read aloud
 * or typed from a projector. 31^6, about 887 million codes: too many to guess under the rate limit.
 */
final class JoinCode {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private JoinCode() {
    }

    static String random() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** A code as typed: case and spaces do not matter ("abc 234" is ABC234). */
    static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** Whether the text could be a code at all; anything else is not looked up. */
    static boolean isWellFormed(String code) {
        if (code.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
