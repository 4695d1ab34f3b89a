package se.lagesbild.workshop;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Everything the presenter and control views show, pushed to them whenever it changes: the workshop, the
 * instrument's results, every group reflection, the agenda and the current activity's result (null while
 * the room is joining).
 */
@Serdeable
public record LiveView(WorkshopView workshop, WorkshopResults results, List<ReflectionView> reflections,
                       List<ActivityView> agenda, @Nullable @Schema(type = "object") ActivityResult current) {
}
