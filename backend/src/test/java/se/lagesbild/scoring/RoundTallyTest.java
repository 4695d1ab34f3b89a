package se.lagesbild.scoring;

import org.junit.jupiter.api.Test;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.instrument.InstrumentDefinition.Item;
import se.lagesbild.instrument.InstrumentDefinition.Part;
import se.lagesbild.instrument.InstrumentDefinition.ScaleStep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A round's tally, from which its scores follow: responses added later, one at a time and in any order, give
 * exactly the scores (to the last bit of the intervals' moments) of all of them scored at once.
 */
class RoundTallyTest {

    private static final List<ScaleStep> SCALE = List.of(new ScaleStep(1, "Inte alls", null, null, null),
            new ScaleStep(2, "Lite", null, null, null), new ScaleStep(3, "Till stor del", null, null, null),
            new ScaleStep(4, "Helt", null, null, null));

    /** Many respondents in three roles; part a = A-1..A-3, part b = B-1, B-2. */
    private static final InstrumentDefinition SURVEY = new InstrumentDefinition("demo-survey", 1, "Demo survey", null,
            "questionnaire", "multiple", null,
            List.of(new InstrumentDefinition.RespondentRole("ledning", "Ledning", "Management"),
                    new InstrumentDefinition.RespondentRole("medarbetare", "Medarbetare", "Staff"),
                    new InstrumentDefinition.RespondentRole("stodfunktion", "Stödfunktion", null)),
            SCALE, "Vet inte", null, null, null, List.of(), List.of(
            new Part("a", "Part a", null, List.of(new Item("A-1", "One", null), new Item("A-2", "Two", null), new Item("A-3", "Three", null))),
            new Part("b", "Part b", null, List.of(new Item("B-1", "Four", null), new Item("B-2", "Five", null)))));

    private static final List<String> CODES = List.of("A-1", "A-2", "A-3", "B-1", "B-2");

    /** Responses of every kind: each item a value, "Vet inte" or unanswered; a role, none, or one the instrument lacks. */
    private static List<ScoredResponse> responses(int count, long seed) {
        Random random = new Random(seed);
        List<String> roles = Arrays.asList("ledning", "medarbetare", "medarbetare", "stodfunktion", null, "okand");
        List<ScoredResponse> responses = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            Map<String, Integer> answers = new HashMap<>();
            for (String code : CODES) {
                int kind = random.nextInt(10);
                if (kind == 0) {
                    answers.put(code, null);
                } else if (kind > 1) {
                    answers.put(code, 1 + random.nextInt(4));
                }
            }
            responses.add(new ScoredResponse(roles.get(random.nextInt(roles.size())), answers));
        }
        return responses;
    }

    @Test
    void responsesAddedOneAtATimeInAnyOrderScoreExactlyAsAllAtOnce() {
        List<ScoredResponse> responses = responses(300, 18);
        RoundScores atOnce = RoundScoring.score(SURVEY, responses, 5);

        List<ScoredResponse> shuffled = new ArrayList<>(responses);
        Collections.shuffle(shuffled, new Random(7));
        RoundTally tally = RoundTally.empty(SURVEY);
        for (ScoredResponse response : shuffled) {
            tally = tally.plus(List.of(response));
        }

        assertEquals(atOnce, RoundScoring.score(tally, 5));
        assertEquals(atOnce.spread(), RoundScoring.score(tally, 5).spread());
        assertEquals(300, tally.respondents());
    }

    @Test
    void aRoundGrowingPastTheThresholdScoresAsAFreshOneAtEverySize() {
        // The round and its role groups cross the threshold of 5 one response at a time, with withheld roles drawing
        // the smallest shown one with them on the way: at every size the kept tally scores as a fresh one.
        List<ScoredResponse> responses = responses(40, 2026);
        RoundTally tally = RoundTally.empty(SURVEY);
        for (int size = 1; size <= responses.size(); size++) {
            tally = tally.plus(responses.subList(size - 1, size));
            assertEquals(RoundScoring.score(SURVEY, responses.subList(0, size), 5), RoundScoring.score(tally, 5), "size " + size);
        }
    }

    @Test
    void addingLeavesTheTallyItWasAddedToAsItWas() {
        List<ScoredResponse> first = responses(20, 1);
        RoundTally before = RoundTally.of(SURVEY, first);
        RoundScores scoresBefore = RoundScoring.score(before, 5);

        RoundTally after = before.plus(responses(20, 2));

        assertEquals(scoresBefore, RoundScoring.score(before, 5));
        assertEquals(20, before.respondents());
        assertEquals(40, after.respondents());
        assertNotEquals(scoresBefore, RoundScoring.score(after, 5));
    }

    @Test
    void aRoleTheInstrumentLacksOrNoRoleCountsInTheRoundOnly() {
        RoundTally tally = RoundTally.of(SURVEY, List.of(new ScoredResponse(null, Map.of("A-1", 4)),
                new ScoredResponse("okand", Map.of("A-1", 2))));

        RoundScores scores = RoundScoring.score(tally, 1);

        assertEquals(2, scores.respondents());
        assertEquals(3.0, scores.items().get(0).mean());
        assertEquals(List.of(0, 0, 0), scores.roles().stream().map(RoundScores.RoleScores::respondents).toList());
    }

    @Test
    void theTallyDoesNotGrowWithTheRespondents() {
        // Ten respondents who answer alike take the room of one: the tally counts them.
        ScoredResponse response = new ScoredResponse("ledning", Map.of("A-1", 4, "A-2", 3, "B-1", 1));

        assertEquals(RoundTally.of(SURVEY, List.of(response)).entries(),
                RoundTally.of(SURVEY, Collections.nCopies(10, response)).entries());
    }
}
