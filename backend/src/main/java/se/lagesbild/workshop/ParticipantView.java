package se.lagesbild.workshop;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.serde.annotation.Serdeable;
import se.lagesbild.instrument.InstrumentDefinition;

import java.util.List;

/**
 * The participant's page: the workshop (no results, no other participants) and, once joined on this
 * device, the participant's own group, answers and texts.
 */
@Serdeable
public record ParticipantView(String code, String title, WorkshopStatus status, String instrumentCode,
                              int instrumentVersion, boolean joined, @Nullable @Schema(type = "object") Me me) {

    /**
     * The participant's own group, answers and texts: {@code texts} per activity, {@code reflections} those
     * written for the instrument's reflection prompts.
     */
    @Serdeable
    public record Me(@Nullable String group, List<Answer> answers, List<GroupReflection> reflections, List<Text> texts) {
        static Me of(@Nullable String group, List<WorkshopStore.GivenAnswer> given, List<WorkshopStore.Contribution> own) {
            return new Me(group, given.stream().map(a -> new Answer(a.itemCode(), a.value())).toList(),
                    own.stream().filter(c -> c.promptIndex() != null).map(c -> new GroupReflection(c.promptIndex(), c.text())).toList(),
                    own.stream().filter(c -> c.activityId() != null).map(c -> new Text(c.activityId(), c.text())).toList());
        }
    }

    @Serdeable
    public record Text(long activityId, String text) {
    }

    @Serdeable
    public record Answer(String itemCode, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Integer value) {
    }

    @Serdeable
    public record GroupReflection(int promptIndex, String text) {
    }

    static ParticipantView of(Workshop workshop, InstrumentDefinition instrument, @Nullable Me me) {
        return new ParticipantView(workshop.code(), workshop.title(), workshop.status(), instrument.code(),
                instrument.version(), me != null, me);
    }
}
