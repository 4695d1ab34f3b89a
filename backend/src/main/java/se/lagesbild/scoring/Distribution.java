package se.lagesbild.scoring;

import se.lagesbild.instrument.InstrumentDefinition;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How answers fall over a scale, from counts per value (as a database counts them): the count of every
 * step in the scale's order, and the median. Pure functions; used by live workshops, where answers arrive
 * as counts rather than as responses.
 */
public final class Distribution {

    private Distribution() {
    }

    /** One count per scale step, in the scale's order, 0 for a step nobody chose; values off the scale are left out. */
    public static List<RoundScores.ValueCount> overScale(List<InstrumentDefinition.ScaleStep> scale, Map<Integer, Integer> counts) {
        return scale.stream().map(step -> new RoundScores.ValueCount(step.value(), counts.getOrDefault(step.value(), 0))).toList();
    }

    /**
     * The median of the values counted, the mean of the two middle values when their number is even, or null
     * when nothing was counted.
     */
    public static Double median(Map<Integer, Integer> counts) {
        TreeMap<Integer, Integer> sorted = new TreeMap<>();
        counts.forEach((value, count) -> {
            if (count < 0) {
                throw new IllegalArgumentException("A negative count " + count + " for the value " + value);
            }
            if (count > 0) {
                sorted.merge(value, count, Integer::sum);
            }
        });
        long total = sorted.values().stream().mapToLong(Integer::longValue).sum();
        if (total == 0) {
            return null;
        }
        // The values at the 0-based positions (total - 1) / 2 and total / 2: the same one when total is odd.
        Integer lower = valueAt(sorted, (total - 1) / 2);
        Integer upper = valueAt(sorted, total / 2);
        return (lower + upper) / 2.0;
    }

    private static Integer valueAt(TreeMap<Integer, Integer> sorted, long position) {
        long seen = 0;
        for (Map.Entry<Integer, Integer> entry : sorted.entrySet()) {
            seen += entry.getValue();
            if (position < seen) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("position " + position + " beyond " + seen + " values");
    }
}
