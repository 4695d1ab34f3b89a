package se.lagesbild.response;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** An answer as the API shows it; {@code applied} says whether the request that saved it changed anything. */
@Serdeable
public record AnswerView(String itemCode,
                         @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Integer value,
                         @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String comment,
                         Instant updatedAt,
                         @Nullable Instant answeredAt,
                         @Nullable Boolean applied) {
    public static AnswerView of(Answer answer) {
        return new AnswerView(answer.itemCode(), answer.value(), answer.comment(), answer.updatedAt(), answer.answeredAt(), null);
    }

    public static AnswerView of(Answer answer, boolean applied) {
        return new AnswerView(answer.itemCode(), answer.value(), answer.comment(), answer.updatedAt(), answer.answeredAt(), applied);
    }
}
