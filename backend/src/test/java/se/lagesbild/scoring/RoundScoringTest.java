package se.lagesbild.scoring;

import org.junit.jupiter.api.Test;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.instrument.InstrumentDefinition.Item;
import se.lagesbild.instrument.InstrumentDefinition.Part;
import se.lagesbild.instrument.InstrumentDefinition.ScaleStep;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RoundScoring as a pure function, without a Micronaut context. Every expectation is computed by hand in
 * the comments; numbers are rounded to two decimals, half up.
 */
class RoundScoringTest {

    private static final int THRESHOLD = 5;
    private static final List<ScaleStep> SCALE = List.of(new ScaleStep(1, "Inte påbörjat", null, null, null), new ScaleStep(2, "Påbörjat", null, null, null),
            new ScaleStep(3, "Till stor del på plats", null, null, null), new ScaleStep(4, "Helt på plats", null, null, null));

    /** Answered by one person for the organisation: part p1 = I-1..I-3, part p2 = I-4..I-6. */
    private static final InstrumentDefinition CHECKLIST = new InstrumentDefinition("demo-checklist", 1, "Demo checklist",
            null, "checklist", "single", null, List.of(), SCALE, "Vet inte", null, null, null, List.of(), List.of(
            new Part("p1", "Part one", null, List.of(new Item("I-1", "One", null), new Item("I-2", "Two", null), new Item("I-3", "Three", null))),
            new Part("p2", "Part two", null, List.of(new Item("I-4", "Four", null), new Item("I-5", "Five", null), new Item("I-6", "Six", null)))));

    /** Answered by many respondents, so the anonymity threshold applies: part q1 = Q-1, Q-2; part q2 = Q-3. */
    private static final InstrumentDefinition QUESTIONNAIRE = new InstrumentDefinition("demo-questionnaire", 1,
            "Demo questionnaire", null, "questionnaire", "multiple", null, List.of(), SCALE, "Vet inte", null, null, null, List.of(), List.of(
            new Part("q1", "Part one", null, List.of(new Item("Q-1", "One", null), new Item("Q-2", "Two", null))),
            new Part("q2", "Part two", null, List.of(new Item("Q-3", "Three", null)))));

    @Test
    void singleRespondentCompleteChecklistHasSumMeanAndPartMeans() {
        // I-1..I-6 = 4, 4, 3 | 2, 2, 2
        // sum = 4+4+3+2+2+2 = 17; mean = 17/6 = 2.8333 -> 2.83; answered 6 of 6, complete
        // p1 = (4+4+3)/3 = 3.6667 -> 3.67; p2 = (2+2+2)/3 = 2.0
        RoundScores scores = RoundScoring.score(CHECKLIST,
                List.of(answers("I-1", 4, "I-2", 4, "I-3", 3, "I-4", 2, "I-5", 2, "I-6", 2)), THRESHOLD);

        assertEquals(1, scores.respondents());
        assertEquals(new RoundScores.TotalScore(2.83, 17.0, 6, 6, true, false), scores.total());
        assertEquals(List.of(new RoundScores.PartScore("p1", "Part one", 3.67, 3, 3, false),
                new RoundScores.PartScore("p2", "Part two", 2.0, 3, 3, false)), scores.parts());
        // One value per item: n 1, min = max = mean, standard deviation 0
        assertEquals(new ItemSummary("I-1", 4.0, 1, 4, 4, 0.0, 0, false), summary(item(scores, "I-1")));
        assertEquals(new ItemSummary("I-3", 3.0, 1, 3, 3, 0.0, 0, false), summary(item(scores, "I-3")));
    }

