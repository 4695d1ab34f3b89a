package se.lagesbild.workshop;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;

/**
 * What the room does in one activity: place themselves on the instrument's scale, answer an open question
 * each with a short text, or reflect in groups (every member's text kept, shown per group).
 */
@Serdeable
public enum ActivityKind {
    PLACEMENT("placement"), OPEN_QUESTION("openQuestion"), GROUP_REFLECTION("groupReflection");

    private final String code;

    ActivityKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The kind as the API names it ("openQuestion", also "OPEN_QUESTION"); null when there is none. */
    static ActivityKind of(String code) {
        return Arrays.stream(values())
                .filter(kind -> kind.code.equalsIgnoreCase(code) || kind.name().equalsIgnoreCase(code))
                .findFirst().orElse(null);
    }

    boolean takesText() {
        return this != PLACEMENT;
    }

    static String known() {
        return String.join(", ", Arrays.stream(values()).map(kind -> kind.code).toList());
    }
}
