package se.lagesbild.workshop;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;

/** A draft workshop is being prepared (participants may join and wait), an open one takes answers, a closed one is final. */
@Serdeable
public enum WorkshopStatus {
    DRAFT, OPEN, CLOSED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
