package se.lagesbild.system;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.DatabaseTest;
import se.lagesbild.support.TestDatabase;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * On a fresh database without a configured secret, the first requests race to draw the platform secret. One
 * whose transaction began before another stored it must still find that secret, not fail (it answered 500: the
 * benchmark's first concurrent answer saves met it), and must use the stored one.
 */
@MicronautTest(transactional = false)
class DerivedTokensSecretRaceApiTest extends DatabaseTest {

    @Inject
    DerivedTokens tokens;

    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    protected String isolatedSchema() {
        return "secret_race";
    }

    @Test
    void aTransactionOlderThanTheStoredSecretFindsIt() throws Exception {
        Map<String, Object> database = new HashMap<>(getProperties());
        try (Connection other = TestDatabase.connect(database);
             PreparedStatement clear = other.prepareStatement("DELETE FROM platform_secrets")) {
            clear.executeUpdate();
        }
        String derived = transactions.executeWrite(status -> {
            try (PreparedStatement read = status.getConnection().prepareStatement("SELECT COUNT(*) FROM platform_secrets");
                 ResultSet rows = read.executeQuery()) {
                rows.next();
                assertEquals(0, rows.getInt(1), "this transaction's snapshot has no secret yet");
            }
            // Another instance, or another request, draws the secret now and commits.
            try (Connection other = TestDatabase.connect(database);
                 PreparedStatement insert = other.prepareStatement("INSERT INTO platform_secrets (name, secret) VALUES ('tokens', ?)")) {
                insert.setString(1, "the secret another request drew");
                insert.executeUpdate();
            }
            return tokens.derive("purpose", "subject");
        });
        assertEquals(hmac("the secret another request drew", "purpose|subject"), derived);
    }

    private static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
