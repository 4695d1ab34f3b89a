package se.lagesbild.workshop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The anonymous key a workshop participant holds (in a cookie): 256 random bits. Only its SHA-256 is stored,
 * so the database alone cannot be used to write as a participant.
 */
final class ParticipantToken {

    static final String COOKIE = "lagesbild_participant";
    static final String HEADER = "X-Participant-Token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ParticipantToken() {
    }

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
