package se.lagesbild.invitation;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface MailTextsRepository extends CrudRepository<MailTexts, Long> {

    @Query("SELECT * FROM round_mail_texts WHERE round_id = :roundId FOR UPDATE")
    Optional<MailTexts> findByIdForUpdate(long roundId);
}
