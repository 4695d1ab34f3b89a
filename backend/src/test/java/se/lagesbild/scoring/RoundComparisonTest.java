package se.lagesbild.scoring;

import org.junit.jupiter.api.Test;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.instrument.InstrumentDefinition.Item;
import se.lagesbild.instrument.InstrumentDefinition.Part;
import se.lagesbild.instrument.InstrumentDefinition.ScaleStep;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals(List.of(new RoundComparison.PartChange("a", "A", 2.5, 3.0, 0.5, "up"),
                new RoundComparison.PartChange("old", "Old part", 1.0, null, null, null)), comparison.parts());
        assertEquals(List.of("X-1", "X-2", "X-4", "X-3"), comparison.items().stream().map(RoundComparison.ItemChange::code).toList());
        assertEquals(new RoundComparison.ItemChange("X-2", "a", "Two, reworded", 3.0, 3.0, 0.0, "same", 1, 1, true, true),
                comparison.items().get(1));
        assertEquals(new RoundComparison.ItemChange("X-4", "a", "New in v2", null, 2.0, null, null, null, 1, false, true),
                comparison.items().get(2));
        assertEquals(new RoundComparison.ItemChange("X-3", "old", "Dropped in v2", 1.0, null, null, null, 1, null, true, false),
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
}
