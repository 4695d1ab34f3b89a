package se.lagesbild.account;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface UserRoleRepository extends CrudRepository<UserRole, Long> {

    List<UserRole> findByUserId(long userId);

    List<UserRole> findByUserIdIn(Collection<Long> userIds);

    void deleteByUserId(long userId);
}