    @Test
    void dontKnowIsMissingNeverZero() {
        // I-1..I-6 = 4, Vet inte, 3 | 2, (not answered), 1
        // answered (with a value): I-1, I-3, I-4, I-6 = 4 of 6 -> not complete
        // sum = 4+3+2+1 = 10; mean = 10/4 = 2.5 (were "Vet inte" a zero: 10/5 = 2.0)
        // p1 = (4+3)/2 = 3.5 (were it a zero: 7/3 = 2.33); p2 = (2+1)/2 = 1.5
        RoundScores scores = RoundScoring.score(CHECKLIST,
                List.of(answers("I-1", 4, "I-2", null, "I-3", 3, "I-4", 2, "I-6", 1)), THRESHOLD);

        assertEquals(new RoundScores.TotalScore(2.5, 10.0, 4, 6, false, false), scores.total());
        assertEquals(List.of(new RoundScores.PartScore("p1", "Part one", 3.5, 2, 3, false),
                new RoundScores.PartScore("p2", "Part two", 1.5, 2, 3, false)), scores.parts());
        // "Vet inte": no value, counted in dontKnow
        assertEquals(new ItemSummary("I-2", null, 0, null, null, null, 1, false), summary(item(scores, "I-2")));
        // Not answered at all: no value, and not a "Vet inte" either
        assertEquals(new ItemSummary("I-5", null, 0, null, null, null, 0, false), summary(item(scores, "I-5")));
    }

    @Test
    void totalMeanIsTheMeanOfItemMeansNotOfPartMeans() {
        // Parts of unequal size: p1 = X-1..X-3 all 4, p2 = X-4 = 1
        // total mean = (4+4+4+1)/4 = 3.25, sum 13; the mean of the part means would be (4+1)/2 = 2.5
        InstrumentDefinition unequal = new InstrumentDefinition("unequal", 1, "Unequal parts", null, "checklist", "single",
                null, List.of(), SCALE, null, null, null, null, List.of(), List.of(
                new Part("p1", "Three items", null, List.of(new Item("X-1", "a", null), new Item("X-2", "b", null), new Item("X-3", "c", null))),
                new Part("p2", "One item", null, List.of(new Item("X-4", "d", null)))));

        RoundScores scores = RoundScoring.score(unequal, List.of(answers("X-1", 4, "X-2", 4, "X-3", 4, "X-4", 1)), THRESHOLD);

        assertEquals(new RoundScores.TotalScore(3.25, 13.0, 4, 4, true, false), scores.total());
        assertEquals(4.0, scores.parts().get(0).mean());
        assertEquals(1.0, scores.parts().get(1).mean());
    }

    @Test
    void severalRespondentsGiveItemMeanCountRangeAndPopulationStdDev() {
        // Five respondents (= the threshold, so nothing is withheld):
        //        Q-1       Q-2  Q-3
        //   R1   1         4    2
        //   R2   2         4    3
        //   R3   3         3    Vet inte
        //   R4   4         3    (not answered)
        //   R5   Vet inte  4    4
        // 1,2,3,4 -> n 4, mean 2.5, min 1, max 4;
        //      variance = (2.25+0.25+0.25+2.25)/4 = 1.25, sd = sqrt(1.25) = 1.118 -> 1.12; dontKnow 1
        // 4,4,3,3,4 -> n 5, mean 18/5 = 3.6, min 3, max 4;
        //      variance = (0.16+0.16+0.36+0.36+0.16)/5 = 0.24, sd = 0.4899 -> 0.49; dontKnow 0
        // 2,3,4 -> n 3, mean 3.0, min 2, max 4; variance = (1+0+1)/3 = 0.667, sd = 0.8165 -> 0.82; dontKnow 1
        // q1 = (2.5+3.6)/2 = 3.05; q2 = 3.0
        // total: mean = (2.5+3.6+3.0)/3 = 3.0333 -> 3.03; sum = 9.1; answered 3 of 3, complete
        RoundScores scores = RoundScoring.score(QUESTIONNAIRE, List.of(
                answers("Q-1", 1, "Q-2", 4, "Q-3", 2),
                answers("Q-1", 2, "Q-2", 4, "Q-3", 3),
                answers("Q-1", 3, "Q-2", 3, "Q-3", null),
                answers("Q-1", 4, "Q-2", 3),
                answers("Q-1", null, "Q-2", 4, "Q-3", 4)), THRESHOLD);

        assertEquals(5, scores.respondents());
        assertEquals(List.of(
                new ItemSummary("Q-1", 2.5, 4, 1, 4, 1.12, 1, false),
                new ItemSummary("Q-2", 3.6, 5, 3, 4, 0.49, 0, false),
                new ItemSummary("Q-3", 3.0, 3, 2, 4, 0.82, 1, false)), summaries(scores.items()));
        assertEquals(List.of(new RoundScores.PartScore("q1", "Part one", 3.05, 2, 2, false),
                new RoundScores.PartScore("q2", "Part two", 3.0, 1, 1, false)), scores.parts());
        assertEquals(new RoundScores.TotalScore(3.03, 9.1, 3, 3, true, false), scores.total());
    }

