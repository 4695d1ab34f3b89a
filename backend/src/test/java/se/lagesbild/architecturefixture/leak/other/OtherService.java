package se.lagesbild.architecturefixture.leak.other;

import se.lagesbild.architecturefixture.leak.feature.FeatureController;
import se.lagesbild.architecturefixture.leak.feature.FeatureRepository;

/** Breaks two rules on purpose: it uses another feature's controller and repository. */
public class OtherService {
    public String leak(FeatureRepository repository) {
        return FeatureController.message() + repository;
    }
}
