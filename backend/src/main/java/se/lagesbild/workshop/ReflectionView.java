package se.lagesbild.workshop;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import se.lagesbild.instrument.InstrumentDefinition;

import java.time.Instant;

/** What one group wrote for one reflection prompt, with the prompt's text. */
@Serdeable
public record ReflectionView(String group, int promptIndex, String prompt, @Nullable String promptEn, String text,
                             Instant updatedAt) {

    static ReflectionView of(WorkshopStore.Reflection reflection, InstrumentDefinition instrument) {
        InstrumentDefinition.ReflectionPrompt prompt = reflection.promptIndex() < instrument.reflectionPrompts().size()
                ? instrument.reflectionPrompts().get(reflection.promptIndex())
                : new InstrumentDefinition.ReflectionPrompt("", null);
        return new ReflectionView(reflection.group(), reflection.promptIndex(), prompt.text(), prompt.textEn(),
                reflection.text(), reflection.updatedAt());
    }
}
