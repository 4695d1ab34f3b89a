package se.lagesbild.response;

import jakarta.inject.Singleton;
import se.lagesbild.instrument.InstrumentCatalog;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.round.Round;
import se.lagesbild.round.RoundService;
import se.lagesbild.scoring.RoundScores;
import se.lagesbild.scoring.RoundScoring;
import se.lagesbild.scoring.ScoredResponse;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A round's scores: its submitted responses, read in one query, scored on the instrument version the round keeps.
 * The scores of a round are kept while its set of submitted responses stays the same (checked on every call with
 * one small query, {@link SubmittedAnswers#fingerprint}), so that a closed round, or an open one between two
 * submits, is scored once and not for every comparison, timeline or export that shows it: at 5,000 respondents
 * reading the answers is most of a comparison's time (bench/README.md).
 */
@Singleton
public class RoundResults {

    /** Rounds whose scores are kept at most; past it they are all forgotten and scored again as they are asked for. */
    private static final int MAX_ROUNDS_KEPT = 2_000;

    private record Scored(SubmittedAnswers.Fingerprint fingerprint, RoundScores scores) {
    }

    private final Map<Long, Scored> scored = new ConcurrentHashMap<>();
    private final SubmittedAnswers submittedAnswers;
    private final InstrumentCatalog instruments;
    private final RoundService rounds;

    public RoundResults(SubmittedAnswers submittedAnswers, InstrumentCatalog instruments, RoundService rounds) {
        this.submittedAnswers = submittedAnswers;
        this.instruments = instruments;
        this.rounds = rounds;
    }

    public RoundScores scores(Round round) {
        // The fingerprint first: scores read after it are at least as new as it says, never older.
        SubmittedAnswers.Fingerprint fingerprint = submittedAnswers.fingerprint(round.id());
        Scored kept = scored.get(round.id());
        if (kept != null && kept.fingerprint().equals(fingerprint)) {
            return kept.scores();
        }
        RoundScores scores = score(round);
        if (scored.size() >= MAX_ROUNDS_KEPT) {
            scored.clear();
        }
        scored.put(round.id(), new Scored(fingerprint, scores));
        return scores;
    }

    private RoundScores score(Round round) {
        InstrumentDefinition instrument = instruments.version(round.instrumentCode(), round.instrumentVersion());
        Map<Long, ScoredResponse> submitted = new LinkedHashMap<>();
        for (SubmittedAnswer answer : submittedAnswers.ofRound(round.id())) {
            Map<String, Integer> answered = submitted.computeIfAbsent(answer.responseId(),
                    id -> new ScoredResponse(answer.respondentRole(), new HashMap<>())).answers();
            if (answer.itemCode() != null) {
                answered.put(answer.itemCode(), answer.value());
            }
        }
        return RoundScoring.score(instrument, List.copyOf(submitted.values()), rounds.anonymityThreshold());
    }
}
