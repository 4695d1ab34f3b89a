package se.lagesbild.organisation;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface OrganisationRepository extends CrudRepository<Organisation, Long> {

    List<Organisation> findAllOrderByName();

    List<Organisation> findByIdIn(List<Long> ids);
}
