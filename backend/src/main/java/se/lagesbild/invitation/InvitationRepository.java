package se.lagesbild.invitation;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface InvitationRepository extends CrudRepository<Invitation, Long> {

    Optional<Invitation> findByTokenHash(String tokenHash);

    /** Locks the invitation while it is accepted, so that it is used once even when opened twice at once. */
    @Query("SELECT * FROM invitations WHERE token_hash = :tokenHash FOR UPDATE")
    Optional<Invitation> findByTokenHashForUpdate(String tokenHash);

    List<Invitation> findByRoundIdOrderByCreatedAtDesc(long roundId);

    List<Invitation> findByEmail(String email);

    void deleteByEmail(String email);
}
