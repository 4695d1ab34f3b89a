package se.lagesbild.system;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;

/**
 * Counts attempts per bucket (a login name, a client address, …) in fixed time windows, in the database, so that
 * every app instance counts together and a restart forgives nothing. The database's clock is the only clock.
 */
@Singleton
public class RateLimiter {

    private static final String HIT = """
            INSERT INTO rate_limits (bucket, window_start, hits) VALUES (?, NOW(3), 1)
            ON DUPLICATE KEY UPDATE
              hits = IF(window_start <= NOW(3) - INTERVAL ? MICROSECOND, 1, hits + 1),
              window_start = IF(window_start <= NOW(3) - INTERVAL ? MICROSECOND, NOW(3), window_start)""";

    private static final String READ = """
            SELECT hits, TIMESTAMPDIFF(MICROSECOND, NOW(3), window_start + INTERVAL ? MICROSECOND)
            FROM rate_limits WHERE bucket = ?""";

    private final JdbcOperations jdbc;

    public RateLimiter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A limit: at most {@code attempts} per {@code window}. */
    public record Limit(int attempts, Duration window) {
    }

    /** How long the bucket stays closed, when it has used up its limit in the current window. */
    public Optional<Duration> closedFor(String bucket, Limit limit) {
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(READ)) {
                statement.setLong(1, micros(limit.window()));
                statement.setString(2, bucket);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next() || row.getInt(1) < limit.attempts() || row.getLong(2) <= 0) {
                        return Optional.empty();
                    }
                    return Optional.of(Duration.ofNanos(row.getLong(2) * 1000));
                }
            }
        });
    }

    /**
     * Counts one attempt in the bucket's current window (a new window when the last one has passed). In a
     * transaction of its own: a failed attempt still counts when the request's own transaction rolls back.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public void count(String bucket, Limit limit) {
        jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(HIT)) {
                statement.setString(1, bucket);
                statement.setLong(2, micros(limit.window()));
                statement.setLong(3, micros(limit.window()));
                return statement.executeUpdate();
            }
        });
    }

    /** Counts the attempt, then refuses it with 429 if the bucket is now over its limit. */
    public void acquire(String bucket, Limit limit, Text detail) {
        count(bucket, limit);
        closedFor(bucket, new Limit(limit.attempts() + 1, limit.window()))
                .ifPresent(wait -> {
                    throw ProblemException.tooManyRequests(detail, wait);
                });
    }

    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public void forget(String bucket) {
        jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("DELETE FROM rate_limits WHERE bucket = ?")) {
                statement.setString(1, bucket);
                return statement.executeUpdate();
            }
        });
    }

    /** Windows last minutes, never a day: older counters count for nothing, so they go now and then. */
    @Scheduled(fixedDelay = "10m", initialDelay = "1m")
    void forgetOldWindows() {
        jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "DELETE FROM rate_limits WHERE window_start < NOW(3) - INTERVAL 1 DAY")) {
                return statement.executeUpdate();
            }
        });
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1000;
    }
}
