package se.lagesbild.scoring;

import org.junit.jupiter.api.Test;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.instrument.InstrumentDefinition.Item;
import se.lagesbild.instrument.InstrumentDefinition.Part;
import se.lagesbild.instrument.InstrumentDefinition.ScaleStep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RoundComparison as a pure function over two rounds' scores; expectations by hand. */
class RoundComparisonTest {

    private static final List<ScaleStep> SCALE = List.of(new ScaleStep(1, "1", null, null, null), new ScaleStep(2, "2", null, null, null),
            new ScaleStep(3, "3", null, null, null), new ScaleStep(4, "4", null, null, null));

    private static InstrumentDefinition version(int version, List<Part> parts) {
        return new InstrumentDefinition("demo", version, "Demo", null, "checklist", "single", null, List.of(), SCALE,
                "Vet inte", null, null, null, List.of(), parts);
    }

    private static final InstrumentDefinition V1 = version(1, List.of(
            new Part("a", "A", null, List.of(new Item("X-1", "One", null), new Item("X-2", "Two", null))),
            new Part("old", "Old part", null, List.of(new Item("X-3", "Dropped in v2", null)))));
    private static final InstrumentDefinition V2 = version(2, List.of(
            new Part("a", "A", null, List.of(new Item("X-1", "One", null), new Item("X-2", "Two, reworded", null),
                    new Item("X-4", "New in v2", null)))));

    private static RoundScores score(InstrumentDefinition definition, Map<String, Integer> answers) {
        return RoundScoring.score(definition, List.of(new ScoredResponse(null, answers)), 5);
    }

    @Test
    void itemsComparesByCodeAcrossVersionsWithTheMissingSideEmpty() {
        // v1: X-1 2, X-2 3, X-3 1 -> part a 2.5, old 1.0, total 2.0
        // v2: X-1 4, X-2 3, X-4 2 -> part a 3.0, total 3.0
        RoundComparison.Comparison comparison = RoundComparison.compare(V1, score(V1, Map.of("X-1", 2, "X-2", 3, "X-3", 1)),
                V2, score(V2, Map.of("X-1", 4, "X-2", 3, "X-4", 2)));

        assertEquals(new RoundComparison.Change(2.0, 3.0, 1.0, "up"), comparison.total());
        assertEquals(new RoundComparison.Change(6.0, 9.0, 3.0, "up"), comparison.totalSum(), "both complete, three items each: 2+3+1 against 4+3+2");
        assertEquals(List.of(new RoundComparison.PartChange("a", "A", 2.5, 3.0, 0.5, "up", null),
                new RoundComparison.PartChange("old", "Old part", 1.0, null, null, null, null)), comparison.parts());
        assertEquals(List.of("X-1", "X-2", "X-4", "X-3"), comparison.items().stream().map(RoundComparison.ItemChange::code).toList());
        assertEquals(new RoundComparison.ItemChange("X-2", "a", "Two, reworded", 3.0, 3.0, 0.0, "same", 1, 1, true, true, null),
                comparison.items().get(1));
        assertEquals(new RoundComparison.ItemChange("X-4", "a", "New in v2", null, 2.0, null, null, null, 1, false, true, null),
                comparison.items().get(2));
        assertEquals(new RoundComparison.ItemChange("X-3", "old", "Dropped in v2", 1.0, null, null, null, 1, null, true, false, null),
                comparison.items().get(3));
    }

    @Test
    void deltaIsTakenOnTheRoundedFiguresSoItMatchesWhatPeopleRead() {
        // 1.44 -> 2.4 reads as +0.96, whatever the unrounded means were
        assertEquals(new RoundComparison.Change(1.44, 2.4, 0.96, "up"), RoundComparison.change(1.44, 2.4));
        assertEquals(new RoundComparison.Change(2.5, 2.17, -0.33, "down"), RoundComparison.change(2.5, 2.17));
        assertEquals(new RoundComparison.Change(null, 2.0, null, null), RoundComparison.change(null, 2.0));
    }

