package se.lagesbild.system;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Counts the problems the application answers, by status and title ({@code lagesbild_problems_total} at
 * /prometheus), whichever handler made them: a rise in 503 means the database is away, in 500 a bug, in 400
 * a client sending what the API does not take.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class ProblemMetricsFilter {

    public static final String METER = "lagesbild.problems";
    private final MeterRegistry registry;

    public ProblemMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @ResponseFilter
    public void count(MutableHttpResponse<?> response) {
        if (response.body() instanceof Problem problem) {
            registry.counter(METER, "status", String.valueOf(problem.status()), "title", problem.title()).increment();
        }
    }
}
