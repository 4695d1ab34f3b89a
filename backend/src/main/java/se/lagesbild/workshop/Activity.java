package se.lagesbild.workshop;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * One step of a workshop's agenda.
 *
 * @param itemCode    placement: the instrument's item; null for every item of the instrument
 * @param promptIndex group reflection: the instrument's reflection prompt (0-based); null when {@code text} is the prompt
 * @param text        an open question, or a reflection prompt of the facilitator's own
 */
@MappedEntity("workshop_activities")
public record Activity(
        @Id @GeneratedValue @Nullable Long id,
        long workshopId,
        int position,
        ActivityKind kind,
        @Nullable String itemCode,
        @Nullable Integer promptIndex,
        @Nullable String text) {
}
