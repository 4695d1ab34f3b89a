package se.lagesbild.workshop;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import se.lagesbild.instrument.InstrumentDefinition;

/**
 * An agenda activity as every page shows it, with its question in both languages: for a placement, the
 * title of the item's part when the item is alone in it (the staircase's "Var är du i jämställdhetstrappan?",
 * short enough to leave the projector room for the chart), else the item's text, and on every item the part
 * title (or the instrument's); the reflection prompt or the facilitator's own text otherwise.
 */
@Serdeable
public record ActivityView(long id, int position, ActivityKind kind, @Nullable String itemCode,
                           @Nullable Integer promptIndex, String title, @Nullable String titleEn) {

    static ActivityView of(Activity activity, InstrumentDefinition instrument) {
        String title;
        String titleEn = null;
        if (activity.text() != null) {
            title = activity.text();
        } else if (activity.kind() == ActivityKind.PLACEMENT && activity.itemCode() != null) {
            InstrumentDefinition.Part part = instrument.parts().stream()
                    .filter(p -> p.items().stream().anyMatch(i -> i.code().equals(activity.itemCode()))).findFirst().orElseThrow();
            InstrumentDefinition.Item item = part.items().stream().filter(i -> i.code().equals(activity.itemCode())).findFirst().orElseThrow();
            boolean alone = part.items().size() == 1;
            title = alone ? part.title() : item.text();
            titleEn = alone ? part.titleEn() : item.textEn();
        } else if (activity.kind() == ActivityKind.PLACEMENT) {
            InstrumentDefinition.Part first = instrument.parts().get(0);
            title = instrument.parts().size() == 1 ? first.title() : instrument.title();
            titleEn = instrument.parts().size() == 1 ? first.titleEn() : null;
        } else {
            InstrumentDefinition.ReflectionPrompt prompt = instrument.reflectionPrompts().get(activity.promptIndex());
            title = prompt.text();
            titleEn = prompt.textEn();
        }
        return new ActivityView(activity.id(), activity.position(), activity.kind(), activity.itemCode(),
                activity.promptIndex(), title, titleEn);
    }
}
