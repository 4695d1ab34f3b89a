package se.lagesbild.response;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ResponseRepository extends CrudRepository<Response, Long> {

    // Responses on the answer path (started, locked, found by respondent key) are read by ResponseRows, by position.

    @Query("""
            SELECT r.id, r.round_id, r.respondent_role, r.status, r.created_at, r.submitted_at,
                   (SELECT COUNT(*) FROM answers a WHERE a.response_id = r.id) AS answered
            FROM responses r WHERE r.round_id = :roundId ORDER BY r.id""")
    List<ResponseSummary> summariesByRound(long roundId);

    @Query("""
            SELECT r.id, r.round_id, r.respondent_role, r.status, r.created_at, r.submitted_at,
                   (SELECT COUNT(*) FROM answers a WHERE a.response_id = r.id) AS answered
            FROM responses r WHERE r.round_id = :roundId AND r.user_id = :userId ORDER BY r.id""")
    List<ResponseSummary> summariesByRoundAndUser(long roundId, long userId);

    List<Response> findByRoundIdAndStatus(long roundId, ResponseStatus status);

    @Query("""
            SELECT r.id, r.round_id, r.respondent_role, r.status, r.created_at, r.submitted_at,
                   (SELECT COUNT(*) FROM answers a WHERE a.response_id = r.id) AS answered
            FROM responses r WHERE r.respondent_key = :respondentKey""")
    List<ResponseSummary> summariesByRespondentKey(String respondentKey);

    long countByRoundId(long roundId);

    long countByRoundIdAndStatus(long roundId, ResponseStatus status);
}
