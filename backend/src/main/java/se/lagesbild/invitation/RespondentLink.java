package se.lagesbild.invitation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A way into a round without an account: a personal link mailed to one address, or an anonymous token that the
 * round's open link handed to one device. Only a hash of the token is kept; the link knows whether its response
 * was submitted (for reminders), never which response it is.
 */
@MappedEntity("respondent_links")
public record RespondentLink(
        @Id @GeneratedValue @Nullable Long id,
        long roundId,
        Kind kind,
        String tokenHash,
        @Nullable String email,
        boolean submitted,
        @Nullable Instant mailedAt,
        int remindersSent,
        Instant createdAt) {

    public enum Kind { PERSONAL, ANONYMOUS }
}
