package se.lagesbild.round;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import se.lagesbild.access.AuditTrail;
import se.lagesbild.access.Caller;
import se.lagesbild.access.Permission;
import se.lagesbild.instrument.InstrumentCatalog;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.organisation.OrganisationController;
import se.lagesbild.organisation.OrganisationRepository;
import se.lagesbild.response.SubmittedAnswer;
import se.lagesbild.response.SubmittedAnswers;
import se.lagesbild.scoring.RoundScores;
import se.lagesbild.scoring.RoundScoring;
import se.lagesbild.scoring.ScoredResponse;
import se.lagesbild.system.ProblemException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Starting, listing and closing rounds, and scoring them. */
@Singleton
public class RoundService {

    private final RoundRepository rounds;
    private final OrganisationRepository organisations;
    private final SubmittedAnswers submittedAnswers;
    private final InstrumentCatalog instruments;
    private final AuditTrail audit;
    private final int anonymityThreshold;

    public RoundService(RoundRepository rounds, OrganisationRepository organisations, SubmittedAnswers submittedAnswers,
                        InstrumentCatalog instruments, AuditTrail audit,
                        @Value("${lagesbild.anonymity-threshold:5}") int anonymityThreshold) {
        this.audit = audit;
        this.rounds = rounds;
        this.organisations = organisations;
        this.submittedAnswers = submittedAnswers;
        this.instruments = instruments;
        this.anonymityThreshold = anonymityThreshold;
    }

    /** Starts a round on the newest version of the instrument; the round keeps that version. */
    @Transactional
    public Round start(Caller caller, long organisationId, String instrumentCode, String label) {
        requireOrganisation(organisationId, caller, Permission.MANAGE);
        Round round = start(organisationId, instruments.latest(instrumentCode), label);
        audit.record(caller, organisationId, "round.created", "round", round.id(), round.instrumentCode() + " " + round.label());
        return round;
    }

    /** Starts a round on the given instrument version (an imported past round keeps the version it was answered on). */
    @Transactional
    public Round start(long organisationId, InstrumentDefinition instrument, String label) {
        requireOrganisation(organisationId);
        return rounds.save(new Round(null, organisationId, instrument.code(), instrument.version(), label.strip(),
                RoundStatus.OPEN, null, null));
    }

    /** Answers 404 for an organisation that does not exist. */
    public void requireOrganisation(long organisationId) {
        if (!organisations.existsById(organisationId)) {
            throw OrganisationController.notFound(organisationId);
        }
    }

    public Round get(long roundId) {
        return rounds.findById(roundId).orElseThrow(() -> notFound(roundId));
    }

    /** The round, if the caller may do this with its organisation; otherwise 404 as if it did not exist. */
    public Round get(long roundId, Caller caller, Permission permission) {
        Round round = get(roundId);
        if (!caller.may(permission, round.organisationId())) {
            throw notFound(roundId);
        }
        return round;
    }

    /** Answers 404 for an organisation that does not exist or that the caller may not do this with. */
    public void requireOrganisation(long organisationId, Caller caller, Permission permission) {
        requireOrganisation(organisationId);
        if (!caller.may(permission, organisationId)) {
            throw OrganisationController.notFound(organisationId);
        }
    }

    /**
     * The round, which cannot be closed before the caller's transaction ends: an answer, a new response or a
     * submit that sees the round open is stored before a concurrent close, never after it.
     */
    public Round getOpenUntilCommit(long roundId) {
        return rounds.findByIdForShare(roundId).orElseThrow(() -> notFound(roundId));
    }

    /** {@link #getOpenUntilCommit(long)}, if the caller may do this with the round's organisation; otherwise 404. */
    public Round getOpenUntilCommit(long roundId, Caller caller, Permission permission) {
        Round round = getOpenUntilCommit(roundId);
        if (!caller.may(permission, round.organisationId())) {
            throw notFound(roundId);
        }
        return round;
    }

    private static ProblemException notFound(long roundId) {
        return ProblemException.notFound("Omgången med id " + roundId + " finns inte.");
    }

    public List<Round> ofOrganisation(long organisationId) {
        requireOrganisation(organisationId);
        return rounds.findByOrganisationIdOrderByCreatedAtDesc(organisationId);
    }

    /** All rounds of one organisation on one instrument, oldest first: its timeline. */
    public List<Round> timeline(long organisationId, String instrumentCode) {
        if (!organisations.existsById(organisationId)) {
            throw OrganisationController.notFound(organisationId);
        }
        instruments.latest(instrumentCode);
        return rounds.findByOrganisationIdAndInstrumentCodeOrderByCreatedAtAsc(organisationId, instrumentCode);
    }

    /** Every organisation's newest round with this label on this instrument (e.g. all municipalities' 2025). */
    public List<Round> withLabel(String instrumentCode, String label) {
        instruments.latest(instrumentCode);
        Map<Long, Round> newestPerOrganisation = new java.util.LinkedHashMap<>();
        rounds.findByInstrumentCodeAndLabelOrderByCreatedAtAsc(instrumentCode, label)
                .forEach(round -> newestPerOrganisation.put(round.organisationId(), round));
        return List.copyOf(newestPerOrganisation.values());
    }

    /** Group figures over fewer respondents than this are withheld (instruments with many respondents). */
    public int anonymityThreshold() {
        return anonymityThreshold;
    }

    /**
     * Closes the round; closing a closed round changes nothing and answers the same round. Two leads closing
     * at once: the round's row lock orders them, so both get the one closing time; the close waits for
     * answers in flight, and answers after it are refused (see {@link #getOpenUntilCommit}).
     */
    @Transactional
    public Round close(long roundId, Caller caller) {
        Round round = rounds.findByIdForUpdate(roundId).filter(found -> caller.may(Permission.MANAGE, found.organisationId()))
                .orElseThrow(() -> notFound(roundId));
        if (!round.acceptsAnswers()) {
            return round;
        }
        audit.record(caller, round.organisationId(), "round.closed", "round", round.id(), round.instrumentCode() + " " + round.label());
        return rounds.update(round.closed(Instant.now().truncatedTo(ChronoUnit.MILLIS)));
    }

    public RoundScores scores(Round round) {
        InstrumentDefinition instrument = instruments.version(round.instrumentCode(), round.instrumentVersion());
        Map<Long, ScoredResponse> submitted = new LinkedHashMap<>();
        for (SubmittedAnswer answer : submittedAnswers.ofRound(round.id())) {
            Map<String, Integer> answered = submitted.computeIfAbsent(answer.responseId(),
                    id -> new ScoredResponse(answer.respondentRole(), new HashMap<>())).answers();
            if (answer.itemCode() != null) {
                answered.put(answer.itemCode(), answer.value());
            }
        }
        return RoundScoring.score(instrument, List.copyOf(submitted.values()), anonymityThreshold);
    }

}
