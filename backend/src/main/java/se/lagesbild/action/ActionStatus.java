package se.lagesbild.action;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an improvement action stands. */
@Serdeable
public enum ActionStatus {
    PLANNED, ONGOING, DONE;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ActionStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(status -> status.code().equals(code)).findFirst();
    }
}
