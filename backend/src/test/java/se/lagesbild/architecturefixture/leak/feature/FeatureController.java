package se.lagesbild.architecturefixture.leak.feature;

/** A controller (by name; see {@code ArchitectureTest#controllerOf}) that another package's service leans on. */
public class FeatureController {
    public static String message() {
        return "fixture";
    }
}
