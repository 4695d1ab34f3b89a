package se.lagesbild.round;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RoundRepository extends CrudRepository<Round, Long> {

    List<Round> findByOrganisationIdOrderByCreatedAtDesc(long organisationId);

    List<Round> findByOrganisationIdAndInstrumentCodeOrderByCreatedAtAsc(long organisationId, String instrumentCode);

    List<Round> findByInstrumentCodeAndLabelOrderByCreatedAtAsc(String instrumentCode, String label);
}
