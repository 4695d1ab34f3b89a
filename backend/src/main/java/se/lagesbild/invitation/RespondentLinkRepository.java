package se.lagesbild.invitation;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RespondentLinkRepository extends CrudRepository<RespondentLink, Long> {

    Optional<RespondentLink> findByTokenHash(String tokenHash);

    boolean existsByTokenHash(String tokenHash);

    List<RespondentLink> findByRoundIdAndKindOrderById(long roundId, RespondentLink.Kind kind);

    long countByRoundIdAndKind(long roundId, RespondentLink.Kind kind);

    long countByRoundIdAndKindAndSubmitted(long roundId, RespondentLink.Kind kind, boolean submitted);

    @Query("UPDATE respondent_links SET submitted = TRUE WHERE token_hash = :tokenHash")
    void markSubmitted(String tokenHash);

    /** Claims a link for its first mail; 0 when another send claimed (or mailed) it already. */
    @Query("UPDATE respondent_links SET mailed_at = :at WHERE id = :id AND mailed_at IS NULL AND email IS NOT NULL")
    int claimInvitation(long id, Instant at);

    @Query("UPDATE respondent_links SET mailed_at = NULL WHERE id = :id")
    void releaseInvitation(long id);

    /** Claims a link for reminder number {@code reminder}; 0 when it had that reminder, or submitted, or has no address. */
    @Query("""
            UPDATE respondent_links SET reminders_sent = :reminder
            WHERE id = :id AND reminders_sent < :reminder AND submitted = FALSE AND email IS NOT NULL""")
    int claimReminder(long id, int reminder);

    @Query("UPDATE respondent_links SET reminders_sent = :previous WHERE id = :id")
    void releaseReminder(long id, int previous);

    /** Erases the addresses of a round's links, leaving the links (and their counts) in place. */
    @Query("UPDATE respondent_links SET email = NULL WHERE round_id = :roundId AND email IS NOT NULL")
    int eraseAddresses(long roundId);

    @Query("UPDATE respondent_links SET email = NULL WHERE email = :email")
    int eraseAddress(String email);

    List<RespondentLink> findByEmail(String email);
}
