package se.lagesbild.scoring;

/**
 * The sufficient statistics of one figure over respondents: how many have a value, the sum of the values and
 * the sum of their squares. Enough for a variance in O(1), which is all a comparison's interval
 * needs; kept in memory only, never shown, since they add nothing a person should read.
 */
public record Moments(int n, double sum, double sumOfSquares) {

    /** Adds up values one at a time, or each value with how many gave it (a {@link RoundTally}'s counts). */
    static final class Builder {

        private int n;
        private double sum;
        private double sumOfSquares;

        void add(double value) {
            add(value, 1);
        }

        /** The value, given by {@code count} respondents. */
        void add(double value, int count) {
            n += count;
            sum += value * count;
            sumOfSquares += value * value * count;
        }

        Moments build() {
            return new Moments(n, sum, sumOfSquares);
        }
    }

    /**
     * The sample variance (n − 1 in the denominator). Values that are all equal give exactly 0: the sum of
     * squares minus the squared sum over n can leave a rounding residue, which would otherwise read as spread.
     */
    double variance() {
        if (n < 2) {
            throw new IllegalStateException("A variance needs two values, not " + n);
        }
        double squaredDeviations = sumOfSquares - sum * sum / n;
        return squaredDeviations <= 1e-12 * sumOfSquares ? 0 : squaredDeviations / (n - 1);
    }
}
