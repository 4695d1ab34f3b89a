package se.lagesbild.workshop;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface WorkshopRepository extends CrudRepository<Workshop, Long> {

    Optional<Workshop> findByCode(String code);

    boolean existsByCode(String code);

    List<Workshop> findAllOrderByCreatedAtDesc();

    List<Workshop> findByOrganisationIdOrderByCreatedAtDesc(long organisationId);

    /** Locks the row, so that closing waits for answers being saved and answers saved after it see it closed. */
    @Query("SELECT * FROM workshops WHERE id = :id FOR UPDATE")
    Optional<Workshop> findByIdForUpdate(long id);
}
