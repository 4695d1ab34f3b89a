package se.lagesbild.architecturefixture.cycle.one;

import se.lagesbild.architecturefixture.cycle.two.Second;

/** Half of a deliberate package cycle that {@code ArchitectureTest} must report. */
public class First {
    public Second next() {
        return new Second();
    }
}
