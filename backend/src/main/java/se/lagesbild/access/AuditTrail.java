package se.lagesbild.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes and reads the audit trail: who created, changed, submitted, closed or deleted what. Actions are dotted
 * codes ({@code round.created}, {@code response.submitted}); the web app words them per language.
 */
@Singleton
public class AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final int MAX_DETAIL = 500;
    /** Stands for a person whose data was erased. */
    public static final String ERASED = "(borttagen)";
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final AuditEventRepository events;
    private final JdbcOperations jdbc;

    public AuditTrail(AuditEventRepository events, JdbcOperations jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    /** Records that the caller (null: the platform itself) did {@code action} to an entity of an organisation. */
    public void record(@Nullable Caller caller, @Nullable Long organisationId, String action, String entityType,
                       @Nullable Long entityId, @Nullable String detail) {
        jdbc.execute(connection -> {
            record(connection, caller, organisationId, action, entityType, entityId, detail);
            return null;
        });
    }

    /** {@link #record(Caller, Long, String, String, Long, String)} on this connection, inside its transaction. */
    public void record(Connection connection, @Nullable Caller caller, @Nullable Long organisationId, String action, String entityType,
                       @Nullable Long entityId, @Nullable String detail) throws SQLException {
        String shortDetail = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
        AuditRows.insert(connection, new AuditEvent(null, Instant.now().truncatedTo(ChronoUnit.MILLIS), organisationId,
                caller == null ? null : caller.userId(), caller == null ? null : caller.username(),
                action, entityType, entityId, shortDetail));
        LOG.info("audit {} {} {} by {} in organisation {}", action, entityType, entityId,
                caller == null ? "system" : caller.username(), organisationId);
    }

    /**
     * Counts an event that must not name who did it or when within the day (a response submitted where many
     * answer): one entry per thing and day (Swedish time), its detail the count, no user, no time of day.
     */
    public void countAnonymous(long organisationId, String action, String entityType, long entityId) {
        jdbc.execute(connection -> {
            countAnonymous(connection, organisationId, action, entityType, entityId);
            return null;
        });
    }

    /** {@link #countAnonymous(long, String, String, long)} on this connection, inside its transaction. */
    public void countAnonymous(Connection connection, long organisationId, String action, String entityType, long entityId)
            throws SQLException {
        Instant day = LocalDate.now(SWEDEN).atStartOfDay(SWEDEN).toInstant();
        if (!AuditRows.incrementCount(connection, action, entityType, entityId, day)) {
            AuditRows.insert(connection, new AuditEvent(null, day, organisationId, null, null, action, entityType, entityId, "1"));
        }
    }

    /** Every entry that names the person (by user id, or by name in the entry or its detail); userId -1 for none. */
    public List<AuditEvent> naming(long userId, String name) {
        return events.findNaming(userId, name);
    }

    /** Removes the person from the entries that name them; what was done stays, by "(borttagen)". */
    public int eraseNaming(long userId, String name) {
        List<AuditEvent> naming = events.findNaming(userId, name);
        for (AuditEvent event : naming) {
            boolean actor = (event.userId() != null && event.userId() == userId) || name.equalsIgnoreCase(event.username());
            events.update(new AuditEvent(event.id(), event.at(), event.organisationId(), actor ? null : event.userId(),
                    actor ? ERASED : event.username(), event.action(), event.entityType(), event.entityId(),
                    event.detail() == null ? null : event.detail().replace(name, ERASED)));
        }
        return naming.size();
    }

    /** The newest entries of an organisation first, at most {@code limit}. */
    public List<AuditEvent> ofOrganisation(long organisationId, int limit) {
        return ofOrganisation(organisationId, null, 0, limit);
    }

    /** One page (0-based) of an organisation's entries, newest first; {@code kind} keeps actions starting "kind." only. */
    public List<AuditEvent> ofOrganisation(long organisationId, @Nullable String kind, int page, int size) {
        Pageable pageable = Pageable.from(page, size, Sort.of(Sort.Order.desc("at"), Sort.Order.desc("id")));
        return kind == null ? events.findByOrganisationId(organisationId, pageable)
                : events.findByOrganisationIdAndActionStartsWith(organisationId, kind + ".", pageable);
    }
}
