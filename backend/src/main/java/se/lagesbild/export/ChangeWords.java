package se.lagesbild.export;

import se.lagesbild.scoring.ChangeInterval;

/**
 * How sure a change is, in the words of docs/change-intervals.md: "tydlig förbättring", "tydlig försämring" or
 * "ingen säker förändring", and why a change has no interval. On every shipped instrument a higher value is
 * the better state, so a clear rise is an improvement.
 */
final class ChangeWords {

    private ChangeWords() {
    }

    /** The verdict on a change; empty where there is no change to judge (a side missing or withheld). */
    static String verdict(Double delta, ChangeInterval interval, boolean oneRespondent, int threshold) {
        if (delta == null) {
            return "";
        }
        if (interval == null) {
            return oneRespondent ? "En person svarar: ingen osäkerhet att beräkna"
                    : "För få svarande (färre än " + threshold + ") för att bedöma osäkerheten";
        }
        if (!interval.clear()) {
            return "ingen säker förändring";
        }
        return delta > 0 ? "tydlig förbättring" : "tydlig försämring";
    }

    /** "95 %: 1,61 till 2,39", or empty without an interval. */
    static String interval(ChangeInterval interval) {
        return interval == null ? ""
                : "95 %: " + SwedishNumbers.decimal(interval.low()) + " till " + SwedishNumbers.decimal(interval.high());
    }

    /** The verdict with its interval, for one table cell. */
    static String judged(Double delta, ChangeInterval interval, boolean oneRespondent, int threshold) {
        String verdict = verdict(delta, interval, oneRespondent, threshold);
        return interval == null ? verdict : verdict + " (" + interval(interval) + ")";
    }
}
