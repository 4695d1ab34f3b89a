package se.lagesbild.response;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** A draft is still being filled in; a submitted response counts in the round's scores and is final. */
@io.micronaut.serde.annotation.Serdeable
public enum ResponseStatus {
    DRAFT, SUBMITTED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