    @Test
    void fewerRespondentsThanTheThresholdAreSuppressed() {
        // "multiple" respondents, 3 < 5: every number is withheld; the item counts (structure) remain
        RoundScores scores = RoundScoring.score(QUESTIONNAIRE, List.of(
                answers("Q-1", 1, "Q-2", 2, "Q-3", 3),
                answers("Q-1", 2, "Q-2", 3, "Q-3", 4),
                answers("Q-1", 4, "Q-2", null, "Q-3", 1)), THRESHOLD);

        assertEquals(3, scores.respondents());
        assertEquals(new RoundScores.TotalScore(null, null, null, 3, null, true), scores.total());
        assertEquals(List.of(new RoundScores.PartScore("q1", "Part one", null, null, 2, true),
                new RoundScores.PartScore("q2", "Part two", null, null, 1, true)), scores.parts());
        assertEquals(List.of(
                new ItemSummary("Q-1", null, null, null, null, null, null, true),
                new ItemSummary("Q-2", null, null, null, null, null, null, true),
                new ItemSummary("Q-3", null, null, null, null, null, null, true)), summaries(scores.items()));
    }

    @Test
    void oneRespondentBelowTheThresholdIsStillSuppressed() {
        // 4 = threshold - 1: suppressed
        RoundScores scores = RoundScoring.score(QUESTIONNAIRE, List.of(
                answers("Q-1", 1), answers("Q-1", 2), answers("Q-1", 3), answers("Q-1", 4)), THRESHOLD);

        assertTrue(scores.total().suppressed());
        assertNull(scores.total().mean());
        assertNull(item(scores, "Q-1").mean());
    }

    @Test
    void respondentsAtTheThresholdAreNotSuppressed() {
        // 5 = threshold: shown. Q-1 = 1,2,3,4,4 -> mean 14/5 = 2.8; unanswered
        // total: mean 2.8, sum 2.8, answered 1 of 3, not complete
        RoundScores scores = RoundScoring.score(QUESTIONNAIRE, List.of(
                answers("Q-1", 1), answers("Q-1", 2), answers("Q-1", 3), answers("Q-1", 4), answers("Q-1", 4)), THRESHOLD);

        assertEquals(new RoundScores.TotalScore(2.8, 2.8, 1, 3, false, false), scores.total());
        assertFalse(scores.parts().get(0).suppressed());
        assertFalse(item(scores, "Q-1").suppressed());
        assertEquals(2.8, item(scores, "Q-1").mean());
    }

    @Test
    void singleRespondentInstrumentIsNeverSuppressed() {
        // respondents "single": 1 respondent < threshold 5, yet shown. Sum 1+2+3+4+1+2 = 13; mean 13/6 = 2.1667 -> 2.17
        // p1 = (1+2+3)/3 = 2.0; p2 = (4+1+2)/3 = 2.3333 -> 2.33
        RoundScores scores = RoundScoring.score(CHECKLIST,
                List.of(answers("I-1", 1, "I-2", 2, "I-3", 3, "I-4", 4, "I-5", 1, "I-6", 2)), THRESHOLD);

        assertEquals(new RoundScores.TotalScore(2.17, 13.0, 6, 6, true, false), scores.total());
        assertEquals(List.of(new RoundScores.PartScore("p1", "Part one", 2.0, 3, 3, false),
                new RoundScores.PartScore("p2", "Part two", 2.33, 3, 3, false)), scores.parts());
        assertTrue(scores.items().stream().noneMatch(RoundScores.ItemScore::suppressed));
    }

