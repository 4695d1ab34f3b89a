package se.lagesbild.workshop;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.system.ProblemException;
import se.lagesbild.system.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * A workshop's agenda as it is asked for, and the template a workshop gets when none is given: a placement on
 * the instrument's scale, then a group reflection on each of its reflection prompts. For the staircase that
 * is the workshop of the seed (004): "var är du i jämställdhetstrappan?", reflection in groups on what the
 * next step needs and on the pitfalls, "hur förbereder vi oss på bästa sätt?".
 */
final class Agenda {

    static final int MAX_ACTIVITIES = 30;
    static final int TEXT_MAX_LENGTH = 500;

    private Agenda() {
    }

    /** One activity as asked for: {@code kind} "placement", "openQuestion" or "groupReflection". */
    @Serdeable
    public record Step(String kind, @Nullable String itemCode, @Nullable Integer promptIndex, @Nullable String text) {
    }

    static List<Step> template(InstrumentDefinition instrument) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(ActivityKind.PLACEMENT.code(), null, null, null));
        for (int i = 0; i < instrument.reflectionPrompts().size(); i++) {
            steps.add(new Step(ActivityKind.GROUP_REFLECTION.code(), null, i, null));
        }
        return steps;
    }

    /** The activity the step asks for, at this position; a step the instrument cannot run is refused (400). */
    static Activity activity(long workshopId, int position, Step step, InstrumentDefinition instrument) {
        ActivityKind kind = ActivityKind.of(step.kind());
        if (kind == null) {
            throw ProblemException.badRequest("kind", Text.of("workshop.unknown-activity-kind", step.kind(), ActivityKind.known()));
        }
        String text = step.text() == null || step.text().isBlank() ? null : step.text().strip();
        if (text != null && text.length() > TEXT_MAX_LENGTH) {
            throw ProblemException.badRequest("text", Text.of("workshop.question-too-long", TEXT_MAX_LENGTH));
        }
        return switch (kind) {
            case PLACEMENT -> {
                String item = step.itemCode() == null || step.itemCode().isBlank() ? null : step.itemCode().strip();
                if (item != null && instrument.parts().stream().flatMap(part -> part.items().stream())
                        .noneMatch(i -> i.code().equals(item))) {
                    throw ProblemException.badRequest("itemCode", Text.of("workshop.unknown-item", instrument.titled(), item));
                }
                yield new Activity(null, workshopId, position, kind, item, null, text);
            }
            case OPEN_QUESTION -> {
                if (text == null) {
                    throw ProblemException.badRequest("text", Text.of("workshop.open-question-without-text"));
                }
                yield new Activity(null, workshopId, position, kind, null, null, text);
            }
            case GROUP_REFLECTION -> {
                Integer prompt = step.promptIndex();
                if (prompt == null && text == null) {
                    throw ProblemException.badRequest("promptIndex", Text.of("workshop.reflection-without-question"));
                }
                int prompts = instrument.reflectionPrompts().size();
                if (prompt != null && prompts == 0) {
                    throw ProblemException.badRequest("promptIndex", Text.of("workshop.no-prompts", instrument.titled()));
                }
                if (prompt != null && (prompt < 0 || prompt >= prompts)) {
                    throw ProblemException.badRequest("promptIndex", Text.of("workshop.prompt-out-of-range", instrument.titled(), prompts,
                            prompts - 1, prompt));
                }
                yield new Activity(null, workshopId, position, kind, null, prompt, prompt == null ? text : null);
            }
        };
    }
}
