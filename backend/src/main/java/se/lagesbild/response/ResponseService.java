package se.lagesbild.response;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import se.lagesbild.access.AccessPolicy;
import se.lagesbild.access.AuditTrail;
import se.lagesbild.access.Caller;
import se.lagesbild.access.Permission;
import se.lagesbild.instrument.AcceptedAnswers;
import se.lagesbild.instrument.InstrumentCatalog;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.round.Round;
import se.lagesbild.round.RoundService;
import se.lagesbild.system.GroupCommit;
import se.lagesbild.system.ProblemException;
import se.lagesbild.system.Text;
import se.lagesbild.system.Transactions;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Starting responses, saving answers one at a time as they are given, and submitting. */
@Singleton
public class ResponseService {

    private final ResponseRepository responses;
    private final AnswerRepository answers;
    private final RoundService rounds;
    private final InstrumentCatalog instruments;
    private final AuditTrail audit;
    private final RespondentKeys keys;
    private final AnswerRows answerRows;
    private final ResponseRows responseRows;
    private final Transactions transactions;

    public ResponseService(ResponseRepository responses, AnswerRepository answers, AnswerRows answerRows, ResponseRows responseRows,
                           RoundService rounds, InstrumentCatalog instruments, AuditTrail audit, RespondentKeys keys,
                           Transactions transactions) {
        this.transactions = transactions;
        this.answerRows = answerRows;
        this.responseRows = responseRows;
        this.audit = audit;
        this.keys = keys;
        this.responses = responses;
        this.answers = answers;
        this.rounds = rounds;
        this.instruments = instruments;
    }

    /**
     * Starts the caller's response. Where many answer, the response is the caller's own only through a key that
     * the platform derives from the account (no user id is stored with it), and a person has one response per
     * round: starting again answers the one they have. An administrator keying in answers (from paper) gets a new
     * response each time.
     */
    public Started start(long roundId, Caller caller, @Nullable String respondentRole) {
        return transactions.required(connection -> {
            Round round = rounds.getOpenUntilCommit(connection, roundId, caller, Permission.ANSWER);
            InstrumentDefinition instrument = openInstrument(round);
            if (!instrument.collectsManyRespondents()) {
                String role = checkedRole(instrument, respondentRole);
                return new Started(ResponseRows.insert(connection,
                        new Response(null, roundId, role, ResponseStatus.DRAFT, null, null, caller.userId(), null)), true);
            }
            String key = caller.admin() ? keys.unattached() : keys.ofAccount(caller.userId(), roundId);
            return startWithKey(connection, round, instrument, key, respondentRole);
        });
    }

    /** Starts the response of whoever holds the token (a survey link): one response per token, ever. */
    public Started startWithToken(long roundId, String token, @Nullable String respondentRole) {
        return transactions.required(connection -> {
            Round round = rounds.getOpenUntilCommit(connection, roundId);
            return startWithKey(connection, round, openInstrument(round), keys.ofToken(token), respondentRole);
        });
    }

    /** A response, and whether this call created it (false: the one the person already had). */
    public record Started(Response response, boolean created) {
    }

    private Started startWithKey(Connection connection, Round round, InstrumentDefinition instrument, String key,
                                 @Nullable String respondentRole) throws SQLException {
        Optional<Response> existing = ResponseRows.findByRespondentKey(connection, key);
        if (existing.isPresent()) {
            return new Started(existing.get(), false);
        }
        String role = checkedRole(instrument, respondentRole);
        return new Started(ResponseRows.insert(connection,
                new Response(null, round.id(), role, ResponseStatus.DRAFT, null, null, null, key)), true);
    }

    private InstrumentDefinition openInstrument(Round round) {
        if (!round.acceptsAnswers()) {
            throw ProblemException.conflict(Text.of("round.closed", round.label()));
        }
        return instruments.version(round.instrumentCode(), round.instrumentVersion());
    }

    private static String checkedRole(InstrumentDefinition instrument, @Nullable String respondentRole) {
        String role = blankToNull(respondentRole);
        if (!instrument.acceptsRespondentRole(role)) {
            throw ProblemException.badRequest("respondentRole", instrument.asksForRespondentRole()
                    ? Text.of("response.choose-role", instrument.describeRespondentRoles())
                    : Text.of("response.no-role", instrument.titled()));
        }
        return role;
    }

    /** The caller's own response (404 for anyone else's, as if it did not exist). */
    public Response get(long responseId, Caller caller) {
        return responseRows.find(responseId).filter(response -> owns(caller, response)).orElseThrow(() -> notFound(responseId));
    }

