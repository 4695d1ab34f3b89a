package se.lagesbild.scoring;

import se.lagesbild.instrument.InstrumentDefinition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares two rounds' scores, per item, per part and in total: what moved, and which way. Items and parts
 * are matched by code, so rounds on different versions of an instrument compare; an item or part that only
 * one version has shows the other side as null. A pure function over already computed scores, so a side that
 * scoring withheld (anonymity) stays withheld here.
 *
 * <p>Each change of a mean also gets a 95 % interval and whether it is clear ({@link ChangeInterval}), where
 * scoring kept moments on both sides: not where a side is withheld, has no values, or is under the anonymity
 * threshold of respondents (the one-respondent checklist).
 */
public final class RoundComparison {

    private RoundComparison() {
    }

    /** What moved between two rounds; {@code totalInterval} is the interval of the total mean's change, or null. */
    public record Comparison(Change total, ChangeInterval totalInterval, Change totalSum, List<PartChange> parts,
                             List<ItemChange> items) {
    }

    /**
     * One figure on both sides. {@code delta} is {@code to − from} of the two-decimal figures, null when a
     * side is missing or withheld; {@code direction} is {@code up}, {@code down} or {@code same}, null without a delta.
     */
    public record Change(Double from, Double to, Double delta, String direction) {
    }

    public record PartChange(String code, String title, Double from, Double to, Double delta, String direction,
                             ChangeInterval interval) {
    }

    /** One item on both sides, with how many gave it a value on each side (n). */
    public record ItemChange(String code, String partCode, String text, Double from, Double to, Double delta,
                             String direction, Integer fromN, Integer toN, boolean inFrom, boolean inTo,
                             ChangeInterval interval) {
    }

    public static Comparison compare(InstrumentDefinition fromInstrument, RoundScores from,
                                     InstrumentDefinition toInstrument, RoundScores to) {
        Change total = change(from.total().mean(), to.total().mean());
        // A sum over different numbers of items does not compare; only complete, equally long totals do.
        boolean sumsCompare = Boolean.TRUE.equals(from.total().complete()) && Boolean.TRUE.equals(to.total().complete())
                && from.total().items() == to.total().items();
        Change totalSum = sumsCompare ? change(from.total().sum(), to.total().sum()) : change(null, null);

        Map<String, RoundScores.PartScore> fromParts = byCode(from.parts(), RoundScores.PartScore::code);
        Map<String, RoundScores.PartScore> toParts = byCode(to.parts(), RoundScores.PartScore::code);
        List<PartChange> parts = new ArrayList<>();
        for (InstrumentDefinition.Part part : union(toInstrument.parts(), fromInstrument.parts(), InstrumentDefinition.Part::code)) {
            Change change = change(mean(fromParts.get(part.code())), mean(toParts.get(part.code())));
            parts.add(new PartChange(part.code(), part.title(), change.from(), change.to(), change.delta(), change.direction(),
                    interval(from.spread().parts().get(part.code()), to.spread().parts().get(part.code()), change)));
        }

        Map<String, RoundScores.ItemScore> fromItems = byCode(from.items(), RoundScores.ItemScore::code);
        Map<String, RoundScores.ItemScore> toItems = byCode(to.items(), RoundScores.ItemScore::code);
        Map<String, String> partOfItem = new LinkedHashMap<>();
        Map<String, InstrumentDefinition.Item> items = new LinkedHashMap<>();
        for (InstrumentDefinition definition : List.of(toInstrument, fromInstrument)) {
            for (InstrumentDefinition.Part part : definition.parts()) {
                for (InstrumentDefinition.Item item : part.items()) {
                    partOfItem.putIfAbsent(item.code(), part.code());
                    items.putIfAbsent(item.code(), item);
                }
            }
        }
        List<ItemChange> itemChanges = new ArrayList<>();
        for (InstrumentDefinition.Item item : items.values()) {
            RoundScores.ItemScore before = fromItems.get(item.code());
            RoundScores.ItemScore after = toItems.get(item.code());
            Change change = change(before == null ? null : before.mean(), after == null ? null : after.mean());
            itemChanges.add(new ItemChange(item.code(), partOfItem.get(item.code()), item.text(), change.from(), change.to(),
                    change.delta(), change.direction(), before == null ? null : before.n(), after == null ? null : after.n(),
                    before != null, after != null,
                    interval(from.spread().items().get(item.code()), to.spread().items().get(item.code()), change)));
        }
        return new Comparison(total, interval(from.spread().total(), to.spread().total(), total), totalSum,
                List.copyOf(parts), List.copyOf(itemChanges));
    }

    private static ChangeInterval interval(Moments from, Moments to, Change change) {
        return from == null || to == null || change.delta() == null ? null : ChangeInterval.welch(from, to, change.delta());
    }

    static Change change(Double from, Double to) {
        if (from == null || to == null) {
            return new Change(from, to, null, null);
        }
        double delta = BigDecimal.valueOf(to).subtract(BigDecimal.valueOf(from)).setScale(2, RoundingMode.HALF_UP).doubleValue();
        String direction = delta > 0 ? "up" : delta < 0 ? "down" : "same";
        return new Change(from, to, delta, direction);
    }

    private static Double mean(RoundScores.PartScore part) {
        return part == null ? null : part.mean();
    }

    private static <T> Map<String, T> byCode(List<T> entries, Function<T, String> code) {
        return entries.stream().collect(Collectors.toMap(code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    /** The later version's entries in its order, then those only the earlier version has. */
    private static <T> List<T> union(List<T> first, List<T> second, Function<T, String> code) {
        Map<String, T> all = new LinkedHashMap<>();
        first.forEach(entry -> all.putIfAbsent(code.apply(entry), entry));
        second.forEach(entry -> all.putIfAbsent(code.apply(entry), entry));
        return List.copyOf(all.values());
    }
}