    @Test
    void zeroRespondentsGiveNullsButAreNotSuppressed() {
        // Nothing to single anyone out: not suppressed, just empty
        RoundScores scores = RoundScoring.score(QUESTIONNAIRE, List.of(), THRESHOLD);

        assertEquals(0, scores.respondents());
        assertEquals(new RoundScores.TotalScore(null, null, 0, 3, false, false), scores.total());
        assertEquals(List.of(new RoundScores.PartScore("q1", "Part one", null, 0, 2, false),
                new RoundScores.PartScore("q2", "Part two", null, 0, 1, false)), scores.parts());
        assertEquals(List.of(
                new ItemSummary("Q-1", null, 0, null, null, null, 0, false),
                new ItemSummary("Q-2", null, 0, null, null, null, 0, false),
                new ItemSummary("Q-3", null, 0, null, null, null, 0, false)), summaries(scores.items()));
    }

    @Test
    void submittedResponsesWithoutAnswersStillCountAsRespondents() {
        // A submitted response without answers has an empty map: 5 respondents, nothing withheld
        RoundScores scores = RoundScoring.score(QUESTIONNAIRE,
                List.of(answers(), answers(), answers(), answers(), answers("Q-3", 2)), THRESHOLD);

        assertEquals(5, scores.respondents());
        assertFalse(scores.total().suppressed());
        assertEquals(new ItemSummary("Q-3", 2.0, 1, 2, 2, 0.0, 0, false), summary(item(scores, "Q-3")));
    }

    @Test
    void itemNobodyGaveAValueHasNoMeanAndThePartMeanIgnoresIt() {
        // Five respondents. Q-1 = 1,2,3,4,4 -> mean 14/5 = 2.8, sd: deviations -1.8,-0.8,0.2,1.2,1.2,
        //   squares 3.24+0.64+0.04+1.44+1.44 = 6.8, /5 = 1.36, sd = 1.1662 -> 1.17
        // Q-2 = Vet inte x3, not answered x2 -> n 0, mean null, dontKnow 3
        // Q-3 = 3 x5 -> mean 3.0, sd 0.0
        // q1 = Q-1 alone = 2.8 (answered 1 of 2), not (2.8+0)/2; q2 = 3.0
        // total: mean (2.8+3.0)/2 = 2.9, sum 5.8, answered 2 of 3, not complete
        RoundScores scores = RoundScoring.score(QUESTIONNAIRE, List.of(
                answers("Q-1", 1, "Q-2", null, "Q-3", 3),
                answers("Q-1", 2, "Q-2", null, "Q-3", 3),
                answers("Q-1", 3, "Q-2", null, "Q-3", 3),
                answers("Q-1", 4, "Q-3", 3),
                answers("Q-1", 4, "Q-3", 3)), THRESHOLD);

        assertEquals(new ItemSummary("Q-1", 2.8, 5, 1, 4, 1.17, 0, false), summary(item(scores, "Q-1")));
        assertEquals(new ItemSummary("Q-2", null, 0, null, null, null, 3, false), summary(item(scores, "Q-2")));
        assertEquals(new ItemSummary("Q-3", 3.0, 5, 3, 3, 0.0, 0, false), summary(item(scores, "Q-3")));
        assertEquals(List.of(new RoundScores.PartScore("q1", "Part one", 2.8, 1, 2, false),
                new RoundScores.PartScore("q2", "Part two", 3.0, 1, 1, false)), scores.parts());
        assertEquals(new RoundScores.TotalScore(2.9, 5.8, 2, 3, false, false), scores.total());
    }

    @Test
    void meansAreRoundedHalfUpToTwoDecimals() {
        // Eight respondents, Q-1 = 1,1,1,1,1,1,1,2 -> mean 9/8 = 1.125 exactly, half up -> 1.13 (half even would give 1.12)
        RoundScores scores = RoundScoring.score(QUESTIONNAIRE, List.of(
                answers("Q-1", 1), answers("Q-1", 1), answers("Q-1", 1), answers("Q-1", 1),
                answers("Q-1", 1), answers("Q-1", 1), answers("Q-1", 1), answers("Q-1", 2)), THRESHOLD);

        assertEquals(1.13, item(scores, "Q-1").mean());
    }

    /** Many respondents in two roles, for the breakdown: part r1 = R-1. */
    private static final InstrumentDefinition WITH_ROLES = new InstrumentDefinition("demo-roles", 1, "Demo roles",
            null, "questionnaire", "multiple", null,
            List.of(new InstrumentDefinition.RespondentRole("ledning", "Ledning", "Management"),
                    new InstrumentDefinition.RespondentRole("medarbetare", "Medarbetare", "Staff"),
                    new InstrumentDefinition.RespondentRole("stodfunktion", "Stödfunktion", null)),
            SCALE, "Vet inte", null, null, null, List.of(),
            List.of(new Part("r1", "Part", null, List.of(new Item("R-1", "One", null)))));

