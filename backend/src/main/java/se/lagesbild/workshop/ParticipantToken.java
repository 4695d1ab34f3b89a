package se.lagesbild.workshop;

import se.lagesbild.system.SecretToken;

/**
 * The anonymous key a workshop participant holds (in a cookie): a {@link SecretToken}, 256 random bits of which
 * only the SHA-256 is stored, so the database alone cannot be used to write as a participant.
 */
final class ParticipantToken {

    static final String COOKIE = "lagesbild_participant";
    static final String HEADER = "X-Participant-Token";

    private ParticipantToken() {
    }

    static String random() {
        return SecretToken.generate();
    }

    static String hash(String token) {
        return SecretToken.hash(token);
    }
}
