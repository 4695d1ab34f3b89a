package se.lagesbild.system;

import io.micronaut.core.annotation.Nullable;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Moments in and out of DATETIME columns for the hand-written statements of the answer path (a batch of answer
 * saves, a response's answers), as the local date and time in UTC: the value Connector/J stores for an
 * {@link Instant} (a {@link java.sql.Timestamp}) on the connection's time zone, which is always UTC here
 * ({@code connectionTimeZone} in application.yml), so rows written either way read back the same either way
 * ({@code JdbcTimeApiTest}). It skips the driver's {@code Timestamp} conversion, which builds a
 * {@code SimpleDateFormat} or a {@code Calendar} for every value and was a tenth of an answer save's
 * CPU (bench/README.md).
 */
public final class JdbcTime {

    private JdbcTime() {
    }

    /** Binds the moment, or SQL NULL. */
    public static void bind(PreparedStatement statement, int index, @Nullable Instant moment) throws SQLException {
        if (moment == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setObject(index, LocalDateTime.ofInstant(moment, ZoneOffset.UTC));
        }
    }

    /** The column's moment, or null. */
    @Nullable
    public static Instant read(ResultSet rows, int column) throws SQLException {
        LocalDateTime local = rows.getObject(column, LocalDateTime.class);
        return local == null ? null : local.toInstant(ZoneOffset.UTC);
    }
}
