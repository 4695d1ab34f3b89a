package se.lagesbild.round;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import se.lagesbild.access.AuditTrail;
import se.lagesbild.access.Caller;
import se.lagesbild.access.Permission;
import se.lagesbild.instrument.InstrumentCatalog;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.access.AccessPolicy;
import se.lagesbild.organisation.Organisations;
import se.lagesbild.system.ProblemException;
import se.lagesbild.system.Text;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Starting, listing and closing rounds; who may see or manage a round is its organisation's matter ({@link AccessPolicy}). */
@Singleton
public class RoundService {

    private final RoundRepository rounds;
    private final Organisations organisations;
    private final InstrumentCatalog instruments;
    private final AuditTrail audit;
    private final ApplicationEventPublisher<RoundClosed> closings;
    private final int anonymityThreshold;

    public RoundService(RoundRepository rounds, Organisations organisations, InstrumentCatalog instruments, AuditTrail audit,
                        ApplicationEventPublisher<RoundClosed> closings,
                        @Value("${lagesbild.anonymity-threshold:5}") int anonymityThreshold) {
        this.audit = audit;
        this.closings = closings;
        this.rounds = rounds;
        this.organisations = organisations;
        this.instruments = instruments;
        this.anonymityThreshold = anonymityThreshold;
    }

    /** Starts a round on the newest version of the instrument; the round keeps that version. */
    @Transactional
    public Round start(Caller caller, long organisationId, String instrumentCode, String label) {
        organisations.require(organisationId, caller, Permission.MANAGE);
        Round round = start(organisationId, instruments.latest(instrumentCode), label);
        audit.record(caller, organisationId, "round.created", "round", round.id(), round.instrumentCode() + " " + round.label());
        return round;
    }

    /** Starts a round on the given instrument version (an imported past round keeps the version it was answered on). */
    @Transactional
    public Round start(long organisationId, InstrumentDefinition instrument, String label) {
        organisations.require(organisationId);
        return rounds.save(new Round(null, organisationId, instrument.code(), instrument.version(), label.strip(),
                RoundStatus.OPEN, null, null));
    }

    public Round get(long roundId) {
        return rounds.findById(roundId).orElseThrow(() -> notFound(roundId));
    }

    /** The round, if the caller may do this with its organisation; otherwise 404 as if it did not exist. */
    public Round get(long roundId, Caller caller, Permission permission) {
        Round round = get(roundId);
        if (!AccessPolicy.permits(caller, permission, round.organisationId())) {
            throw notFound(roundId);
        }
        return round;
    }

    /**
     * The round, which cannot be closed before the transaction on this connection ends: an answer, a new response
     * or a submit that sees the round open is stored before a concurrent close, never after it.
     */
    public Round getOpenUntilCommit(Connection connection, long roundId) throws SQLException {
        return RoundRows.lockForShare(connection, List.of(roundId)).stream().findFirst().orElseThrow(() -> notFound(roundId));
    }

    /**
     * {@link #getOpenUntilCommit(Connection, long)} for several rounds at once (a batch of answers), by id; a
     * round that does not exist is missing from the map.
     */
    public Map<Long, Round> getOpenUntilCommit(Connection connection, Collection<Long> roundIds) throws SQLException {
        Map<Long, Round> byId = new HashMap<>();
        RoundRows.lockForShare(connection, roundIds).forEach(round -> byId.put(round.id(), round));
        return byId;
    }

    /** {@link #getOpenUntilCommit(Connection, long)}, if the caller may do this with the round's organisation; otherwise 404. */
    public Round getOpenUntilCommit(Connection connection, long roundId, Caller caller, Permission permission) throws SQLException {
        Round round = getOpenUntilCommit(connection, roundId);
        if (!AccessPolicy.permits(caller, permission, round.organisationId())) {
            throw notFound(roundId);
        }
        return round;
    }

    private static ProblemException notFound(long roundId) {
        return ProblemException.notFound(Text.of("round.unknown", roundId));
    }

    /** The organisation's rounds, newest first, if the caller may see them; otherwise 404. */
    public List<Round> ofOrganisation(Caller caller, long organisationId) {
        organisations.require(organisationId, caller, Permission.VIEW);
        return rounds.findByOrganisationIdOrderByCreatedAtDesc(organisationId);
    }

    /** All rounds of one organisation on one instrument, oldest first: its timeline (404 unless the caller may see them). */
    public List<Round> timeline(Caller caller, long organisationId, String instrumentCode) {
        organisations.require(organisationId, caller, Permission.VIEW);
        instruments.latest(instrumentCode);
        return rounds.findByOrganisationIdAndInstrumentCodeOrderByCreatedAtAsc(organisationId, instrumentCode);
    }

    /** Every organisation's newest round with this label on this instrument (e.g. all municipalities' 2025) that the caller may see. */
    public List<Round> withLabel(Caller caller, String instrumentCode, String label) {
        instruments.latest(instrumentCode);
        Map<Long, Round> newestPerOrganisation = new LinkedHashMap<>();
        rounds.findByInstrumentCodeAndLabelOrderByCreatedAtAsc(instrumentCode, label)
                .forEach(round -> newestPerOrganisation.put(round.organisationId(), round));
        return newestPerOrganisation.values().stream()
                .filter(round -> AccessPolicy.permits(caller, Permission.VIEW, round.organisationId())).toList();
    }

    /** Rounds closed before this moment (for erasing what is kept only while a round is open). */
    public List<Round> closedBefore(Instant moment) {
        return rounds.findByStatusAndClosedAtLessThan(RoundStatus.CLOSED, moment);
    }

    /** Group figures over fewer respondents than this are withheld (instruments with many respondents). */
    public int anonymityThreshold() {
        return anonymityThreshold;
    }

    /**
     * Closes the round; closing a closed round changes nothing and answers the same round. Two leads closing
     * at once: the round's row lock orders them, so both get the one closing time; the close waits for
     * answers in flight, and answers after it are refused (see {@link #getOpenUntilCommit(Connection, long)}).
     */
    @Transactional
    public Round close(long roundId, Caller caller) {
        Round round = rounds.findByIdForUpdate(roundId).filter(found -> AccessPolicy.permits(caller, Permission.MANAGE, found.organisationId()))
                .orElseThrow(() -> notFound(roundId));
        if (!round.acceptsAnswers()) {
            return round;
        }
        audit.record(caller, round.organisationId(), "round.closed", "round", round.id(), round.instrumentCode() + " " + round.label());
        Round closed = rounds.update(round.closed(Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        closings.publishEvent(new RoundClosed(closed.id(), closed.organisationId()));
        return closed;
    }
}
