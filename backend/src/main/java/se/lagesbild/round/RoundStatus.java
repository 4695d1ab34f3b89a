package se.lagesbild.round;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** An open round takes answers; a closed one is final. */
@io.micronaut.serde.annotation.Serdeable
public enum RoundStatus {
    OPEN, CLOSED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
