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
import java.util.Iterator;
import java.util.LinkedHashMap;
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
     * About how much memory the kept rounds take at most: 64 MB, about 8 million kept response ids, or 800,000
     * tally entries (a round of 5,000 respondents on a 20-item instrument with three roles: 40 KB of ids and about
     * 4,000 entries, some 360 KB in all).
     */
    static final long MAX_KEPT_BYTES = 64L * 1024 * 1024;

    /** Estimated bytes per kept response id (a long in an array) and per tally entry (a tree map entry and its boxes). */
    private static final long BYTES_PER_ID = 8;
    private static final long BYTES_PER_TALLY_ENTRY = 80;

    /**
     * How long before the kept responses were read a response that was not among them may have been submitted, by
     * its {@code submitted_at}: the time from reading the clock at submit to the commit, plus the difference between
     * instances' clocks. A response outside it is still found, by the fingerprint check, at the cost of the index read.
     */
    static final Duration SUBMIT_MARGIN = Duration.ofMinutes(2);

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
            return ids.length * BYTES_PER_ID + tally.entries() * BYTES_PER_TALLY_ENTRY;
        }
    }

    /** Least recently asked for first; guarded by itself. */
    private final LinkedHashMap<Long, Kept> kept = new LinkedHashMap<>(16, 0.75f, true);
    private long keptBytes;
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
        Kept known = kept(round.id());
        if (known != null && known.fingerprint().equals(fingerprint)) {
            return known.scores();
        }
        synchronized (locks[Math.floorMod(Long.hashCode(round.id()), LOCKS)]) {
            known = kept(round.id());
            // Kept by a call that began after the fingerprint was read: no older than it, whatever it says.
            if (known != null && (known.fingerprint().equals(fingerprint) || known.asOfNanos() - fingerprintReadNanos >= 0)) {
                return known.scores();
            }
            Kept updated = update(round, known, fingerprint, startedNanos, started.minus(SUBMIT_MARGIN));
            keep(round.id(), updated);
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
    static long[] notIn(long[] ids, long[] others) {
        return Arrays.stream(ids).filter(id -> Arrays.binarySearch(others, id) < 0).toArray();
    }

    /** Two ascending sets of ids as one, ascending. */
    static long[] union(long[] ids, long[] others) {
        return LongStream.concat(Arrays.stream(ids), Arrays.stream(others)).sorted().distinct().toArray();
    }

    private Kept kept(long roundId) {
        synchronized (kept) {
            return kept.get(roundId);
        }
    }

    private void keep(long roundId, Kept round) {
        synchronized (kept) {
            Kept replaced = kept.put(roundId, round);
            keptBytes += round.bytes() - (replaced == null ? 0 : replaced.bytes());
            Iterator<Kept> leastRecent = kept.values().iterator();
            while (keptBytes > MAX_KEPT_BYTES && leastRecent.hasNext()) {
                keptBytes -= leastRecent.next().bytes();
                leastRecent.remove();
            }
        }
    }
}
