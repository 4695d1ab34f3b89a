package se.lagesbild.scoring;

import se.lagesbild.instrument.InstrumentDefinition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Scores a round: per item, per part and in total, and per respondent role, from the instrument definition
 * and the submitted responses. A pure function; "Vet inte" (a null value) is missing, never zero.
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
        Group round = group(definition, responses, anonymityThreshold);
        return new RoundScores(responses.size(), round.total(), round.parts(), round.items(),
                roles(definition, responses, anonymityThreshold),
                round.total().suppressed() ? RoundScores.Spread.NONE : spread(definition, responses, anonymityThreshold));
    }

    /**
     * Per item the moments of the values given; per part and in total the moments of each respondent's mean
     * over the items they gave a value there, since a part's change is a change in what respondents think of
     * the part. A figure over fewer respondents than the threshold gets none: an interval over so few would
     * present noise as news, and a variance needs two values in any case. One pass over the answers, so that
     * a round of thousands of respondents costs little more than reading them.
     */
    private static RoundScores.Spread spread(InstrumentDefinition definition, List<ScoredResponse> responses, int threshold) {
        List<InstrumentDefinition.Part> parts = definition.parts();
        Map<String, Moments.Builder> items = new HashMap<>();
        List<Moments.Builder> partMeans = new ArrayList<>();
        parts.forEach(part -> {
            part.items().forEach(item -> items.put(item.code(), new Moments.Builder()));
            partMeans.add(new Moments.Builder());
        });
        Moments.Builder totalMeans = new Moments.Builder();
        for (ScoredResponse response : responses) {
            double allSum = 0;
            int allCount = 0;
            for (int p = 0; p < parts.size(); p++) {
                double partSum = 0;
                int partCount = 0;
                for (InstrumentDefinition.Item item : parts.get(p).items()) {
                    Integer value = response.answers().get(item.code());
                    if (value != null) {
                        items.get(item.code()).add(value);
                        partSum += value;
                        partCount++;
                    }
                }
                if (partCount > 0) {
                    partMeans.get(p).add(partSum / partCount);
                }
                allSum += partSum;
                allCount += partCount;
            }
            if (allCount > 0) {
                totalMeans.add(allSum / allCount);
            }
        }
        int fewest = Math.max(threshold, 2);
        Map<String, Moments> itemMoments = new HashMap<>();
        items.forEach((code, builder) -> keepIfEnough(itemMoments, code, builder.build(), fewest));
        Map<String, Moments> partMoments = new HashMap<>();
        for (int p = 0; p < parts.size(); p++) {
            keepIfEnough(partMoments, parts.get(p).code(), partMeans.get(p).build(), fewest);
        }
        Moments total = totalMeans.build();
        return new RoundScores.Spread(total.n() >= fewest ? total : null, Map.copyOf(partMoments), Map.copyOf(itemMoments));
    }

    private static void keepIfEnough(Map<String, Moments> kept, String code, Moments moments, int fewest) {
        if (moments.n() >= fewest) {
            kept.put(code, moments);
        }
    }

    /** The figures of one group of respondents. */
    private record Group(RoundScores.TotalScore total, List<RoundScores.PartScore> parts, List<RoundScores.ItemScore> items) {
    }

    private static Group group(InstrumentDefinition definition, List<ScoredResponse> responses, int threshold) {
        boolean anonymous = definition.collectsManyRespondents();
        boolean suppressed = anonymous && !responses.isEmpty() && responses.size() < threshold;
        List<RoundScores.ItemScore> items = new ArrayList<>();
        List<RoundScores.PartScore> parts = new ArrayList<>();
        List<Double> allItemMeans = new ArrayList<>();
        for (InstrumentDefinition.Part part : definition.parts()) {
            List<Double> partItemMeans = new ArrayList<>();
            for (InstrumentDefinition.Item item : part.items()) {
                List<Integer> values = responses.stream().map(response -> response.answers().get(item.code()))
                        .filter(Objects::nonNull).toList();
                int dontKnow = (int) responses.stream()
                        .filter(response -> response.answers().containsKey(item.code()) && response.answers().get(item.code()) == null)
                        .count();
                OptionalDouble mean = values.stream().mapToInt(Integer::intValue).average();
                mean.ifPresent(partItemMeans::add);
                items.add(suppressed ? suppressedItem(item.code()) : itemScore(definition, item.code(), values, dontKnow));
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

    private static List<RoundScores.RoleScores> roles(InstrumentDefinition definition, List<ScoredResponse> responses,
                                                      int threshold) {
        List<RoundScores.RoleScores> roles = new ArrayList<>();
        for (InstrumentDefinition.RespondentRole role : definition.respondentRoles()) {
            List<ScoredResponse> inRole = responses.stream().filter(r -> role.code().equals(r.respondentRole())).toList();
            roles.add(roleScores(definition, role, inRole, threshold, false));
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
            List<ScoredResponse> inRole = responses.stream().filter(r -> role.code().equals(r.respondentRole())).toList();
            roles.set(roles.indexOf(smallestShown.get()), roleScores(definition, role, inRole, threshold, true));
        }
        return List.copyOf(roles);
    }

    private static RoundScores.RoleScores roleScores(InstrumentDefinition definition, InstrumentDefinition.RespondentRole role,
                                                     List<ScoredResponse> inRole, int threshold, boolean forceSuppressed) {
        // Forcing a group under the threshold: scoring it against an unreachable threshold withholds everything.
        Group group = group(definition, inRole, forceSuppressed ? Integer.MAX_VALUE : threshold);
        boolean suppressed = group.total().suppressed();
        return new RoundScores.RoleScores(role.code(), role.label(), role.labelEn(), inRole.size(), suppressed,
                group.total(), group.parts(), group.items());
    }

    private static RoundScores.ItemScore suppressedItem(String code) {
        return new RoundScores.ItemScore(code, null, null, null, null, null, null, null, null, null, true);
    }

    private static RoundScores.ItemScore itemScore(InstrumentDefinition definition, String code, List<Integer> values, int dontKnow) {
        List<RoundScores.ValueCount> distribution = definition.scale().stream()
                .map(step -> new RoundScores.ValueCount(step.value(), (int) values.stream().filter(v -> v == step.value()).count()))
                .toList();
        if (values.isEmpty()) {
            return new RoundScores.ItemScore(code, null, 0, null, null, null, null, null, distribution, dontKnow, false);
        }
        double mean = values.stream().mapToInt(Integer::intValue).average().orElseThrow();
        double variance = values.stream().mapToDouble(value -> (value - mean) * (value - mean)).sum() / values.size();
        List<Integer> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
        double scaleMiddle = (definition.scale().stream().mapToInt(InstrumentDefinition.ScaleStep::value).min().orElseThrow()
                + definition.scale().stream().mapToInt(InstrumentDefinition.ScaleStep::value).max().orElseThrow()) / 2.0;
        double highShare = values.stream().filter(value -> value > scaleMiddle).count() / (double) values.size();
        return new RoundScores.ItemScore(code, round(mean), values.size(), sorted.get(0), sorted.get(sorted.size() - 1),
                round(Math.sqrt(variance)), median, round(highShare), distribution, dontKnow, false);
    }

    private static Double mean(List<Double> values) {
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** Two decimals, half up: what people read, and what hand-computed expectations can state exactly. */
    static Double round(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
