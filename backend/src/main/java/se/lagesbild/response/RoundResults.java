package se.lagesbild.response;

import jakarta.inject.Singleton;
import se.lagesbild.instrument.InstrumentCatalog;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.round.Round;
import se.lagesbild.round.RoundService;
import se.lagesbild.scoring.RoundScores;
import se.lagesbild.scoring.RoundScoring;
import se.lagesbild.scoring.RoundTally;
import se.lagesbild.scoring.ScoredResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;

/**
 * A round's scores, on the instrument version the round keeps. Per round it keeps which responses were
 * submitted, their {@link RoundTally} and the scores, while the round's set of submitted responses stays the
 * same (checked on every call with one small query, {@link SubmittedAnswers#fingerprint}); a closed round, or an
 * open one between two submits, is scored once and not for every comparison, timeline or export that shows it.
 * When a submit has changed the set, only the responses new since the kept ones are read and added to the tally
 * (a few rows, not the round's 100,000 answers at 5,000 respondents: bench/README.md); when one of the kept
 * responses is gone, the round is read and scored from scratch.
 *
 * <p>The new responses are found cheaply when possible: those submitted since the kept ones were read (less
 * {@link #SUBMIT_MARGIN}), taken only if with the kept ones they make up the set the fingerprint describes; else
 * the ids of all the round's submitted responses, read from an index.
 *
 * <p>Memory: what is kept is bounded by {@link #MAX_KEPT_BYTES}, estimated from the responses' ids and the
 * tallies' entries; past it, whole rounds are forgotten, least recently asked for first.
 */
@Singleton
public class RoundResults {

    /**
     * About how much memory the kept rounds take at most: 64 MB. On a 20-item instrument with three roles that is
     * some 850 rounds of 50 respondents (about 750 tally entries, 75 KB each), or some 170 rounds of 5,000 (40 KB of
     * ids and up to about 4,000 tally entries, 375 KB each).
     */
    private static final long MAX_KEPT_BYTES = 64L * 1024 * 1024;

    /**
     * Estimated bytes per kept response id (a long in an array), per tally entry (a tree map entry and its boxes), and
     * per round for the rest (its scores, the maps themselves).
     */
    private static final long BYTES_PER_ID = 8;
    private static final long BYTES_PER_TALLY_ENTRY = 80;
    private static final long BYTES_PER_ROUND = 16 * 1024;

    /**
     * How long before the kept responses were read a response that was not among them may have been submitted, by
     * its {@code submitted_at}: the time from reading the clock at submit to the commit, plus the difference between
     * instances' clocks. A response outside it is still found, by the fingerprint check, at the cost of the index read.
     */
    private static final Duration SUBMIT_MARGIN = Duration.ofMinutes(2);

    /** Locks that serialise the updates of one round (a round maps to one of them), so that none is lost or done twice. */
    private static final int LOCKS = 64;

    /**
     * What is kept of one round: its submitted responses' ids (ascending) and fingerprint, as of a moment no earlier
     * than {@code asOfNanos} (the {@link System#nanoTime} when the call that read them began), their tally, the
     * moment from which later submits are looked for, and the scores.
     */
    private record Kept(SubmittedAnswers.Fingerprint fingerprint, long[] ids, long asOfNanos, Instant lookFrom,
                        RoundTally tally, RoundScores scores) {

        long bytes() {
            return BYTES_PER_ROUND + ids.length * BYTES_PER_ID + tally.entries() * BYTES_PER_TALLY_ENTRY;
        }
    }

    private final WeightedCache<Long, Kept> kept = new WeightedCache<>(MAX_KEPT_BYTES, Kept::bytes);
    private final Object[] locks = new Object[LOCKS];
    private final SubmittedAnswers submittedAnswers;
    private final InstrumentCatalog instruments;
    private final RoundService rounds;

    public RoundResults(SubmittedAnswers submittedAnswers, InstrumentCatalog instruments, RoundService rounds) {
        this.submittedAnswers = submittedAnswers;
        this.instruments = instruments;
        this.rounds = rounds;
        Arrays.setAll(locks, i -> new Object());
    }