    /** How many responses a round has: started (drafts and submitted) and submitted. */
    public record Counts(long started, long submitted) {
    }

    public Counts counts(long roundId) {
        return new Counts(responses.countByRoundId(roundId), responses.countByRoundIdAndStatus(roundId, ResponseStatus.SUBMITTED));
    }

    /** Submitted responses per respondent role (roles in the instrument's terms), for the participation panel. */
    public Map<String, Long> submittedByRole(long roundId) {
        Map<String, Long> byRole = new LinkedHashMap<>();
        responses.findByRoundIdAndStatus(roundId, ResponseStatus.SUBMITTED).forEach(response -> {
            if (response.respondentRole() != null) {
                byRole.merge(response.respondentRole(), 1L, Long::sum);
            }
        });
        return byRole;
    }

    /** The response answered with this token, if one was started. */
    public Optional<Response> ofToken(String token) {
        return responseRows.findByRespondentKey(keys.ofToken(token));
    }

    /** Whether the response is the caller's: by its user, or by the key the platform derives from the caller's account. */
    private boolean owns(Caller caller, Response response) {
        Long owner = response.userId();
        if (owner == null && response.respondentKey() != null
                && response.respondentKey().equals(keys.ofAccount(caller.userId(), response.roundId()))) {
            owner = caller.userId();
        }
        return AccessPolicy.permitsOwn(caller, owner);
    }

    public List<Answer> answers(long responseId) {
        return answerRows.ofResponse(responseId);
    }

    /** A round's submitted responses with all their answers, for the raw export; access is the exporter's to check. */
    public record Submitted(List<Response> responses, List<Answer> answers) {
    }

    public Submitted submitted(long roundId) {
        return new Submitted(responses.findByRoundIdAndStatus(roundId, ResponseStatus.SUBMITTED), answers.findSubmittedByRound(roundId));
    }

    /** A round's responses: one's own where many answer; otherwise all of them for its project leads, one's own for the rest. */
    public List<ResponseSummary> summaries(long roundId, Caller caller) {
        Round round = rounds.get(roundId, caller, Permission.VIEW);
        if (instruments.version(round.instrumentCode(), round.instrumentVersion()).collectsManyRespondents()) {
            // Where many answer, nobody sees a list of individual responses, a lead or an administrator neither.
            return responses.summariesByRespondentKey(keys.ofAccount(caller.userId(), roundId));
        }
        return AccessPolicy.permits(caller, Permission.MANAGE, round.organisationId())
                ? responses.summariesByRound(roundId) : responses.summariesByRoundAndUser(roundId, caller.userId());
    }

    /**
     * Saves one answer alone, in a transaction of its own (what a batch falls back to when it fails as a whole),
     * exactly as {@link #saveAnswers} saves it in a batch: checks, in order, the item exists in the round's
     * instrument version (404), the value is on its scale (400), the response is still a draft in an open round
     * (409). Answers sent late (from a browser that was offline) never double or revert anything: a request
     * repeated with the same idempotency key changes nothing, and an answer chosen before the stored one is not
     * applied. Either way the stored answer is returned.
     */
    SavedAnswer saveAlone(AnswerSave save) {
        GroupCommit.Outcome<SavedAnswer> outcome = transactions.required(connection -> saveAnswers(connection, List.of(save)).get(0));
        if (outcome.refused() != null) {
            throw outcome.refused();
        }
        return outcome.stored();
    }

    /**
     * What saving one answer does, given the response (locked), its round (share-locked) and the answer stored
     * now: the checks of {@link #saveAlone} in their order,
     * and the answer to store (applied) or the stored one to answer with (not applied). Stores nothing.
     */
    private SavedAnswer decide(Response response, Round round, Optional<Answer> stored, String itemCode, @Nullable Integer value,
                               @Nullable String comment, @Nullable Instant answeredAt, @Nullable String idempotencyKey) {
        InstrumentDefinition instrument = instruments.version(round.instrumentCode(), round.instrumentVersion());
        AcceptedAnswers.require(instrument, itemCode, value);
        if (stored.isPresent() && idempotencyKey != null && idempotencyKey.equals(stored.get().idempotencyKey())) {
            return new SavedAnswer(stored.get(), false);
        }
        requireEditable(response, round);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant chosenAt = answeredAt == null || answeredAt.isAfter(now) ? now : answeredAt.truncatedTo(ChronoUnit.MILLIS);
        if (stored.isPresent() && stored.get().answeredAt() != null && chosenAt.isBefore(stored.get().answeredAt())) {
            return new SavedAnswer(stored.get(), false);
        }
        String cleanComment = blankToNull(comment);
        return new SavedAnswer(new Answer(stored.map(Answer::id).orElse(null), response.id(), itemCode, value, cleanComment, now,
                chosenAt, idempotencyKey), true);
    }

