package se.lagesbild.architecturefixture.leak.feature;

import io.micronaut.data.repository.GenericRepository;

/** A repository that another package's service uses in {@code ArchitectureTest}'s fixture. */
public interface FeatureRepository extends GenericRepository<Object, Long> {
}
