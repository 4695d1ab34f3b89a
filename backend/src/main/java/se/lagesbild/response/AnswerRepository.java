package se.lagesbild.response;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AnswerRepository extends CrudRepository<Answer, Long> {

    @Query("""
            SELECT a.* FROM answers a JOIN responses r ON r.id = a.response_id
            WHERE r.round_id = :roundId AND r.status = 'SUBMITTED'""")
    List<Answer> findSubmittedByRound(long roundId);
}
