package se.lagesbild.system;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;

/**
 * Tokens the platform can compute again but nobody else can: HMAC-SHA256 of a purpose and a subject under the
 * platform's secret. A personal survey link is derived from its round and address, so the same address always
 * gets the same link back and a reminder can carry it, while the database keeps only a hash of it. The secret
 * comes from {@code LAGESBILD_SECRET} (set it, the same on every instance, in production); without it one is
 * drawn once and kept in the database (table {@code platform_secrets}), which makes a database dump enough to
 * compute links: docs/anonymity.md says what that means.
 */
@Singleton
public class DerivedTokens {

    private static final String NAME = "tokens";

    private final JdbcOperations jdbc;
    private final String configured;
    private volatile SecretKeySpec key;

    public DerivedTokens(JdbcOperations jdbc, @Nullable @Value("${lagesbild.secret:}") String configured) {
        this.jdbc = jdbc;
        this.configured = configured == null ? "" : configured.strip();
    }

    /** 256 bits, URL-safe Base64 without padding (43 characters), like {@link SecretToken#generate()}. */
    public String derive(String purpose, String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            byte[] bytes = mac.doFinal((purpose + "|" + subject).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            String secret = configured.isEmpty() ? storedSecret() : configured;
            current = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
            key = current;
        }
        return current;
    }

    /** The secret kept in the database, drawn by whichever request (on whichever instance) asks first. */
    private String storedSecret() {
        return jdbc.execute(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT IGNORE INTO platform_secrets (name, secret) VALUES (?, ?)")) {
                insert.setString(1, NAME);
                insert.setString(2, SecretToken.generate());
                insert.executeUpdate();
            }
            // A locking read sees the latest committed row: in a transaction older than another request's draw, a
            // plain read would see the transaction's snapshot, without the secret the INSERT IGNORE just deferred to.
            try (PreparedStatement select = connection.prepareStatement("SELECT secret FROM platform_secrets WHERE name = ? LOCK IN SHARE MODE")) {
                select.setString(1, NAME);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getString(1);
                }
            }
        });
    }
}
