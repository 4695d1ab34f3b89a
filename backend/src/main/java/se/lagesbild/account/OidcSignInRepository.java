package se.lagesbild.account;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.MYSQL)
interface OidcSignInRepository extends CrudRepository<OidcSignIn, String> {

    /** Deletes the sign-in and says whether this call did (only one of two racing callbacks may go on). */
    int deleteByStateHash(String stateHash);

    void deleteByCreatedAtLessThan(Instant before);
}
