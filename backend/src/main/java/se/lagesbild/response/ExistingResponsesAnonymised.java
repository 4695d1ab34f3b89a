package se.lagesbild.response;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.lagesbild.instrument.InstrumentCatalog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Responses of instruments answered by many that were stored before anonymity held (with the user's id) are
 * moved, once at start-up, to the key the platform derives from the account: the person still finds their own
 * response, and the database no longer joins a user to it. A second response of one person in a round (which
 * was possible then) keeps its answers under a key nobody can reach.
 */
@Singleton
public class ExistingResponsesAnonymised {

    private static final Logger LOG = LoggerFactory.getLogger(ExistingResponsesAnonymised.class);

    private final JdbcOperations jdbc;
    private final InstrumentCatalog instruments;
    private final RespondentKeys keys;

    public ExistingResponsesAnonymised(JdbcOperations jdbc, InstrumentCatalog instruments, RespondentKeys keys) {
        this.jdbc = jdbc;
        this.instruments = instruments;
        this.keys = keys;
    }

    private record Owned(long id, long userId, long roundId, String instrumentCode, int instrumentVersion) {
    }

    @EventListener
    @Transactional
    void onStartup(StartupEvent event) {
        List<Owned> owned = jdbc.prepareStatement("""
                SELECT r.id, r.user_id, r.round_id, rd.instrument_code, rd.instrument_version
                FROM responses r JOIN rounds rd ON rd.id = r.round_id WHERE r.user_id IS NOT NULL ORDER BY r.id FOR UPDATE""",
                statement -> {
                    List<Owned> found = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            found.add(new Owned(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getString(4), rows.getInt(5)));
                        }
                    }
                    return found;
                });
        Set<String> taken = new HashSet<>();
        int moved = 0;
        for (Owned response : owned) {
            if (!instruments.version(response.instrumentCode(), response.instrumentVersion()).collectsManyRespondents()) {
                continue;
            }
            String key = keys.ofAccount(response.userId(), response.roundId());
            if (!taken.add(key) || keyInUse(key)) {
                key = keys.unattached();
            }
            String chosen = key;
            jdbc.prepareStatement("UPDATE responses SET user_id = NULL, respondent_key = ? WHERE id = ?", (PreparedStatement statement) -> {
                statement.setString(1, chosen);
                statement.setLong(2, response.id());
                return statement.executeUpdate();
            });
            moved++;
        }
        if (moved > 0) {
            LOG.info("Anonymised {} earlier responses of instruments answered by many (no user id is kept with them now)", moved);
        }
    }

    private boolean keyInUse(String key) {
        return jdbc.prepareStatement("SELECT 1 FROM responses WHERE respondent_key = ?", statement -> {
            statement.setString(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        });
    }
}
