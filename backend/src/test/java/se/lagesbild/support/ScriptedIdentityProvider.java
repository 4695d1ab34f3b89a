package se.lagesbild.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An OpenID Connect provider on loopback whose token endpoint answers what the test scripts: an ID token signed
 * with a key it does not publish, one from another issuer, or a refusal of the code. What a real provider never
 * does on purpose, but an attacker in the middle or a misconfiguration would; the ordinary sign-ins go through
 * {@link IdentityProvider}.
 */
public final class ScriptedIdentityProvider {

    public static final String ID = "skript";
    public static final String CLIENT_ID = "lagesbild-skript";

    private final HttpServer server;
    private final RSAKey published;
    private final AtomicReference<String[]> tokenAnswer = new AtomicReference<>(new String[] {"500", "{}"});

    public ScriptedIdentityProvider() {
        try {
            published = new RSAKeyGenerator(2048).keyID("published").generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/.well-known/openid-configuration", exchange -> answer(exchange, 200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                 "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer())));
        server.createContext("/jwks", exchange -> answer(exchange, 200, new JWKSet(published.toPublicJWK()).toString()));
        server.createContext("/token", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String[] scripted = tokenAnswer.get();
            answer(exchange, Integer.parseInt(scripted[0]), scripted[1]);
        });
        server.start();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("lagesbild.oidc." + ID + ".issuer", issuer());
        properties.put("lagesbild.oidc." + ID + ".client-id", CLIENT_ID);
        properties.put("lagesbild.oidc." + ID + ".client-secret", "skript-secret");
        properties.put("lagesbild.oidc." + ID + ".name", "Skriptad leverantör");
        return properties;
    }

    /** The next code exchange answers an ID token with these claims, signed with the published key or another. */
    public void nextIdToken(String issuer, String nonce, boolean signedWithThePublishedKey) {
        try {
            RSAKey signer = signedWithThePublishedKey ? published : new RSAKeyGenerator(2048).keyID(published.getKeyID()).generate();
            SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(published.getKeyID()).type(JOSEObjectType.JWT).build(),
                    new JWTClaimsSet.Builder().issuer(issuer).audience(CLIENT_ID).subject("mallory")
                            .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 3_600_000))
                            .claim("nonce", nonce).build());
            token.sign(new RSASSASigner(signer));
            tokenAnswer.set(new String[] {"200",
                    "{\"access_token\":\"x\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"id_token\":\"" + token.serialize() + "\"}"});
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next code exchange is refused as a real provider refuses a code used before. */
    public void nextCodeRefused() {
        tokenAnswer.set(new String[] {"400", "{\"error\":\"invalid_grant\",\"error_description\":\"The code was already redeemed\"}"});
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    public void stop() {
        server.stop(0);
    }
}
