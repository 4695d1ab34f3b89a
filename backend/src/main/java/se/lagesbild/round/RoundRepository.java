package se.lagesbild.round;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RoundRepository extends CrudRepository<Round, Long> {

    /** Locks the round for the rest of the transaction: closing waits for answers being saved, and they for it. */
    @Query("SELECT * FROM rounds WHERE id = :id FOR UPDATE")
    Optional<Round> findByIdForUpdate(long id);

    List<Round> findByOrganisationIdOrderByCreatedAtDesc(long organisationId);

    List<Round> findByOrganisationIdAndInstrumentCodeOrderByCreatedAtAsc(long organisationId, String instrumentCode);

    List<Round> findByInstrumentCodeAndLabelOrderByCreatedAtAsc(String instrumentCode, String label);

    List<Round> findByStatusAndClosedAtLessThan(RoundStatus status, Instant closedAt);
}
