package se.lagesbild.architecturefixture.cycle.two;

import se.lagesbild.architecturefixture.cycle.one.First;

/** The other half of a deliberate package cycle that {@code ArchitectureTest} must report. */
public class Second {
    public First back() {
        return new First();
    }
}
