package se.lagesbild.response;

import jakarta.inject.Singleton;
import se.lagesbild.system.DerivedTokens;
import se.lagesbild.system.SecretToken;

/**
 * The key a response of an instrument answered by many is found by: a hash of the respondent's token under a
 * name of its own ("response|"), so it never equals what a link or an account keeps. Only someone holding the
 * token (the respondent, or the platform for a signed-in user's own response) can get from a person to a response.
 */
@Singleton
public class RespondentKeys {

    private final DerivedTokens tokens;

    public RespondentKeys(DerivedTokens tokens) {
        this.tokens = tokens;
    }

    /** The key of the response answered with this token (a personal link, an open-link token). */
    public String ofToken(String token) {
        return SecretToken.hash("response|" + token);
    }

    /** The key of a signed-in user's own response in a round, computable only with the platform's secret. */
    public String ofAccount(long userId, long roundId) {
        return ofToken(tokens.derive("account", userId + "|" + roundId));
    }

    /** A key for a response nobody will look up again by person (an administrator keying in paper answers). */
    public String unattached() {
        return ofToken(SecretToken.generate());
    }
}
