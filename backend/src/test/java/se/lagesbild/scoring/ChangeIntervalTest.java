package se.lagesbild.scoring;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.DoubleStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Welch's 95 % interval of a change from two sides' moments. Expected bounds computed independently in python3
 * (no scipy): sample variances with n − 1, standard error sqrt(s1²/n1 + s2²/n2), Welch–Satterthwaite degrees of
 * freedom, the t quantile by integrating the density (see StudentTTest), the interval delta ± t·se rounded half
 * up to two decimals; delta is the difference of the two-decimal means, as the comparison shows it.
 */
class ChangeIntervalTest {

    private static Moments moments(double... values) {
        Moments.Builder moments = new Moments.Builder();
        Arrays.stream(values).forEach(moments::add);
        return moments.build();
    }

    private static double[] repeat(int times, double value) {
        double[] values = new double[times];
        Arrays.fill(values, value);
        return values;
    }

    private static double[] concat(double[]... parts) {
        return Arrays.stream(parts).flatMapToDouble(DoubleStream::of).toArray();
    }

    @Test
    void aShiftOfOneAndAHalfWithFifteenRespondentsPerSideIsClear() {
        // Respondents' part means. 2025: five each of 1.0, 1.5, 2.0 (mean 1.5); 2028: five each of 2.5, 3.0, 3.5 (mean 3.0).
        // s² = (5·0.25 + 0 + 5·0.25)/14 = 0.178571 on both sides; se = sqrt(2·0.178571/15) = 0.154303;
        // df = 28, t = 2.048407; half width 0.316076 -> 1.5 ± 0.32 = [1.18, 1.82]
        ChangeInterval interval = ChangeInterval.welch(moments(concat(repeat(5, 1.0), repeat(5, 1.5), repeat(5, 2.0))),
                moments(concat(repeat(5, 2.5), repeat(5, 3.0), repeat(5, 3.5))), 1.5);
        assertEquals(new ChangeInterval(1.18, 1.82, true), interval);
    }

    @Test
    void aChangeOfMinusSixHundredthsWithFifteenRespondentsPerSideIsNotClear() {
        // One item. 2025: 1, 2×5, 3×9 = 38/15 = 2.53; 2028: 1, 2×6, 3×8 = 37/15 = 2.47; delta −0.06.
        // s² = 0.409524 on both sides; se = 0.233673; df = 28, t = 2.048407; half width 0.478658 -> [−0.54, 0.42]
        ChangeInterval interval = ChangeInterval.welch(moments(1, 2, 2, 2, 3, 3, 3, 3, 3, 3, 2, 2, 3, 3, 3),
                moments(1, 2, 2, 2, 3, 3, 3, 3, 3, 2, 2, 2, 3, 3, 3), -0.06);
        assertEquals(new ChangeInterval(-0.54, 0.42, false), interval);
    }

    @Test
    void unequalGroupsAndSpreadsUseWelchsDegreesOfFreedom() {
        // 2025: 4, 4, 3, 4, 3, 4 (n 6, mean 3.67, s² 0.266667); 2028: 1, 2, 3, 4 five times (n 20, mean 2.5, s² 1.315789).
        // se = sqrt(0.266667/6 + 1.315789/20) = 0.332015; df = 19.509082 (pooled would say 24), t = 2.089334;
        // half width 0.693690; delta 2.5 − 3.67 = −1.17 -> [−1.86, −0.48], clear
        double[] to = concat(new double[]{1, 2, 3, 4}, new double[]{1, 2, 3, 4}, new double[]{1, 2, 3, 4},
                new double[]{1, 2, 3, 4}, new double[]{1, 2, 3, 4});
        assertEquals(new ChangeInterval(-1.86, -0.48, true), ChangeInterval.welch(moments(4, 4, 3, 4, 3, 4), moments(to), -1.17));
    }

    @Test
    void aSideWithoutSpreadLeavesTheOtherSidesDegreesOfFreedom() {
        // 2025: eight 2s (s² 0); 2028: 1, 2, 3, 3, 4, 4, 3, 2, 3, 3 (n 10, mean 2.8, s² 0.844444).
        // se = sqrt(0.844444/10) = 0.290593; df = 9, t = 2.262157; half width 0.657368 -> 0.8 ± 0.66 = [0.14, 1.46]
        assertEquals(new ChangeInterval(0.14, 1.46, true),
                ChangeInterval.welch(moments(repeat(8, 2)), moments(1, 2, 3, 3, 4, 4, 3, 2, 3, 3), 0.8));
    }

    @Test
    void withNoSpreadOnEitherSideTheIntervalIsTheChangeItself() {
        assertEquals(new ChangeInterval(1.0, 1.0, true), ChangeInterval.welch(moments(repeat(5, 2)), moments(repeat(6, 3)), 1.0));
        assertEquals(new ChangeInterval(0.0, 0.0, false), ChangeInterval.welch(moments(repeat(5, 2)), moments(repeat(6, 2)), 0.0));
        // Thirds do not add up exactly in binary; all-equal values still have no spread.
        assertEquals(0.0, moments(repeat(15, 7 / 3.0)).variance());
    }

    @Test
    void anIntervalThatReadsAsStartingAtZeroIsNotClear() {
        // The spreads of the −0.06 example (half width 0.478658) around a change of +0.48: unrounded
        // [0.001342, 0.958658], shown as [0.00, 0.96]. The shown interval holds 0, so the change is not called clear.
        ChangeInterval interval = ChangeInterval.welch(moments(1, 2, 2, 2, 3, 3, 3, 3, 3, 3, 2, 2, 3, 3, 3),
                moments(1, 2, 2, 2, 3, 3, 3, 3, 3, 2, 2, 2, 3, 3, 3), 0.48);
        assertEquals(new ChangeInterval(0.0, 0.96, false), interval);
    }
}
