package se.lagesbild.scoring;

import se.lagesbild.instrument.InstrumentDefinition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Scores a round: per item, per part and in total, from the instrument definition and the submitted
 * answers. A pure function; "Vet inte" (a null value) is missing, never zero.
 */
public final class RoundScoring {

    private RoundScoring() {
    }

    /**
     * @param responses one map per submitted response, item code to value (null for "Vet inte");
     *                  unanswered items are absent
     * @param anonymityThreshold group figures over fewer respondents than this are withheld, unless the
     *                           instrument is answered by a single respondent for the organisation
     */
    public static RoundScores score(InstrumentDefinition definition, List<Map<String, Integer>> responses,
                                    int anonymityThreshold) {
        int respondents = responses.size();
        boolean suppressed = definition.collectsManyRespondents() && respondents > 0 && respondents < anonymityThreshold;

        List<RoundScores.ItemScore> items = new ArrayList<>();
        List<RoundScores.PartScore> parts = new ArrayList<>();
        List<Double> allItemMeans = new ArrayList<>();
        for (InstrumentDefinition.Part part : definition.parts()) {
            List<Double> partItemMeans = new ArrayList<>();
            for (InstrumentDefinition.Item item : part.items()) {
                List<Integer> values = responses.stream()
                        .filter(response -> response.get(item.code()) != null)
                        .map(response -> response.get(item.code())).toList();
                int dontKnow = (int) responses.stream()
                        .filter(response -> response.containsKey(item.code()) && response.get(item.code()) == null).count();
                OptionalDouble mean = values.stream().mapToInt(Integer::intValue).average();
                mean.ifPresent(partItemMeans::add);
                items.add(suppressed
                        ? new RoundScores.ItemScore(item.code(), null, null, null, null, null, null, true)
                        : itemScore(item.code(), values, dontKnow));
            }
            allItemMeans.addAll(partItemMeans);
            parts.add(suppressed
                    ? new RoundScores.PartScore(part.code(), part.title(), null, null, part.items().size(), true)
                    : new RoundScores.PartScore(part.code(), part.title(), round(mean(partItemMeans)),
                    partItemMeans.size(), part.items().size(), false));
        }
        int itemCount = definition.itemCount();
        RoundScores.TotalScore total = suppressed
                ? new RoundScores.TotalScore(null, null, null, itemCount, null, true)
                : new RoundScores.TotalScore(round(mean(allItemMeans)),
                allItemMeans.isEmpty() ? null : round(allItemMeans.stream().mapToDouble(Double::doubleValue).sum()),
                allItemMeans.size(), itemCount, allItemMeans.size() == itemCount, false);
        return new RoundScores(respondents, total, List.copyOf(parts), List.copyOf(items));
    }

    private static RoundScores.ItemScore itemScore(String code, List<Integer> values, int dontKnow) {
        if (values.isEmpty()) {
            return new RoundScores.ItemScore(code, null, 0, null, null, null, dontKnow, false);
        }
        double mean = values.stream().mapToInt(Integer::intValue).average().orElseThrow();
        double variance = values.stream().mapToDouble(value -> (value - mean) * (value - mean)).sum() / values.size();
        return new RoundScores.ItemScore(code, round(mean), values.size(),
                values.stream().min(Integer::compare).orElseThrow(), values.stream().max(Integer::compare).orElseThrow(),
                round(Math.sqrt(variance)), dontKnow, false);
    }

    private static Double mean(List<Double> values) {
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** Two decimals, half up: what people read, and what hand-computed expectations can state exactly. */
    static Double round(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
