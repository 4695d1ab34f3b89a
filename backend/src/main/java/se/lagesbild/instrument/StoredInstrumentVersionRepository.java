package se.lagesbild.instrument;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface StoredInstrumentVersionRepository extends CrudRepository<StoredInstrumentVersion, Long> {

    Optional<StoredInstrumentVersion> findByCodeAndVersion(String code, int version);

    /** The newest version number of every instrument, as "code version" pairs. */
    @Query("SELECT code, MAX(version) AS version FROM instrument_versions GROUP BY code")
    List<LatestVersion> findLatestVersions();

    @Query("SELECT version FROM instrument_versions WHERE code = :code ORDER BY version")
    List<Integer> findVersionNumbers(String code);

    /** An instrument and its newest version number. */
    @io.micronaut.core.annotation.Introspected
    record LatestVersion(String code, int version) {
    }
}
