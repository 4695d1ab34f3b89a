package se.lagesbild.response;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ResponseRepository extends CrudRepository<Response, Long> {

    /** Locks the response for the rest of the transaction, so a submit and an answer never interleave. */
    @Query("SELECT * FROM responses WHERE id = :id FOR UPDATE")
    Optional<Response> findByIdForUpdate(long id);

    /** {@link #findByIdForUpdate} for several responses in one statement (a batch of answers), locked in id order. */
    @Query("SELECT * FROM responses WHERE id IN (:ids) ORDER BY id FOR UPDATE")
    List<Response> findByIdInForUpdate(Collection<Long> ids);

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

    Optional<Response> findByRespondentKey(String respondentKey);

    /** Locks the response found by its key, like {@link #findByIdForUpdate}. */
    @Query("SELECT * FROM responses WHERE respondent_key = :respondentKey FOR UPDATE")
    Optional<Response> findByRespondentKeyForUpdate(String respondentKey);

    /** {@link #findByRespondentKeyForUpdate} for several keys in one statement (a batch of answers). */
    @Query("SELECT * FROM responses WHERE respondent_key IN (:respondentKeys) ORDER BY id FOR UPDATE")
    List<Response> findByRespondentKeyInForUpdate(Collection<String> respondentKeys);

    @Query("""
            SELECT r.id, r.round_id, r.respondent_role, r.status, r.created_at, r.submitted_at,
                   (SELECT COUNT(*) FROM answers a WHERE a.response_id = r.id) AS answered
            FROM responses r WHERE r.respondent_key = :respondentKey""")
    List<ResponseSummary> summariesByRespondentKey(String respondentKey);

    long countByRoundId(long roundId);

    long countByRoundIdAndStatus(long roundId, ResponseStatus status);
}
