package se.lagesbild.round;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What starting a round asks for; an imported round follows the same rules for its instrument and label. */
@Serdeable
public record NewRound(
        @NotNull(message = "validation.organisation-needed") Long organisationId,
        @NotBlank(message = INSTRUMENT_REQUIRED) String instrumentCode,
        @NotBlank(message = LABEL_REQUIRED)
        @Size(max = LABEL_MAX_LENGTH, message = LABEL_TOO_LONG) String label) {

    /** The messages of the rules every new round's instrument and label follow, however it is started. */
    public static final String INSTRUMENT_REQUIRED = "Ange instrumentet (instrumentCode).";
    public static final String LABEL_REQUIRED = "Ange omgångens namn, till exempel 2025.";
    public static final int LABEL_MAX_LENGTH = 50;
    public static final String LABEL_TOO_LONG = "Omgångens namn får vara högst 50 tecken.";
}
