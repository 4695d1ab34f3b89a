package se.lagesbild.scoring;

/**
 * Quantiles of Student's t distribution for any positive (also fractional) degrees of freedom, as Welch's
 * interval needs them. The distribution function is the regularised incomplete beta function (a continued
 * fraction, evaluated by the modified Lentz method); the quantile is found by bisection on it, so the result
 * is the same on every run and accurate to about 1e-10.
 */
final class StudentT {

    private static final double EPSILON = 1e-15;
    private static final double TINY = 1e-300;
    private static final int MAX_TERMS = 10_000;

    private StudentT() {
    }

    /** The value below which a share {@code p} (0.5 < p < 1) of the t distribution with {@code df} degrees of freedom lies. */
    static double quantile(double p, double df) {
        if (!(p > 0.5 && p < 1) || !(df > 0)) {
            throw new IllegalArgumentException("No t quantile for p " + p + " and " + df + " degrees of freedom");
        }
        double low = 0;
        double high = 1;
        while (cdf(high, df) < p) {
            low = high;
            high *= 2;
        }
        for (int i = 0; i < 200 && high - low > 1e-12 * high; i++) {
            double middle = (low + high) / 2;
            if (cdf(middle, df) < p) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    /** P(T ≤ t) for t ≥ 0: 1 − I_x(df/2, 1/2) / 2 with x = df / (df + t²). */
    static double cdf(double t, double df) {
        return 1 - regularisedBeta(df / (df + t * t), df / 2, 0.5) / 2;
    }

    /** I_x(a, b), from the continued fraction on whichever side of the mean it converges quickly. */
    static double regularisedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
        if (x < (a + 1) / (a + b + 2)) {
            return front * continuedFraction(x, a, b) / a;
        }
        return 1 - front * continuedFraction(1 - x, b, a) / b;
    }

    private static double continuedFraction(double x, double a, double b) {
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = 1 / (Math.abs(d) < TINY ? TINY : d);
        double result = d;
        for (int m = 1; m <= MAX_TERMS; m++) {
            int m2 = 2 * m;
            double even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + even * d;
            d = 1 / (Math.abs(d) < TINY ? TINY : d);
            c = 1 + even / c;
            c = Math.abs(c) < TINY ? TINY : c;
            result *= d * c;
            double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + odd * d;
            d = 1 / (Math.abs(d) < TINY ? TINY : d);
            c = 1 + odd / c;
            c = Math.abs(c) < TINY ? TINY : c;
            double step = d * c;
            result *= step;
            if (Math.abs(step - 1) < EPSILON) {
                return result;
            }
        }
        throw new IllegalStateException("The incomplete beta function did not converge for x " + x + ", a " + a + ", b " + b);
    }

    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
            771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
            9.9843695780195716e-6, 1.5056327351493116e-7};

    /** ln Γ(x) for x > 0 by the Lanczos approximation (g = 7), relative error about 1e-15. */
    static double logGamma(double x) {
        if (x < 0.5) {
            // Reflection: Γ(x) Γ(1 − x) = π / sin(πx)
            return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
        }
        double z = x - 1;
        double series = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            series += LANCZOS[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(series);
    }
}
