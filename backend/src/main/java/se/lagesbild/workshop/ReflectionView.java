package se.lagesbild.workshop;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import se.lagesbild.instrument.InstrumentDefinition;

import java.time.Instant;

/**
 * What one participant wrote for one activity (a group reflection or an open question), with the activity's
 * question and the writer's group; never who wrote it.
 *
 * @param activityId  null only for a group text from before agendas that no activity has adopted
 * @param promptIndex the instrument's reflection prompt, when the activity is one
 * @param hidden      hidden from the room by the facilitator (kept for the record)
 */
@Serdeable
public record ReflectionView(long id, @Nullable Long activityId, @Nullable String group, @Nullable Integer promptIndex,
                             String prompt, @Nullable String promptEn, String text, boolean hidden, Instant updatedAt) {

    static ReflectionView of(WorkshopStore.Contribution contribution, @Nullable ActivityView activity,
                             InstrumentDefinition instrument) {
        String prompt = "";
        String promptEn = null;
        if (activity != null) {
            prompt = activity.title();
            promptEn = activity.titleEn();
        } else if (contribution.promptIndex() != null && contribution.promptIndex() < instrument.reflectionPrompts().size()) {
            prompt = instrument.reflectionPrompts().get(contribution.promptIndex()).text();
            promptEn = instrument.reflectionPrompts().get(contribution.promptIndex()).textEn();
        }
        return new ReflectionView(contribution.id(), contribution.activityId(), contribution.group(),
                contribution.promptIndex(), prompt, promptEn, contribution.text(), contribution.hidden(),
                contribution.updatedAt());
    }
}
