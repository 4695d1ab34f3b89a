package se.lagesbild.scoring;

import se.lagesbild.instrument.InstrumentDefinition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a round's scores are computed from, without its responses: per group of respondents (the round, and each
 * of the instrument's roles), per item how many gave each value and how many answered "Vet inte", and per part
 * and in total how many respondents gave each sum over how many items there (whose quotient is the respondent's
 * mean, the unit of the comparison's intervals). Scoring from these takes time that does not grow with the
 * number of respondents ({@link RoundScoring#score(RoundTally, int)}), and responses added later
 * ({@link #plus}) give exactly the figures of all of them tallied at once: nothing here depends on their order.
 *
 * <p>Immutable: {@link #plus} returns a new tally, so a kept one can be shared between threads.
 */
public final class RoundTally {

    private final InstrumentDefinition definition;
    private final Group round;
    private final Map<String, Group> roles;

    private RoundTally(InstrumentDefinition definition, Group round, Map<String, Group> roles) {
        this.definition = definition;
        this.round = round;
        this.roles = roles;
    }

    /** The tally of no responses. */
    public static RoundTally empty(InstrumentDefinition definition) {
        Map<String, Group> roles = new LinkedHashMap<>();
        definition.respondentRoles().forEach(role -> roles.put(role.code(), new Group(definition)));
        return new RoundTally(definition, new Group(definition), roles);
    }

    public static RoundTally of(InstrumentDefinition definition, Collection<ScoredResponse> responses) {
        return empty(definition).plus(responses);
    }

    /** This tally with the given responses added; this one is left as it was. */
    public RoundTally plus(Collection<ScoredResponse> responses) {
        Group roundCopy = round.copy();
        Map<String, Group> rolesCopy = new LinkedHashMap<>();
        roles.forEach((code, group) -> rolesCopy.put(code, group.copy()));
        for (ScoredResponse response : responses) {
            roundCopy.add(definition, response);
            Group role = response.respondentRole() == null ? null : rolesCopy.get(response.respondentRole());
            if (role != null) {
                role.add(definition, response);
            }
        }
        return new RoundTally(definition, roundCopy, rolesCopy);
    }

    public InstrumentDefinition definition() {
        return definition;
    }

    public int respondents() {
        return round.respondents;
    }

    /** How many counts the tally holds, a measure of its size in memory (it does not grow with the respondents). */
    public int entries() {
        return round.entries() + roles.values().stream().mapToInt(Group::entries).sum();
    }

    Group round() {
        return round;
    }

    /** The group of the role with this code, one of the instrument's roles. */
    Group role(String code) {
        return roles.get(code);
    }

    /** A respondent's sum of values over {@code count} items with a value: their mean is sum / count. */
    record Mean(int sum, int count) {

        static final Comparator<Mean> ORDER = Comparator.comparingInt(Mean::count).thenComparingInt(Mean::sum);

        double value() {
            return (double) sum / count;
        }
    }

    /** The tally of one group of respondents; only {@link RoundTally} changes it, while building a new tally. */
    static final class Group {

        private int respondents;
        /** Per item code, in the instrument's order: how many gave each value, by value. */
        private final Map<String, TreeMap<Integer, Integer>> values;
        private final Map<String, Integer> dontKnow;
        /** Per part, in the instrument's order: how many respondents had each mean there. */
        private final List<TreeMap<Mean, Integer>> partMeans;
        private final TreeMap<Mean, Integer> totalMeans;

        private Group(InstrumentDefinition definition) {
            respondents = 0;
            values = new LinkedHashMap<>();
            dontKnow = new LinkedHashMap<>();
            partMeans = new ArrayList<>();
            for (InstrumentDefinition.Part part : definition.parts()) {
                part.items().forEach(item -> {
                    values.put(item.code(), new TreeMap<>());
                    dontKnow.put(item.code(), 0);
                });
                partMeans.add(new TreeMap<>(Mean.ORDER));
            }
            totalMeans = new TreeMap<>(Mean.ORDER);
        }

        private Group(Group other) {
            respondents = other.respondents;
            values = new LinkedHashMap<>();
            other.values.forEach((code, counts) -> values.put(code, new TreeMap<>(counts)));
            dontKnow = new LinkedHashMap<>(other.dontKnow);
            partMeans = new ArrayList<>();
            other.partMeans.forEach(means -> partMeans.add(new TreeMap<>(means)));
            totalMeans = new TreeMap<>(other.totalMeans);
        }

        private Group copy() {
            return new Group(this);
        }

        private void add(InstrumentDefinition definition, ScoredResponse response) {
            respondents++;
            int allSum = 0;
            int allCount = 0;
            List<InstrumentDefinition.Part> parts = definition.parts();
            for (int p = 0; p < parts.size(); p++) {
                int partSum = 0;
                int partCount = 0;
                for (InstrumentDefinition.Item item : parts.get(p).items()) {
                    Integer value = response.answers().get(item.code());
                    if (value != null) {
                        values.get(item.code()).merge(value, 1, Integer::sum);
                        partSum += value;
                        partCount++;
                    } else if (response.answers().containsKey(item.code())) {
                        dontKnow.merge(item.code(), 1, Integer::sum);
                    }
                }
                if (partCount > 0) {
                    partMeans.get(p).merge(new Mean(partSum, partCount), 1, Integer::sum);
                }
                allSum += partSum;
                allCount += partCount;
            }
            if (allCount > 0) {
                totalMeans.merge(new Mean(allSum, allCount), 1, Integer::sum);
            }
        }

        int respondents() {
            return respondents;
        }

        private int entries() {
            return values.values().stream().mapToInt(TreeMap::size).sum() + dontKnow.size()
                    + partMeans.stream().mapToInt(TreeMap::size).sum() + totalMeans.size();
        }

        /** How many gave each value to the item, by value ascending; only values someone gave. */
        TreeMap<Integer, Integer> values(String itemCode) {
            return values.get(itemCode);
        }

        int dontKnow(String itemCode) {
            return dontKnow.get(itemCode);
        }

        TreeMap<Mean, Integer> partMeans(int partIndex) {
            return partMeans.get(partIndex);
        }

        TreeMap<Mean, Integer> totalMeans() {
            return totalMeans;
        }
    }
}
