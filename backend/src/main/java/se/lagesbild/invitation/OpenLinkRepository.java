package se.lagesbild.invitation;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface OpenLinkRepository extends CrudRepository<OpenLink, Long> {

    Optional<OpenLink> findByTokenHash(String tokenHash);
}
