package se.lagesbild.account;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface SessionRepository extends CrudRepository<Session, Long> {

    Optional<Session> findByTokenHashAndExpiresAtGreaterThan(String tokenHash, Instant now);

    Optional<Session> findByTokenHash(String tokenHash);

    void deleteByTokenHash(String tokenHash);

    void deleteByExpiresAtLessThan(Instant now);

    void deleteByUserId(long userId);
}
