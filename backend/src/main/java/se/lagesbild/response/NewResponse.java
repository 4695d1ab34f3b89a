package se.lagesbild.response;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/** Starting a response: the respondent's role where the instrument asks for one. */
@Serdeable
public record NewResponse(@Nullable @Size(max = 30, message = "validation.role-too-long") String respondentRole) {
}