    @Test
    void sumsOfIncompleteTotalsAreNotCompared() {
        RoundComparison.Comparison comparison = RoundComparison.compare(V1, score(V1, Map.of("X-1", 2, "X-2", 3)),
                V1, score(V1, Map.of("X-1", 4, "X-2", 4, "X-3", 4)));
        assertEquals(new RoundComparison.Change(null, null, null, null), comparison.totalSum());
    }

    /** Answered by many, so the anonymity threshold applies: part q1 = Q-1, Q-2; part q2 = Q-3. */
    private static final InstrumentDefinition QUESTIONNAIRE = new InstrumentDefinition("demo-questionnaire", 1,
            "Demo questionnaire", null, "questionnaire", "multiple", null, List.of(), SCALE, "Vet inte", null, null, null,
            List.of(), List.of(new Part("q1", "Part one", null, List.of(new Item("Q-1", "One", null), new Item("Q-2", "Two", null))),
            new Part("q2", "Part two", null, List.of(new Item("Q-3", "Three", null)))));

    /** Respondent i answers with the i-th value of each column (null: "Vet inte"). */
    private static RoundScores questionnaireRound(List<Integer> q1, List<Integer> q2, List<Integer> q3) {
        List<ScoredResponse> responses = new ArrayList<>();
        for (int i = 0; i < q1.size(); i++) {
            Map<String, Integer> answers = new HashMap<>();
            answers.put("Q-1", q1.get(i));
            answers.put("Q-2", q2.get(i));
            answers.put("Q-3", q3.get(i));
            responses.add(new ScoredResponse(null, answers));
        }
        return RoundScoring.score(QUESTIONNAIRE, responses, 5);
    }

    private static List<Integer> values(Integer... values) {
        return Arrays.asList(values);
    }

    /**
     * Fifteen respondents per side; Q-1 moves from all 1–2 to all 3–4, Q-2 barely moves, Q-3 has four values in 2028.
     * Computed in python3 (no scipy) as ChangeIntervalTest describes; the t quantile by integrating the density.
     * <pre>
     * 2025 Q-1 1,2,1,2,1,2,1,2,1,2,1,2,1,2,2 (23/15 = 1.53)  Q-2 1,2,2,2,3,3,3,3,3,3,2,2,3,3,3 (38/15 = 2.53)
     *      Q-3 2,3,3,2,3,3,2,3,3,2,3,3,2,3,3 (40/15 = 2.67)
     * 2028 Q-1 3,4,3,4,3,4,3,4,3,4,3,4,3,4,4 (53/15 = 3.53)  Q-2 1,2,2,2,3,3,3,3,3,2,2,2,3,3,3 (37/15 = 2.47)
     *      Q-3 3,3,4,3 then eleven "Vet inte" (n 4, 3.25)
     * delta 2.0; se 0.188562, df 28, t 2.048407, half 0.386251 -> [1.61, 2.39] clear
     * delta −0.06; se 0.233673, df 28, half 0.478658 -> [−0.54, 0.42] not clear
     * 4 values in 2028, under the threshold of 5 -> no interval; so also part q2 (4 respondents with a value)
     * q1: shown (1.5333 + 2.5333)/2 = 2.03 -> (3.5333 + 2.4667)/2 = 3.0, delta 0.97; each respondent's mean of:
     *     se 0.157863, df 27.944449, t 2.048591, half 0.323396 -> [0.65, 1.29] clear
     * total: shown 2.24 -> 3.08 (mean of item means), delta 0.84; each respondent's mean of the items they gave a value
     *     (2028: eleven over only): se 0.129645, df 27.878169, t 2.048811, half 0.265618 -> [0.57, 1.11] clear
     * </pre>
     */
    @Test
    void changesOfFifteenAgainstFifteenRespondentsGetWelchIntervals() {
        RoundScores before = questionnaireRound(values(1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 2),
                values(1, 2, 2, 2, 3, 3, 3, 3, 3, 3, 2, 2, 3, 3, 3), values(2, 3, 3, 2, 3, 3, 2, 3, 3, 2, 3, 3, 2, 3, 3));
        RoundScores after = questionnaireRound(values(3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 4),
                values(1, 2, 2, 2, 3, 3, 3, 3, 3, 2, 2, 2, 3, 3, 3),
                values(3, 3, 4, 3, null, null, null, null, null, null, null, null, null, null, null));
        RoundComparison.Comparison comparison = RoundComparison.compare(QUESTIONNAIRE, before, QUESTIONNAIRE, after);

        assertEquals(new RoundComparison.ItemChange("Q-1", "q1", "One", 1.53, 3.53, 2.0, "up", 15, 15, true, true,
                new ChangeInterval(1.61, 2.39, true)), comparison.items().get(0));
        assertEquals(new ChangeInterval(-0.54, 0.42, false), comparison.items().get(1).interval());
        assertEquals(0.58, comparison.items().get(2).delta(), "the change is shown, 2.67 -> 3.25");
        assertNull(comparison.items().get(2).interval(), "four values in 2028 are too few for an interval");
        assertEquals(new RoundComparison.PartChange("q1", "Part one", 2.03, 3.0, 0.97, "up", new ChangeInterval(0.65, 1.29, true)),
                comparison.parts().get(0));
        assertNull(comparison.parts().get(1).interval());
        assertEquals(new RoundComparison.Change(2.24, 3.08, 0.84, "up"), comparison.total());
        assertEquals(new ChangeInterval(0.57, 1.11, true), comparison.totalInterval());
    }

