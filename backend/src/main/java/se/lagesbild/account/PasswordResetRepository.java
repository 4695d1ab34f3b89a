package se.lagesbild.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface PasswordResetRepository extends CrudRepository<PasswordReset, Long> {

    Optional<PasswordReset> findByTokenHash(String tokenHash);

    /** Locks the reset while it is used, so that it is used once even when sent twice at once. */
    @Query("SELECT * FROM password_resets WHERE token_hash = :tokenHash FOR UPDATE")
    Optional<PasswordReset> findByTokenHashForUpdate(String tokenHash);
}
