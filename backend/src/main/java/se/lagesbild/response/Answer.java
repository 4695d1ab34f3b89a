package se.lagesbild.response;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * The answer to one item; a null value is "Vet inte": answered, but missing in every score.
 *
 * @param answeredAt when the person made this choice, by the client's clock (never later than the server's)
 * @param idempotencyKey the key of the request that stored it, so a retried request changes nothing
 */
@MappedEntity("answers")
public record Answer(
        @Id @GeneratedValue @Nullable Long id,
        long responseId,
        String itemCode,
        @Nullable Integer value,
        @Nullable String comment,
        Instant updatedAt,
        @Nullable Instant answeredAt,
        @Nullable String idempotencyKey) {

    /** The longest comment an answer keeps, however it is given. */
    public static final int MAX_COMMENT_LENGTH = 4000;
}