    @Test
    void aWithheldSideHasNoInterval() {
        List<Integer> threes = values(3, 3, 3);
        RoundScores withheld = questionnaireRound(threes, threes, threes);
        List<Integer> many = values(1, 2, 3, 4, 1, 2, 3, 4);
        RoundComparison.Comparison comparison = RoundComparison.compare(QUESTIONNAIRE, withheld, QUESTIONNAIRE,
                questionnaireRound(many, many, many));
        assertNull(comparison.totalInterval());
        assertTrue(comparison.parts().stream().allMatch(part -> part.interval() == null));
        assertTrue(comparison.items().stream().allMatch(item -> item.interval() == null));
    }

    @Test
    void theIntervalAlwaysHoldsTheChangeShownAndIsClearExactlyWhenItLeavesOutZero() {
        // 500 pairs of rounds of 5–40 respondents, answers drawn with a fixed seed, about one in ten "Vet inte".
        record Shown(Double delta, ChangeInterval interval) {
        }
        Random random = new Random(16);
        int intervals = 0;
        for (int pair = 0; pair < 500; pair++) {
            RoundComparison.Comparison comparison = RoundComparison.compare(QUESTIONNAIRE, randomRound(random),
                    QUESTIONNAIRE, randomRound(random));
            List<Shown> shown = new ArrayList<>();
            shown.add(new Shown(comparison.total().delta(), comparison.totalInterval()));
            comparison.parts().forEach(part -> shown.add(new Shown(part.delta(), part.interval())));
            comparison.items().forEach(item -> shown.add(new Shown(item.delta(), item.interval())));
            for (Shown figure : shown) {
                ChangeInterval interval = figure.interval();
                if (interval != null) {
                    double delta = figure.delta();
                    assertTrue(interval.low() <= delta && delta <= interval.high(), () -> delta + " outside " + interval);
                    assertEquals(interval.low() > 0 || interval.high() < 0, interval.clear(), interval::toString);
                    intervals++;
                }
            }
        }
        assertTrue(intervals > 2000, "most figures had an interval: " + intervals);
    }

    private static RoundScores randomRound(Random random) {
        int respondents = 5 + random.nextInt(36);
        int centre = 1 + random.nextInt(4);
        List<List<Integer>> columns = Stream.generate(() -> (List<Integer>) new ArrayList<Integer>()).limit(3).toList();
        for (int i = 0; i < respondents; i++) {
            for (List<Integer> column : columns) {
                int draw = random.nextInt(10);
                column.add(draw == 0 ? null : Math.max(1, Math.min(4, centre + random.nextInt(3) - 1)));
            }
        }
        return questionnaireRound(columns.get(0), columns.get(1), columns.get(2));
    }
}
