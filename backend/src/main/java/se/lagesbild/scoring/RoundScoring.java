package se.lagesbild.scoring;

import se.lagesbild.instrument.InstrumentDefinition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores a round: per item, per part and in total, and per respondent role, from the instrument definition
 * and the submitted responses. A pure function; "Vet inte" (a null value) is missing, never zero. The figures
 * are computed from the responses' {@link RoundTally}, so that a round whose tally is kept up to date is scored
 * in time that does not grow with its respondents.
 *
 * <p>Anonymity, for instruments answered by many respondents: a group (the round, or one role) of fewer
 * respondents than the threshold shows no figures. While the withheld role groups together number fewer
 * than the threshold, the smallest shown role group is withheld as well, so that the withheld ones cannot be
 * worked out from the round's figures minus the shown roles'.
 */
public final class RoundScoring {

    private RoundScoring() {
    }

    public static RoundScores score(InstrumentDefinition definition, List<ScoredResponse> responses, int anonymityThreshold) {
        return score(RoundTally.of(definition, responses), anonymityThreshold);
    }

    public static RoundScores score(RoundTally tally, int anonymityThreshold) {
        InstrumentDefinition definition = tally.definition();
        Group round = group(definition, tally.round(), anonymityThreshold);
        return new RoundScores(tally.respondents(), round.total(), round.parts(), round.items(),
                roles(tally, anonymityThreshold),
                round.total().suppressed() ? RoundScores.Spread.NONE : spread(definition, tally.round(), anonymityThreshold));
    }

    /**
     * Per item the moments of the values given; per part and in total the moments of each respondent's mean
     * over the items they gave a value there, since a part's change is a change in what respondents think of
     * the part. A figure over fewer respondents than the threshold gets none: an interval over so few would
     * present noise as news, and a variance needs two values in any case.
     */
    private static RoundScores.Spread spread(InstrumentDefinition definition, RoundTally.Group tally, int threshold) {
        int fewest = Math.max(threshold, 2);
        Map<String, Moments> itemMoments = new HashMap<>();
        Map<String, Moments> partMoments = new HashMap<>();
        List<InstrumentDefinition.Part> parts = definition.parts();
        for (int p = 0; p < parts.size(); p++) {
            for (InstrumentDefinition.Item item : parts.get(p).items()) {
                Moments.Builder moments = new Moments.Builder();
                tally.values(item.code()).forEach((value, count) -> moments.add(value, count));
                keepIfEnough(itemMoments, item.code(), moments.build(), fewest);
            }
            keepIfEnough(partMoments, parts.get(p).code(), meansMoments(tally.partMeans(p)), fewest);
        }
        Moments total = meansMoments(tally.totalMeans());
        return new RoundScores.Spread(total.n() >= fewest ? total : null, Map.copyOf(partMoments), Map.copyOf(itemMoments));
    }

    private static Moments meansMoments(TreeMap<RoundTally.Mean, Integer> means) {
        Moments.Builder moments = new Moments.Builder();
        means.forEach((mean, count) -> moments.add(mean.value(), count));
        return moments.build();
    }

    private static void keepIfEnough(Map<String, Moments> kept, String code, Moments moments, int fewest) {
        if (moments.n() >= fewest) {
            kept.put(code, moments);
        }
    }

    /** The figures of one group of respondents. */
    private record Group(RoundScores.TotalScore total, List<RoundScores.PartScore> parts, List<RoundScores.ItemScore> items) {
    }

