package se.lagesbild.access;

import io.micronaut.data.annotation.Query;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AuditEventRepository extends CrudRepository<AuditEvent, Long> {

    List<AuditEvent> findByOrganisationId(long organisationId, Pageable page);

    List<AuditEvent> findByOrganisationIdAndActionStartsWith(long organisationId, String action, Pageable page);

    /** Entries that name a person: as the one who acted, or in their detail. */
    @Query("SELECT * FROM audit_events WHERE user_id = :userId OR username = :name OR detail LIKE CONCAT('%', :name, '%') ORDER BY at, id")
    List<AuditEvent> findNaming(long userId, String name);
}
