package se.lagesbild.scoring;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The t quantiles Welch's interval needs. Expected values computed independently in python3 (no scipy), by
 * another method: the t density from math.lgamma, integrated from 0 by Simpson's rule in 20,000 steps, and the
 * 0.975 quantile found by bisection on that integral. The integer cases agree with printed tables
 * (12.706, 2.776, 2.145, 2.048, 1.984, 1.962).
 */
class StudentTTest {

    @Test
    void quantilesMatchAnIndependentIntegrationOfTheDensity() {
        assertEquals(12.706204736172548, StudentT.quantile(0.975, 1), 1e-8);
        assertEquals(2.7764451051978023, StudentT.quantile(0.975, 4), 1e-8);
        assertEquals(2.658912347204325, StudentT.quantile(0.975, 4.5), 1e-8);
        assertEquals(2.1447866879178124, StudentT.quantile(0.975, 14), 1e-8);
        assertEquals(2.0484071417951553, StudentT.quantile(0.975, 28), 1e-8);
        assertEquals(2.089333577362079, StudentT.quantile(0.975, 19.50908176696754), 1e-8);
        assertEquals(1.983971518523759, StudentT.quantile(0.975, 100), 1e-8);
        assertEquals(1.9623390808257941, StudentT.quantile(0.975, 1000), 1e-8);
        assertEquals(1.960201239814563, StudentT.quantile(0.975, 10_000), 1e-8);
    }

    @Test
    void theQuantileIsTheSameOnEveryCall() {
        assertEquals(StudentT.quantile(0.975, 27.3), StudentT.quantile(0.975, 27.3));
    }

    @Test
    void onlyUpperHalfProbabilitiesAndPositiveDegreesOfFreedomAreAccepted() {
        assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(0.4, 10));
        assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(0.975, 0));
    }
}
