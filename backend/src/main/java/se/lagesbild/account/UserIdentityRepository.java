package se.lagesbild.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface UserIdentityRepository extends CrudRepository<UserIdentity, Long> {

    Optional<UserIdentity> findByIssuerAndSubject(String issuer, String subject);

    List<UserIdentity> findByUserIdIn(Collection<Long> userIds);

    void deleteByUserId(long userId);

    /** How many administrators who may sign in can do so through one of these providers. */
    @Query("""
            SELECT COUNT(*) FROM user_identities i JOIN users u ON u.id = i.user_id
            WHERE u.admin = TRUE AND u.disabled = FALSE AND i.provider IN (:providers)""")
    long countAdministratorsThrough(Collection<String> providers);
}