    /**
     * One answer to save: for a signed-in caller by response id, or for the holder of a survey token (then caller
     * is null and responseId unused).
     */
    public record AnswerSave(@Nullable Caller caller, long responseId, @Nullable String token, String itemCode, @Nullable Integer value,
                             @Nullable String comment, @Nullable Instant answeredAt, @Nullable String idempotencyKey) {

        public static AnswerSave of(Caller caller, long responseId, String itemCode, @Nullable Integer value, @Nullable String comment,
                                    @Nullable Instant answeredAt, @Nullable String idempotencyKey) {
            return new AnswerSave(caller, responseId, null, itemCode, value, comment, answeredAt, idempotencyKey);
        }

        public static AnswerSave withToken(String token, String itemCode, @Nullable Integer value, @Nullable String comment,
                                           @Nullable Instant answeredAt, @Nullable String idempotencyKey) {
            return new AnswerSave(null, 0, token, itemCode, value, comment, answeredAt, idempotencyKey);
        }
    }

    /**
     * Saves many answers in one transaction, each exactly as {@link #saveAlone} would one after the other in the
     * given order (a later save of the same item sees the earlier one), with a statement for all of them at each
     * step: the responses locked (in id order), their rounds share-locked, their stored answers read, the applied
     * answers upserted in one statement. A save that is refused (not the caller's, unknown item, a value off the
     * scale, submitted or closed) is refused alone; a failure of the database fails the whole batch, which then
     * commits nothing. Runs on the given connection, inside its transaction, which the caller commits or rolls
     * back ({@link AnswerWriter}: a connection that is never in autocommit, so a batch costs no {@code SET
     * autocommit} before and after).
     *
     * @return one outcome per save, in the given order
     */
    List<GroupCommit.Outcome<SavedAnswer>> saveAnswers(Connection connection, List<AnswerSave> saves) throws SQLException {
        TreeSet<Long> responseIds = new TreeSet<>();
        TreeSet<String> respondentKeys = new TreeSet<>();
        TreeSet<String> itemCodes = new TreeSet<>();
        List<String> keyOfSave = new ArrayList<>(saves.size());
        for (AnswerSave save : saves) {
            String respondentKey = save.token() == null ? null : keys.ofToken(save.token());
            keyOfSave.add(respondentKey);
            if (respondentKey == null) {
                responseIds.add(save.responseId());
            } else {
                respondentKeys.add(respondentKey);
            }
            itemCodes.add(save.itemCode());
        }
        Map<Long, Response> locked = new HashMap<>();
        Map<String, Response> lockedByKey = new HashMap<>();
        if (!responseIds.isEmpty()) {
            ResponseRows.lockByIds(connection, responseIds).forEach(response -> locked.put(response.id(), response));
        }
        if (!respondentKeys.isEmpty()) {
            ResponseRows.lockByRespondentKeys(connection, respondentKeys).forEach(response -> {
                lockedByKey.put(response.respondentKey(), response);
                locked.put(response.id(), response);
            });
        }
        Map<Long, Round> roundsById = locked.isEmpty() ? Map.of()
                : rounds.getOpenUntilCommit(connection, locked.values().stream().map(Response::roundId).collect(Collectors.toCollection(TreeSet::new)));
        Map<AnswerKey, Answer> stored = new HashMap<>();
        if (!locked.isEmpty()) {
            answerRows.of(connection, new TreeSet<>(locked.keySet()), itemCodes)
                    .forEach(answer -> stored.put(new AnswerKey(answer.responseId(), answer.itemCode()), answer));
        }
        Map<AnswerKey, Answer> toStore = new TreeMap<>();
        List<GroupCommit.Outcome<SavedAnswer>> outcomes = new ArrayList<>(saves.size());
        for (int i = 0; i < saves.size(); i++) {
            AnswerSave save = saves.get(i);
            try {
                Response response = keyOfSave.get(i) != null
                        ? Optional.ofNullable(lockedByKey.get(keyOfSave.get(i))).orElseThrow(ResponseService::notStarted)
                        : Optional.ofNullable(locked.get(save.responseId())).filter(found -> owns(save.caller(), found))
                        .orElseThrow(() -> notFound(save.responseId()));
                Round round = Optional.ofNullable(roundsById.get(response.roundId())).orElseThrow(() -> roundNotFound(response.roundId()));
                AnswerKey key = new AnswerKey(response.id(), save.itemCode());
                SavedAnswer saved = decide(response, round, Optional.ofNullable(stored.get(key)), save.itemCode(), save.value(),
                        save.comment(), save.answeredAt(), save.idempotencyKey());
                if (saved.applied()) {
                    stored.put(key, saved.answer());
                    toStore.put(key, saved.answer());
                }
                outcomes.add(GroupCommit.Outcome.of(saved));
            } catch (ProblemException refused) {
                outcomes.add(GroupCommit.Outcome.refusedWith(refused));
            }
        }
        answerRows.upsert(connection, new ArrayList<>(toStore.values()));
        return outcomes;
    }

