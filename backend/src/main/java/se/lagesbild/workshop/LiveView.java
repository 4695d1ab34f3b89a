package se.lagesbild.workshop;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Everything the projector shows, pushed to it whenever it changes. */
@Serdeable
public record LiveView(WorkshopView workshop, WorkshopResults results, List<ReflectionView> reflections) {
}
