package se.lagesbild.account;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Talks OpenID Connect to the configured providers: reads each one's discovery document, builds the address that
 * sends a person to its login (authorization code with PKCE S256), exchanges the code for tokens at its token
 * endpoint, and checks the ID token: signature against the provider's published keys (JWKS, refetched when it
 * rotates them), issuer, audience, expiry and the nonce of this sign-in.
 */
@Singleton
class OidcClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    /** What a provider's discovery document tells us. */
    record Discovery(String issuer, String authorizationEndpoint, String tokenEndpoint, String jwksUri,
                     @Nullable String endSessionEndpoint, boolean postAuthOnly, JWKSource<SecurityContext> keys) {
    }

    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, Discovery> discovered = new ConcurrentHashMap<>();

    OidcClient(JsonMapper json) {
        this.json = json;
    }

    /** The provider's discovery document, fetched once (and again after a failure). */
    Discovery discovery(OidcProvider provider) {
        Discovery known = discovered.get(provider.id());
        if (known != null) {
            return known;
        }
        Map<String, Object> document = getJson(provider.issuer() + "/.well-known/openid-configuration");
        String issuer = String.valueOf(document.get("issuer"));
        if (!provider.issuer().equals(issuer.replaceAll("/+$", ""))) {
            throw new OidcFailure(OidcFailure.Reason.UNAVAILABLE, "the discovery document of " + provider.issuer()
                    + " names another issuer, " + issuer);
        }
        Object methods = document.get("token_endpoint_auth_methods_supported");
        boolean postOnly = methods instanceof List<?> list && !list.contains("client_secret_basic") && list.contains("client_secret_post");
        try {
            String jwksUri = required(document, "jwks_uri");
            Discovery discovery = new Discovery(issuer, required(document, "authorization_endpoint"), required(document, "token_endpoint"),
                    jwksUri, (String) document.get("end_session_endpoint"), postOnly,
                    JWKSourceBuilder.create(new URI(jwksUri).toURL()).retrying(true).build());
            discovered.put(provider.id(), discovery);
            return discovery;
        } catch (URISyntaxException | IOException | IllegalArgumentException e) {
            throw new OidcFailure(OidcFailure.Reason.UNAVAILABLE, "the discovery document of " + provider.issuer() + " has a bad jwks_uri", e);
        }
    }

    private static String required(Map<String, Object> document, String name) {
        if (!(document.get(name) instanceof String value) || value.isBlank()) {
            throw new OidcFailure(OidcFailure.Reason.UNAVAILABLE, "the discovery document has no " + name);
        }
        return value;
    }

    /** The address that sends the person to the provider's login, for this sign-in's state, nonce and PKCE verifier. */
    String authorizationUrl(OidcProvider provider, String redirectUri, String state, String nonce, String codeVerifier) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", provider.clientId());
        query.put("redirect_uri", redirectUri);
        query.put("scope", provider.scopes());
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", codeChallenge(codeVerifier));
        query.put("code_challenge_method", "S256");
        String endpoint = discovery(provider).authorizationEndpoint();
        return endpoint + (endpoint.contains("?") ? "&" : "?") + form(query);
    }

    /** PKCE S256 (RFC 7636): the URL-safe Base64 of the verifier's SHA-256. */
    static String codeChallenge(String codeVerifier) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The provider's logout address that returns to ours afterwards, if it has one. */
    @Nullable
    String endSessionUrl(OidcProvider provider, String postLogoutRedirectUri) {
        String endpoint = discovery(provider).endSessionEndpoint();
        if (endpoint == null) {
            return null;
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", provider.clientId());
        query.put("post_logout_redirect_uri", postLogoutRedirectUri);
        return endpoint + (endpoint.contains("?") ? "&" : "?") + form(query);
    }

    /**
     * Exchanges the code at the token endpoint and answers the checked claims of the ID token. A code the provider
     * refuses (used before, expired, not ours) is {@link OidcFailure.Reason#CODE}.
     */
    JWTClaimsSet signIn(OidcProvider provider, String code, String redirectUri, String codeVerifier, String nonce) {
        Discovery discovery = discovery(provider);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(discovery.tokenEndpoint())).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");
        if (discovery.postAuthOnly()) {
            form.put("client_id", provider.clientId());
            form.put("client_secret", provider.clientSecret());
        } else {
            // RFC 6749 2.3.1: the id and secret are form-encoded before they are joined and Base64-encoded.
            String credentials = encode(provider.clientId()) + ":" + encode(provider.clientSecret());
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = send(request.POST(HttpRequest.BodyPublishers.ofString(form(form))).build(), provider.issuer());
        Map<String, Object> body = parse(response.body(), discovery.tokenEndpoint());
        if (response.statusCode() != 200) {
            throw new OidcFailure(OidcFailure.Reason.CODE, "the token endpoint answered " + response.statusCode() + " "
                    + body.getOrDefault("error", "") + " " + body.getOrDefault("error_description", ""));
        }
        if (!(body.get("id_token") instanceof String idToken)) {
            throw new OidcFailure(OidcFailure.Reason.TOKEN, "the token endpoint answered no id_token");
        }
        return verify(provider, discovery, idToken, nonce);
    }

    private JWTClaimsSet verify(OidcProvider provider, Discovery discovery, String idToken, String nonce) {
        String issuer;
        try {
            issuer = JWTParser.parse(idToken).getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new OidcFailure(OidcFailure.Reason.TOKEN, "the ID token is not a JWT", e);
        }
        if (issuer == null || !discovery.issuer().equals(issuer)) {
            throw new OidcFailure(OidcFailure.Reason.ISSUER, "the ID token comes from issuer " + issuer
                    + ", not from " + discovery.issuer() + " (provider " + provider.id() + ")");
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, discovery.keys()));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(provider.clientId(),
                new JWTClaimsSet.Builder().issuer(discovery.issuer()).claim("nonce", nonce).build(), Set.of("sub", "iat", "exp")));
        try {
            return processor.process(idToken, null);
        } catch (ExpiredJWTException e) {
            throw new OidcFailure(OidcFailure.Reason.EXPIRED, "the ID token has expired", e);
        } catch (BadJWTException e) {
            throw new OidcFailure(OidcFailure.Reason.TOKEN, "the ID token's claims are not for this sign-in: " + e.getMessage(), e);
        } catch (BadJOSEException | ParseException e) {
            throw new OidcFailure(OidcFailure.Reason.TOKEN, "the ID token's signature does not check out: " + e.getMessage(), e);
        } catch (JOSEException e) {
            throw new OidcFailure(OidcFailure.Reason.UNAVAILABLE, "the provider's keys could not be read: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> getJson(String url) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Accept", "application/json").GET().build(), url);
        if (response.statusCode() != 200) {
            throw new OidcFailure(OidcFailure.Reason.UNAVAILABLE, url + " answered " + response.statusCode());
        }
        return parse(response.body(), url);
    }

    private HttpResponse<String> send(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new OidcFailure(OidcFailure.Reason.UNAVAILABLE, what + " could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OidcFailure(OidcFailure.Reason.UNAVAILABLE, what + " was not answered: interrupted", e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parse(String body, String from) {
        try {
            Map<String, Object> map = json.readValue(body, Map.class);
            return map == null ? Map.of() : map;
        } catch (IOException | RuntimeException e) {
            throw new OidcFailure(OidcFailure.Reason.UNAVAILABLE, from + " answered something other than JSON", e);
        }
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream().map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