    /** A response's answer to an item, ordered as the answers' unique index (response_id, item_code). */
    private record AnswerKey(long responseId, String itemCode) implements Comparable<AnswerKey> {
        @Override
        public int compareTo(AnswerKey other) {
            int byResponse = Long.compare(responseId, other.responseId);
            return byResponse != 0 ? byResponse : itemCode.compareTo(other.itemCode);
        }
    }

    /** The answer now stored for an item, and whether this request changed it. */
    public record SavedAnswer(Answer answer, boolean applied) {
    }

    /** Submits the response; submitting one that is already submitted answers the same result. */
    public Response submit(long responseId, Caller caller) {
        return transactions.required(connection -> submit(connection, ResponseRows.lockByIds(connection, List.of(responseId)).stream()
                .findFirst().filter(found -> owns(caller, found)).orElseThrow(() -> notFound(responseId)), caller));
    }

    /** Submits the response of the holder of a survey token; again answers the same result. */
    public Response submitWithToken(String token) {
        return transactions.required(connection -> submit(connection, ResponseRows.lockByRespondentKeys(connection,
                List.of(keys.ofToken(token))).stream().findFirst().orElseThrow(ResponseService::notStarted), null));
    }

    /**
     * Where many answer, the audit trail counts submitted responses per round and day and names nobody: no
     * response id, no user, no time of day, so nothing in it pairs a person with a response.
     */
    private Response submit(Connection connection, Response response, @Nullable Caller caller) throws SQLException {
        if (response.status() == ResponseStatus.SUBMITTED) {
            return response;
        }
        Round round = rounds.getOpenUntilCommit(connection, response.roundId());
        if (!round.acceptsAnswers()) {
            throw ProblemException.conflict(Text.of("response.round-closed-on-submit", round.label()));
        }
        if (response.respondentKey() != null) {
            audit.countAnonymous(connection, round.organisationId(), "response.submitted", "round", round.id());
        } else {
            audit.record(connection, caller, round.organisationId(), "response.submitted", "response", response.id(), null);
        }
        return ResponseRows.markSubmitted(connection, response, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * Stores responses given outside the platform (a past round read from a spreadsheet) in the round as
     * submitted, every answer chosen and submitted at the given moment. The caller has checked them against
     * the round's instrument version with the same rules as {@link #start} and {@link #saveAlone}
     * ({@link InstrumentDefinition#acceptsRespondentRole}, {@link InstrumentDefinition#check}).
     *
     * @return the number of answers stored
     */
    @Transactional
    public int storeSubmitted(long roundId, List<GivenResponse> given, Instant at) {
        List<Response> saved = responses.saveAll(given.stream()
                .map(response -> new Response(null, roundId, response.respondentRole(), ResponseStatus.SUBMITTED, null, at, null, null))
                .toList());
        List<Answer> toSave = new ArrayList<>();
        for (int i = 0; i < saved.size(); i++) {
            long responseId = saved.get(i).id();
            for (GivenResponse.GivenAnswer answer : given.get(i).answers()) {
                toSave.add(new Answer(null, responseId, answer.itemCode(), answer.value(), blankToNull(answer.comment()), at, at, null));
            }
        }
        answers.saveAll(toSave);
        return toSave.size();
    }

    private static void requireEditable(Response response, Round round) {
        if (response.status() == ResponseStatus.SUBMITTED) {
            throw ProblemException.conflict(Text.of("response.already-submitted"));
        }
        if (!round.acceptsAnswers()) {
            throw ProblemException.conflict(Text.of("round.closed", round.label()));
        }
    }

    private static ProblemException notStarted() {
        return ProblemException.conflict(Text.of("response.not-started"));
    }

    private static ProblemException roundNotFound(long roundId) {
        return ProblemException.notFound(Text.of("round.unknown", roundId));
    }

    private static ProblemException notFound(long responseId) {
        return ProblemException.notFound(Text.of("response.unknown", responseId));
    }

    private static String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
