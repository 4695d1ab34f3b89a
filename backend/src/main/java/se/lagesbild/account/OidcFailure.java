package se.lagesbild.account;

/**
 * Why a sign-in through an identity provider did not happen. The person lands on the web app's error page, which
 * words the reason (its code in the address) in Swedish or English; the details go to the log only.
 */
class OidcFailure extends RuntimeException {

    enum Reason {
        /** The state is missing, unknown, used already, from another browser, or too old. */
        STATE("state"),
        /** The provider said no (the person cancelled, or may not use the app). */
        DENIED("denied"),
        /** The provider refused the code: used before, expired, or not issued to us. */
        CODE("code"),
        /** The ID token is wrongly signed or not for this sign-in (audience, nonce). */
        TOKEN("token"),
        /** The ID token has expired. */
        EXPIRED("expired"),
        /** The ID token's issuer, or the provider in the address, is not one this app is configured for. */
        ISSUER("issuer"),
        /** The account is disabled. */
        DISABLED("disabled"),
        /** The provider could not be reached or answered nonsense. */
        UNAVAILABLE("unavailable");

        final String code;

        Reason(String code) {
            this.code = code;
        }
    }

    private final Reason reason;

    OidcFailure(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    OidcFailure(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