    private static Group group(InstrumentDefinition definition, RoundTally.Group tally, int threshold) {
        boolean anonymous = definition.collectsManyRespondents();
        boolean suppressed = anonymous && tally.respondents() > 0 && tally.respondents() < threshold;
        List<RoundScores.ItemScore> items = new ArrayList<>();
        List<RoundScores.PartScore> parts = new ArrayList<>();
        List<Double> allItemMeans = new ArrayList<>();
        for (InstrumentDefinition.Part part : definition.parts()) {
            List<Double> partItemMeans = new ArrayList<>();
            for (InstrumentDefinition.Item item : part.items()) {
                TreeMap<Integer, Integer> values = tally.values(item.code());
                if (!values.isEmpty()) {
                    partItemMeans.add(mean(values));
                }
                items.add(suppressed ? suppressedItem(item.code()) : itemScore(definition, item.code(), values, tally.dontKnow(item.code())));
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
        return new Group(total, List.copyOf(parts), List.copyOf(items));
    }

    private static List<RoundScores.RoleScores> roles(RoundTally tally, int threshold) {
        InstrumentDefinition definition = tally.definition();
        List<RoundScores.RoleScores> roles = new ArrayList<>();
        for (InstrumentDefinition.RespondentRole role : definition.respondentRoles()) {
            roles.add(roleScores(definition, role, tally.role(role.code()), threshold, false));
        }
        // Withheld groups must not be derivable from the round's figures minus the shown groups': keep
        // withholding the smallest shown group while the withheld ones together are under the threshold.
        while (definition.collectsManyRespondents()) {
            int withheldRespondents = roles.stream().filter(RoundScores.RoleScores::suppressed)
                    .mapToInt(RoundScores.RoleScores::respondents).sum();
            if (withheldRespondents == 0 || withheldRespondents >= threshold) {
                break;
            }
            var smallestShown = roles.stream().filter(role -> !role.suppressed() && role.respondents() > 0)
                    .min(Comparator.comparingInt(RoundScores.RoleScores::respondents));
            if (smallestShown.isEmpty()) {
                break;
            }
            InstrumentDefinition.RespondentRole role = definition.findRespondentRole(smallestShown.get().code()).orElseThrow();
            roles.set(roles.indexOf(smallestShown.get()), roleScores(definition, role, tally.role(role.code()), threshold, true));
        }
        return List.copyOf(roles);
    }

    private static RoundScores.RoleScores roleScores(InstrumentDefinition definition, InstrumentDefinition.RespondentRole role,
                                                     RoundTally.Group inRole, int threshold, boolean forceSuppressed) {
        // Forcing a group under the threshold: scoring it against an unreachable threshold withholds everything.
        Group group = group(definition, inRole, forceSuppressed ? Integer.MAX_VALUE : threshold);
        boolean suppressed = group.total().suppressed();
        return new RoundScores.RoleScores(role.code(), role.label(), role.labelEn(), inRole.respondents(), suppressed,
                group.total(), group.parts(), group.items());
    }

    private static RoundScores.ItemScore suppressedItem(String code) {
        return new RoundScores.ItemScore(code, null, null, null, null, null, null, null, null, null, true);
    }

    /** The item's figures from how many gave each value (ascending by value), as if read from the values one by one. */
    private static RoundScores.ItemScore itemScore(InstrumentDefinition definition, String code, TreeMap<Integer, Integer> values,
                                                   int dontKnow) {
        List<RoundScores.ValueCount> distribution = definition.scale().stream()
                .map(step -> new RoundScores.ValueCount(step.value(), values.getOrDefault(step.value(), 0)))
                .toList();
        if (values.isEmpty()) {
            return new RoundScores.ItemScore(code, null, 0, null, null, null, null, null, distribution, dontKnow, false);
        }
        int n = values.values().stream().mapToInt(Integer::intValue).sum();
        double mean = mean(values);
        double variance = values.entrySet().stream()
                .mapToDouble(entry -> entry.getValue() * (entry.getKey() - mean) * (entry.getKey() - mean)).sum() / n;
        int middle = n / 2;
        double median = n % 2 == 1 ? valueAt(values, middle) : (valueAt(values, middle - 1) + valueAt(values, middle)) / 2.0;
        double scaleMiddle = (definition.scale().stream().mapToInt(InstrumentDefinition.ScaleStep::value).min().orElseThrow()
                + definition.scale().stream().mapToInt(InstrumentDefinition.ScaleStep::value).max().orElseThrow()) / 2.0;
        int high = values.tailMap((int) Math.floor(scaleMiddle), false).values().stream().mapToInt(Integer::intValue).sum();
        return new RoundScores.ItemScore(code, round(mean), n, values.firstKey(), values.lastKey(),
                round(Math.sqrt(variance)), median, round(high / (double) n), distribution, dontKnow, false);
    }

    /** The mean of the values counted, computed as their sum over their number, like an average of the values. */
    private static double mean(TreeMap<Integer, Integer> values) {
        long sum = 0;
        long n = 0;
        for (Map.Entry<Integer, Integer> entry : values.entrySet()) {
            sum += (long) entry.getKey() * entry.getValue();
            n += entry.getValue();
        }
        return (double) sum / n;
    }

    /** The value at this position (from 0) of the values counted, in ascending order. */
    private static int valueAt(TreeMap<Integer, Integer> values, int position) {
        int seen = 0;
        for (Map.Entry<Integer, Integer> entry : values.entrySet()) {
            seen += entry.getValue();
            if (position < seen) {
                return entry.getKey();
            }
        }
        throw new IllegalArgumentException("Position " + position + " is past the " + seen + " values counted");
    }

    private static Double mean(List<Double> values) {
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** Two decimals, half up: what people read, and what hand-computed expectations can state exactly. */
    static Double round(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
