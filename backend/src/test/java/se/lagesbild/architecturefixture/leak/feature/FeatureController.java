package se.lagesbild.architecturefixture.leak.feature;

import io.micronaut.http.annotation.Controller;

/** A controller that another package's service leans on in {@code ArchitectureTest}'s fixture. */
@Controller("/fixture")
public class FeatureController {
    public static String message() {
        return "fixture";
    }
}
