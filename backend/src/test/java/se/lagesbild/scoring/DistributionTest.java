package se.lagesbild.scoring;

import org.junit.jupiter.api.Test;
import se.lagesbild.instrument.InstrumentDefinition.ScaleStep;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DistributionTest {

    private static final List<ScaleStep> FOUR_STEPS = List.of(step(1), step(2), step(3), step(4));

    @Test
    void everyStepIsCountedInTheScalesOrderWithZeroForStepsNobodyChose() {
        assertEquals(List.of(new RoundScores.ValueCount(1, 0), new RoundScores.ValueCount(2, 3),
                        new RoundScores.ValueCount(3, 0), new RoundScores.ValueCount(4, 1)),
                Distribution.overScale(FOUR_STEPS, Map.of(4, 1, 2, 3, 9, 5)));
    }

    @Test
    void theMedianOfAnOddNumberOfValuesIsTheMiddleOne() {
        // 1, 2, 2, 3, 4
        assertEquals(2.0, Distribution.median(Map.of(1, 1, 2, 2, 3, 1, 4, 1)));
    }

    @Test
    void theMedianOfAnEvenNumberOfValuesIsTheMeanOfTheTwoMiddleOnes() {
        // 1, 1, 3, 4
        assertEquals(2.0, Distribution.median(Map.of(1, 2, 3, 1, 4, 1)));
        // 2, 3
        assertEquals(2.5, Distribution.median(Map.of(2, 1, 3, 1)));
    }

    @Test
    void valuesCountedZeroTimesDoNotMoveTheMedian() {
        assertEquals(4.0, Distribution.median(Map.of(1, 0, 4, 3)));
    }

    @Test
    void nothingCountedHasNoMedian() {
        assertNull(Distribution.median(Map.of()));
        assertNull(Distribution.median(Map.of(2, 0)));
    }

    @Test
    void aNegativeCountIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> Distribution.median(Map.of(2, -1)));
    }

    private static ScaleStep step(int value) {
        return new ScaleStep(value, "Steg " + value, null, null, null);
    }
}