    @Test
    void rolesAreScoredSeparatelyAndASingleWithheldRoleDrawsTheNextSmallestWithIt() {
        // threshold 2: ledning 3 (R-1 = 4, 4, 1 -> mean 3.0), medarbetare 2 (2, 3 -> 2.5), stödfunktion 1 (withheld).
        // Were only stödfunktion withheld, its value would follow from the round's 6 values minus the others':
        // so the smallest shown role, medarbetare, is withheld too.
        RoundScores scores = RoundScoring.score(WITH_ROLES, List.of(
                new ScoredResponse("ledning", Map.of("R-1", 4)), new ScoredResponse("ledning", Map.of("R-1", 4)),
                new ScoredResponse("ledning", Map.of("R-1", 1)),
                new ScoredResponse("medarbetare", Map.of("R-1", 2)), new ScoredResponse("medarbetare", Map.of("R-1", 3)),
                new ScoredResponse("stodfunktion", Map.of("R-1", 1))), 2);

        assertEquals(List.of("ledning", "medarbetare", "stodfunktion"), scores.roles().stream().map(RoundScores.RoleScores::code).toList());
        assertEquals(List.of(3, 2, 1), scores.roles().stream().map(RoundScores.RoleScores::respondents).toList());
        assertEquals(List.of(false, true, true), scores.roles().stream().map(RoundScores.RoleScores::suppressed).toList());
        assertEquals(3.0, scores.roles().get(0).items().get(0).mean());
        assertEquals(null, scores.roles().get(1).items().get(0).mean());
        // The round itself: (4+4+1+2+3+1)/6 = 2.5
        assertEquals(2.5, item(scores, "R-1").mean());
    }

    @Test
    void withheldRolesTogetherUnderTheThresholdDrawMoreRolesWithThem() {
        // threshold 5: ledning 2 and stödfunktion 2 are withheld; together they are 4, still under 5. Were
        // medarbetare (8) shown, the round's figures minus medarbetare's would give those 4 people's: so
        // medarbetare is withheld too. The round itself (12) is shown.
        List<ScoredResponse> responses = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            responses.add(new ScoredResponse("ledning", Map.of("R-1", 4)));
            responses.add(new ScoredResponse("stodfunktion", Map.of("R-1", 1)));
        }
        for (int i = 0; i < 8; i++) {
            responses.add(new ScoredResponse("medarbetare", Map.of("R-1", 2)));
        }
        RoundScores scores = RoundScoring.score(WITH_ROLES, responses, 5);

