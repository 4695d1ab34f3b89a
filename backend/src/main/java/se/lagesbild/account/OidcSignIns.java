package se.lagesbild.account;

import se.lagesbild.system.SecretToken;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A sign-in through an identity provider from start to end: {@link #start} remembers a fresh state, nonce and PKCE
 * verifier and answers the provider's login address; {@link #finish} takes the person back, checks that the state is
 * one we handed to this browser and not used yet, exchanges the code, checks the ID token and opens one of the
 * platform's own sessions. Any failure is an {@link OidcFailure}, and no session.
 */
@Singleton
class OidcSignIns {

    private final OidcProviders providers;
    private final OidcClient client;
    private final OidcSignInRepository pending;
    private final OidcAccounts accounts;
    private final Sessions sessions;
    private final Duration validity;

    OidcSignIns(OidcProviders providers, OidcClient client, OidcSignInRepository pending, OidcAccounts accounts, Sessions sessions,
                @Value("${lagesbild.oidc.sign-in-validity:10m}") Duration validity) {
        this.providers = providers;
        this.client = client;
        this.pending = pending;
        this.accounts = accounts;
        this.sessions = sessions;
        this.validity = validity;
    }

    /** A sign-in sent to the provider: the address to send the person to, and the state for their browser's cookie. */
    record Started(String authorizationUrl, String state) {
    }

    /** A finished sign-in: the platform's session token, who it is, and where in the web app to land. */
    record Finished(String token, User user, @Nullable String returnTo) {
    }

    Started start(String providerId, String redirectUri, @Nullable String returnTo) {
        OidcProvider provider = provider(providerId);
        String state = SecretToken.generate();
        String nonce = SecretToken.generate();
        String verifier = SecretToken.generate() + SecretToken.generate();
        String url = client.authorizationUrl(provider, redirectUri, state, nonce, verifier);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        pending.deleteByCreatedAtLessThan(now.minus(validity));
        pending.save(new OidcSignIn(SecretToken.hash(state), provider.id(), nonce, verifier, ownPath(returnTo), now));
        return new Started(url, state);
    }

    Finished finish(String providerId, @Nullable String code, @Nullable String state, @Nullable String browserState,
                    @Nullable String error, String redirectUri) {
        OidcProvider provider = provider(providerId);
        if (state == null || state.isBlank()) {
            throw new OidcFailure(OidcFailure.Reason.STATE, "the provider's answer has no state");
        }
        OidcSignIn signIn = pending.findById(SecretToken.hash(state)).orElseThrow(() -> new OidcFailure(OidcFailure.Reason.STATE,
                "the state is unknown: used already, or never handed out"));
        // Used once, whatever comes next: a second callback with the same state finds nothing.
        if (pending.deleteByStateHash(signIn.stateHash()) != 1) {
            throw new OidcFailure(OidcFailure.Reason.STATE, "the state was used meanwhile by another request");
        }
        if (!state.equals(browserState)) {
            // Someone else's sign-in finished in this browser (login CSRF), or the cookie was lost.
            throw new OidcFailure(OidcFailure.Reason.STATE, "the state was not handed to this browser");
        }
        if (!signIn.provider().equals(provider.id())) {
            throw new OidcFailure(OidcFailure.Reason.STATE, "the state was handed out for provider " + signIn.provider());
        }
        if (signIn.createdAt().plus(validity).isBefore(Instant.now())) {
            throw new OidcFailure(OidcFailure.Reason.STATE, "the sign-in began more than " + validity + " ago");
        }
        if (error != null && !error.isBlank()) {
            throw new OidcFailure(OidcFailure.Reason.DENIED, "the provider answered " + error);
        }
        if (code == null || code.isBlank()) {
            throw new OidcFailure(OidcFailure.Reason.CODE, "the provider's answer has no code");
        }
        JWTClaimsSet claims = client.signIn(provider, code, redirectUri, signIn.codeVerifier(), signIn.nonce());
        User user = accounts.signIn(provider, claims);
        return new Finished(sessions.open(user, provider.id()), user, signIn.returnTo());
    }

    /** The provider's logout address (back to ours afterwards), or null when it has none. */
    @Nullable
    String endSessionUrl(String providerId, String postLogoutRedirectUri) {
        return client.endSessionUrl(provider(providerId), postLogoutRedirectUri);
    }

    private OidcProvider provider(String providerId) {
        return providers.find(providerId).orElseThrow(() -> new OidcFailure(OidcFailure.Reason.ISSUER,
                "no identity provider '" + providerId + "' is configured"));
    }

    /** A path of the web app to return to; anything else (another site, "//host") is dropped. */
    @Nullable
    static String ownPath(@Nullable String returnTo) {
        if (returnTo == null || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.startsWith("/\\")
                || returnTo.length() > 500 || returnTo.chars().anyMatch(c -> c < 0x21)) {
            return null;
        }
        return returnTo;
    }
}
