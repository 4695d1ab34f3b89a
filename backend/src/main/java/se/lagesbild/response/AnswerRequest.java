package se.lagesbild.response;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * One answer as given: a value on the scale, or null for "Vet inte", an optional comment, and when the
 * person chose it (the client's clock; optional, the server's time when absent).
 */
@Serdeable
public record AnswerRequest(
        @Nullable Integer value,
        @Nullable @Size(max = Answer.MAX_COMMENT_LENGTH, message = "validation.comment-too-long") String comment,
        @Nullable Instant answeredAt) {
}
