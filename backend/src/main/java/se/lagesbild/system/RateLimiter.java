package se.lagesbild.system;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

/**
 * Counts hits per key (such as "workshop-code:" plus a client address) in fixed time windows, in the
 * database, so that every instance of the app sees the same counts: a client cannot get around a limit by
 * reaching another instance. Callers decide what a hit is: a workshop join counts wrong codes, a login
 * would count failed passwords. A fixed window lets at most twice the limit through around a window's
 * edge, which is enough against guessing.
 */
@Singleton
public class RateLimiter {

    static final String HIT = """
            INSERT INTO rate_limit_hits (limit_key, window_start, hits, expires_at) VALUES (?, ?, 1, ?)
            ON DUPLICATE KEY UPDATE hits = hits + 1""";
    static final String COUNT = "SELECT hits FROM rate_limit_hits WHERE limit_key = ? AND window_start = ?";
    static final String FORGET = "DELETE FROM rate_limit_hits WHERE expires_at < ?";

    private final JdbcOperations jdbc;

    public RateLimiter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A limit: at most {@code limit} hits per {@code window}. */
    public record Limit(int limit, Duration window) {
        public Limit {
            if (limit < 1 || window.toMillis() < 1000) {
                throw new IllegalArgumentException("A rate limit needs at least one hit per second or longer: " + limit + " per " + window);
            }
        }
    }

    /**
     * Refuses with 429 (and Retry-After) when the key already has the limit's number of hits in the current
     * window; counts nothing itself.
     *
     * @param detail what the person is told, in Swedish, e.g. "För många felaktiga koder"
     */
    public void requireBelow(String key, Limit limit, String detail) {
        long now = System.currentTimeMillis();
        long windowStart = windowStart(now, limit);
        int hits = jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(COUNT)) {
                statement.setString(1, key);
                statement.setLong(2, windowStart);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? rows.getInt(1) : 0;
                }
            }
        });
        if (hits >= limit.limit()) {
            long retryAfterSeconds = Math.max(1, (windowStart + limit.window().toMillis() - now + 999) / 1000);
            throw new RateLimitedException(detail + " Försök igen om " + retryAfterSeconds + " sekunder.", retryAfterSeconds);
        }
    }

    /** Counts one hit for the key in the current window. */
    public void hit(String key, Limit limit) {
        long now = System.currentTimeMillis();
        long windowStart = windowStart(now, limit);
        jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(HIT)) {
                statement.setString(1, key);
                statement.setLong(2, windowStart);
                statement.setLong(3, windowStart + limit.window().toMillis());
                return statement.executeUpdate();
            }
        });
    }

    /** Windows that have ended count for nothing: forget them now and then. */
    @Scheduled(fixedDelay = "10m", initialDelay = "1m")
    void forgetEndedWindows() {
        long now = System.currentTimeMillis();
        jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(FORGET)) {
                statement.setLong(1, now);
                return statement.executeUpdate();
            }
        });
    }

    private static long windowStart(long now, Limit limit) {
        long window = limit.window().toMillis();
        return now - Math.floorMod(now, window);
    }
}