        assertEquals(List.of(true, true, true), scores.roles().stream().map(RoundScores.RoleScores::suppressed).toList());
        assertFalse(scores.total().suppressed());
    }

    @Test
    void rolesAllAboveTheThresholdAreAllShown() {
        // threshold 1: every role shows; a role nobody answered in has 0 respondents and no figures, not withheld
        RoundScores scores = RoundScoring.score(WITH_ROLES, List.of(
                new ScoredResponse("ledning", Map.of("R-1", 4)), new ScoredResponse("medarbetare", Map.of("R-1", 2))), 1);

        assertEquals(List.of(false, false, false), scores.roles().stream().map(RoundScores.RoleScores::suppressed).toList());
        assertEquals(0, scores.roles().get(2).respondents());
        assertEquals(null, scores.roles().get(2).total().mean());
    }

    @Test
    void distributionMedianAndUpperHalfShareFollowTheScale() {
        // R-1 = 1, 2, 2, 4, Vet inte: counts 1, 2, 0, 1; median (2+2)/2 = 2; upper half (3–4) 1 of 4 = 0.25
        RoundScores scores = RoundScoring.score(WITH_ROLES, List.of(
                answers("R-1", 1), answers("R-1", 2), answers("R-1", 2), answers("R-1", 4), answers("R-1", null)), 5);

        RoundScores.ItemScore item = item(scores, "R-1");
        assertEquals(List.of(new RoundScores.ValueCount(1, 1), new RoundScores.ValueCount(2, 2),
                new RoundScores.ValueCount(3, 0), new RoundScores.ValueCount(4, 1)), item.distribution());
        assertEquals(2.0, item.median());
        assertEquals(0.25, item.highShare());
        assertEquals(1, item.dontKnow());
    }

    @Test
    void theSpreadHoldsRespondentLevelMomentsForFiguresOverAtLeastTheThreshold() {
        //      Q-1  Q-2      Q-3          own mean in q1   own mean overall
        // r1    4    2        4              3                10/3
        // r2    3   Vet inte  3              3                3
        // r3    2    2       Vet inte        2                2
        // r4    1    3       (unanswered)    2                2
        // r5    4    4        4              4                4
        // r6    3    1       Vet inte        2                2
        // n 6, sum 17, squares 16+9+4+1+16+9 = 55. Q-2: n 5, sum 12, squares 4+4+9+16+1 = 34.
        // Q-3 has 3 values, under the threshold of 5: no moments, nor for part q2 (Q-3 alone).
        // q1: n 6, sum 16, squares 9+9+4+4+16+4 = 46. Total: n 6, sum 16 1/3, squares 100/9 + 37 = 48.111
        RoundScores scores = RoundScoring.score(QUESTIONNAIRE, List.of(
                answers("Q-1", 4, "Q-2", 2, "Q-3", 4), answers("Q-1", 3, "Q-2", null, "Q-3", 3),
                answers("Q-1", 2, "Q-2", 2, "Q-3", null), answers("Q-1", 1, "Q-2", 3),
                answers("Q-1", 4, "Q-2", 4, "Q-3", 4), answers("Q-1", 3, "Q-2", 1, "Q-3", null)), THRESHOLD);

        RoundScores.Spread spread = scores.spread();
        assertEquals(Map.of("Q-1", new Moments(6, 17, 55), "Q-2", new Moments(5, 12, 34)), spread.items());
        assertEquals(Map.of("q1", new Moments(6, 16, 46)), spread.parts());
        assertEquals(6, spread.total().n());
        assertEquals(16 + 1 / 3.0, spread.total().sum(), 1e-12);
        assertEquals(100 / 9.0 + 37, spread.total().sumOfSquares(), 1e-12);
    }

    @Test
    void aWithheldRoundAndTheOneRespondentChecklistHaveNoSpread() {
        RoundScores withheld = RoundScoring.score(QUESTIONNAIRE, List.of(answers("Q-1", 1), answers("Q-1", 2),
                answers("Q-1", 3), answers("Q-1", 4)), THRESHOLD);
        assertEquals(new RoundScores.Spread(null, Map.of(), Map.of()), withheld.spread());
        RoundScores checklist = RoundScoring.score(CHECKLIST,
                List.of(answers("I-1", 4, "I-2", 4, "I-3", 3, "I-4", 2, "I-5", 2, "I-6", 2)), THRESHOLD);
        assertEquals(new RoundScores.Spread(null, Map.of(), Map.of()), checklist.spread());
    }

    /** A response, without a role, as item code, value pairs; a null value is "Vet inte". */
    private static ScoredResponse answers(Object... codesAndValues) {
        Map<String, Integer> answers = new HashMap<>();
        for (int i = 0; i < codesAndValues.length; i += 2) {
            answers.put((String) codesAndValues[i], (Integer) codesAndValues[i + 1]);
        }
        return new ScoredResponse(null, answers);
    }

    /** The figures of an item that these tests state by hand (distribution, median and share have their own). */
    private record ItemSummary(String code, Double mean, Integer n, Integer min, Integer max, Double stdDev,
                               Integer dontKnow, boolean suppressed) {
    }

    private static ItemSummary summary(RoundScores.ItemScore item) {
        return new ItemSummary(item.code(), item.mean(), item.n(), item.min(), item.max(), item.stdDev(), item.dontKnow(),
                item.suppressed());
    }

    private static List<ItemSummary> summaries(List<RoundScores.ItemScore> items) {
        return items.stream().map(RoundScoringTest::summary).toList();
    }

    private static RoundScores.ItemScore item(RoundScores scores, String code) {
        return scores.items().stream().filter(item -> item.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + code + " in " + Arrays.toString(scores.items().toArray())));
    }
}