    public RoundScores scores(Round round) {
        long startedNanos = System.nanoTime();
        Instant started = Instant.now();
        // The fingerprint first: scores read after it are at least as new as it says, never older.
        SubmittedAnswers.Fingerprint fingerprint = submittedAnswers.fingerprint(round.id());
        long fingerprintReadNanos = System.nanoTime();
        Kept known = kept.get(round.id());
        if (known != null && known.fingerprint().equals(fingerprint)) {
            return known.scores();
        }
        synchronized (locks[Math.floorMod(Long.hashCode(round.id()), LOCKS)]) {
            known = kept.get(round.id());
            // Kept by a call that began after the fingerprint was read: no older than it, whatever it says.
            if (known != null && (known.fingerprint().equals(fingerprint) || known.asOfNanos() - fingerprintReadNanos >= 0)) {
                return known.scores();
            }
            Kept updated = update(round, known, fingerprint, startedNanos, started.minus(SUBMIT_MARGIN));
            kept.put(round.id(), updated);
            return updated.scores();
        }
    }

    private Kept update(Round round, Kept known, SubmittedAnswers.Fingerprint fingerprint, long startedNanos, Instant lookFrom) {
        if (known != null) {
            long[] added = notIn(submittedAnswers.idsSubmittedSince(round.id(), known.lookFrom()), known.ids());
            long[] ids = union(known.ids(), added);
            if (!SubmittedAnswers.Fingerprint.of(ids).equals(fingerprint)) {
                long[] current = submittedAnswers.ids(round.id());
                if (notIn(known.ids(), current).length > 0) {
                    return fromScratch(round, startedNanos, lookFrom);
                }
                added = notIn(current, known.ids());
                ids = current;
            }
            Map<Long, ScoredResponse> responses = responses(submittedAnswers.ofResponses(added));
            if (responses.size() == added.length) {
                RoundTally tally = known.tally().plus(responses.values());
                return new Kept(SubmittedAnswers.Fingerprint.of(ids), ids, startedNanos, lookFrom, tally,
                        RoundScoring.score(tally, rounds.anonymityThreshold()));
            }
            // One of them is no longer submitted: gone since the ids were read.
        }
        return fromScratch(round, startedNanos, lookFrom);
    }

    private Kept fromScratch(Round round, long startedNanos, Instant lookFrom) {
        InstrumentDefinition instrument = instruments.version(round.instrumentCode(), round.instrumentVersion());
        Map<Long, ScoredResponse> responses = responses(submittedAnswers.ofRound(round.id()));
        long[] ids = responses.keySet().stream().mapToLong(Long::longValue).toArray();
        RoundTally tally = RoundTally.of(instrument, responses.values());
        return new Kept(SubmittedAnswers.Fingerprint.of(ids), ids, startedNanos, lookFrom, tally,
                RoundScoring.score(tally, rounds.anonymityThreshold()));
    }

    /** The responses the answers belong to, by id ascending. */
    private static Map<Long, ScoredResponse> responses(Iterable<SubmittedAnswer> answers) {
        Map<Long, ScoredResponse> responses = new TreeMap<>();
        for (SubmittedAnswer answer : answers) {
            Map<String, Integer> answered = responses.computeIfAbsent(answer.responseId(),
                    id -> new ScoredResponse(answer.respondentRole(), new HashMap<>())).answers();
            if (answer.itemCode() != null) {
                answered.put(answer.itemCode(), answer.value());
            }
        }
        return responses;
    }

    /** The ids of {@code ids} (ascending) that {@code others} (ascending) does not hold, ascending. */
    private static long[] notIn(long[] ids, long[] others) {
        return Arrays.stream(ids).filter(id -> Arrays.binarySearch(others, id) < 0).toArray();
    }

    /** Two ascending sets of ids as one, ascending. */
    private static long[] union(long[] ids, long[] others) {
        return LongStream.concat(Arrays.stream(ids), Arrays.stream(others)).sorted().distinct().toArray();
    }
}
