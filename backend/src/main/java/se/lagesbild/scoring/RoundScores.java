package se.lagesbild.scoring;

import java.util.List;
import java.util.Map;

/**
 * The scores of one round over its submitted responses. Any figure that could single out a respondent is
 * withheld: {@code suppressed} is true and its numbers are null.
 *
 * @param respondents the number of submitted responses
 * @param roles the same scores per respondent role, for instruments that record roles (else empty)
 * @param spread what the comparison's intervals need; no view shows it
 */
public record RoundScores(int respondents, TotalScore total, List<PartScore> parts, List<ItemScore> items,
                          List<RoleScores> roles, Spread spread) {

    /**
     * The whole instrument. {@code mean} is the mean of the answered items' means; {@code sum} their sum
     * (for the one-respondent checklist, the familiar 10–40 total); {@code complete} tells whether every
     * item has a value, since a sum over fewer items is not comparable.
     */
    public record TotalScore(Double mean, Double sum, Integer answered, int items, Boolean complete, boolean suppressed) {
    }

    /** One part (area): the mean of its answered items' means. */
    public record PartScore(String code, String title, Double mean, Integer answered, int items, boolean suppressed) {
    }

    /**
     * One item over the respondents who gave it a value; "Vet inte" is counted in {@code dontKnow} and
     * never as a value. {@code stdDev} is the population standard deviation; {@code distribution} counts
     * each scale value; {@code highShare} is the share of values in the upper half of the scale (steps 3–4
     * of 1–4).
     */
    public record ItemScore(String code, Double mean, Integer n, Integer min, Integer max, Double stdDev,
                            Double median, Double highShare, List<ValueCount> distribution, Integer dontKnow,
                            boolean suppressed) {
    }

    /** How many gave one scale value. */
    public record ValueCount(int value, int count) {
    }

    /** The scores of the respondents who answered in one role. */
    public record RoleScores(String code, String label, String labelEn, int respondents, boolean suppressed,
                             TotalScore total, List<PartScore> parts, List<ItemScore> items) {
    }

    /**
     * The respondent-level moments of the round's figures, by code: of the values given to each item, and of
     * each respondent's mean over the items they gave a value in a part, or in the whole instrument. Only
     * figures over at least the anonymity threshold of respondents (and at least two) have moments; a
     * withheld round has none.
     */
    public record Spread(Moments total, Map<String, Moments> parts, Map<String, Moments> items) {

        static final Spread NONE = new Spread(null, Map.of(), Map.of());
    }
}
