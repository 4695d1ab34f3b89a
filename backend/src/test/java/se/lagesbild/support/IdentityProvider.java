package se.lagesbild.support;

import com.nimbusds.jose.JOSEObjectType;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real OpenID Connect provider on loopback for the single sign-on tests (NAV's mock-oauth2-server): discovery,
 * authorization with PKCE, token endpoint, JWKS, end-session, and, when interactive, a login form a browser fills
 * in. The application under test is configured with it as provider {@link #ID}.
 */
public final class IdentityProvider {

    public static final String ID = "lund";
    public static final String NAME = "Lunds kommun";
    public static final String ISSUER_ID = "lund";
    public static final String CLIENT_ID = "lagesbild-test";
    public static final String CLIENT_SECRET = "test-secret";

    private final MockOAuth2Server server;

    public IdentityProvider(boolean interactiveLogin) {
        server = new MockOAuth2Server(new OAuth2Config(interactiveLogin));
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The application's settings for this provider, with a groups claim mapped to roles by {@code groupRoles}. */
    public Map<String, String> properties(String groupRoles) {
        Map<String, String> properties = new HashMap<>();
        properties.put("lagesbild.oidc.providers", ID);
        properties.put("lagesbild.oidc." + ID + ".issuer", issuer());
        properties.put("lagesbild.oidc." + ID + ".client-id", CLIENT_ID);
        properties.put("lagesbild.oidc." + ID + ".client-secret", CLIENT_SECRET);
        properties.put("lagesbild.oidc." + ID + ".name", NAME);
        properties.put("lagesbild.oidc." + ID + ".groups-claim", "groups");
        properties.put("lagesbild.oidc." + ID + ".group-roles", groupRoles);
        return properties;
    }

    public String issuer() {
        return issuer(ISSUER_ID);
    }

    public String issuer(String issuerId) {
        return server.issuerUrl(issuerId).toString().replaceAll("/+$", "");
    }

    /** The next sign-in (non-interactive) is this person, with these claims besides sub. */
    public void nextPerson(String subject, Map<String, Object> claims) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, JOSEObjectType.JWT.getType(), List.of(CLIENT_ID), claims, 3600));
    }

    public MockOAuth2Server server() {
        return server;
    }

    public void stop() {
        server.shutdown();
    }
}
