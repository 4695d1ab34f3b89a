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

/** A round's scores: its submitted responses, read in one query, scored on the instrument version the round keeps. */
@Singleton
public class RoundResults {

    private final SubmittedAnswers submittedAnswers;
    private final InstrumentCatalog instruments;
    private final RoundService rounds;

    public RoundResults(SubmittedAnswers submittedAnswers, InstrumentCatalog instruments, RoundService rounds) {
        this.submittedAnswers = submittedAnswers;
        this.instruments = instruments;
        this.rounds = rounds;
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
        return RoundScoring.score(instrument, List.copyOf(submitted.values()), rounds.anonymityThreshold());
    }
}
