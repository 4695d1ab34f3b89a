package se.lagesbild.instrument;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface StoredInstrumentVersionRepository extends CrudRepository<StoredInstrumentVersion, Long> {

    Optional<StoredInstrumentVersion> findByCodeAndVersion(String code, int version);
}
