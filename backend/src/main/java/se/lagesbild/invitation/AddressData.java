package se.lagesbild.invitation;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;

/** What invitations and survey links hold about one e-mail address, and erasing it (for an administrator's GDPR request). */
@Singleton
public class AddressData {

    private final InvitationRepository invitations;
    private final RespondentLinkRepository links;

    public AddressData(InvitationRepository invitations, RespondentLinkRepository links) {
        this.invitations = invitations;
        this.links = links;
    }

    @Serdeable
    public record HeldInvitation(long roundId, Instant createdAt, Instant expiresAt, boolean accepted) {
    }

    /** A survey link to the address: which round, whether mailed. Never which response, which is not kept. */
    @Serdeable
    public record HeldLink(long roundId, boolean mailed, boolean answered) {
    }

    public List<HeldInvitation> invitations(String email) {
        return invitations.findByEmail(email.strip()).stream()
                .map(i -> new HeldInvitation(i.roundId(), i.createdAt(), i.expiresAt(), i.acceptedAt() != null)).toList();
    }

    public List<HeldLink> links(String email) {
        return links.findByEmail(email.strip()).stream()
                .map(link -> new HeldLink(link.roundId(), link.mailedAt() != null, link.submitted())).toList();
    }

    /** Deletes the address's invitations and removes it from its survey links (the links and counts stay). */
    @Transactional
    public int erase(String email) {
        int invited = invitations.findByEmail(email.strip()).size();
        invitations.deleteByEmail(email.strip());
        return invited + links.eraseAddress(email.strip());
    }
}
