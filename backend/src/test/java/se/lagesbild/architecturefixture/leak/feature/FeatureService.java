package se.lagesbild.architecturefixture.leak.feature;

/** Uses its own feature's repository, which the rules allow. */
public class FeatureService {
    private final FeatureRepository repository;

    public FeatureService(FeatureRepository repository) {
        this.repository = repository;
    }

    public FeatureRepository repository() {
        return repository;
    }
}
