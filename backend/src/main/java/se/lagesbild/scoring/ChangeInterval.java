package se.lagesbild.scoring;

/**
 * A 95 % interval of a change {@code to − from} between two independent groups of respondents, and whether
 * the change is clear: the interval leaves out 0. Welch's t interval from each side's moments, so it assumes
 * neither equal spread nor equal numbers on the two sides; docs/change-intervals.md says why this method and
 * where it stops being right.
 *
 * @param low  the lower bound, two decimals
 * @param high the upper bound, two decimals
 */
public record ChangeInterval(double low, double high, boolean clear) {

    static final double LEVEL = 0.95;

    /**
     * Welch's interval around {@code delta}, the change people read (the difference of the two-decimal means),
     * so that the interval always holds the figure beside it. Both sides need two values or more. With no
     * spread on either side the interval is the change itself. {@code clear} is read off the rounded bounds,
     * so that it never disagrees with the interval shown.
     */
    static ChangeInterval welch(Moments from, Moments to, double delta) {
        double fromShare = from.variance() / from.n();
        double toShare = to.variance() / to.n();
        double squaredError = fromShare + toShare;
        double halfWidth = 0;
        if (squaredError > 0) {
            // Welch–Satterthwaite; a side without spread adds nothing, leaving the other side's n − 1.
            double degreesOfFreedom = squaredError * squaredError
                    / (fromShare * fromShare / (from.n() - 1) + toShare * toShare / (to.n() - 1));
            halfWidth = StudentT.quantile(1 - (1 - LEVEL) / 2, degreesOfFreedom) * Math.sqrt(squaredError);
        }
        double low = RoundScoring.round(delta - halfWidth);
        double high = RoundScoring.round(delta + halfWidth);
        return new ChangeInterval(low, high, low > 0 || high < 0);
    }
}
