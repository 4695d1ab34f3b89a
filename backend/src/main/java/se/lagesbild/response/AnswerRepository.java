package se.lagesbild.response;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AnswerRepository extends CrudRepository<Answer, Long> {

    /** Saves an answer whether or not the item was answered before: saving the same answer twice is harmless. */
    @Query("""
            INSERT INTO answers (response_id, item_code, value, comment, updated_at, answered_at, idempotency_key)
            VALUES (:responseId, :itemCode, :value, :comment, :updatedAt, :answeredAt, :idempotencyKey)
            ON DUPLICATE KEY UPDATE value = :value, comment = :comment, updated_at = :updatedAt,
                answered_at = :answeredAt, idempotency_key = :idempotencyKey""")
    void upsert(long responseId, String itemCode, @Nullable Integer value, @Nullable String comment, Instant updatedAt,
                Instant answeredAt, @Nullable String idempotencyKey);

    Optional<Answer> findByResponseIdAndItemCode(long responseId, String itemCode);

    @Query("""
            SELECT a.* FROM answers a JOIN responses r ON r.id = a.response_id
            WHERE r.round_id = :roundId AND r.status = 'SUBMITTED'""")
    List<Answer> findSubmittedByRound(long roundId);
}
