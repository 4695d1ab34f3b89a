package se.lagesbild.privacy;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import se.lagesbild.access.AuditEvent;
import se.lagesbild.access.AuditTrail;
import se.lagesbild.access.Caller;
import se.lagesbild.account.Accounts;
import se.lagesbild.invitation.AddressData;

import java.util.List;

/**
 * A data subject's request (GDPR articles 15 and 17), by e-mail address: everything the platform holds about the
 * person (account and roles, invitations, survey links, audit entries naming them) and erasing it. Answers given
 * through links were never tied to the address, so there is nothing of theirs to find among the responses.
 */
@Singleton
public class PersonalData {

    private final Accounts accounts;
    private final AddressData addresses;
    private final AuditTrail audit;

    public PersonalData(Accounts accounts, AddressData addresses, AuditTrail audit) {
        this.accounts = accounts;
        this.addresses = addresses;
        this.audit = audit;
    }

    @Serdeable
    public record Held(String email, @Nullable @Schema(type = "object") Accounts.UserView account, List<AddressData.HeldInvitation> invitations,
                       List<AddressData.HeldLink> surveyLinks, List<AuditEvent> auditEntries) {
    }

    public Held of(String email) {
        Accounts.UserView account = accounts.find(email).orElse(null);
        return new Held(email.strip(), account, addresses.invitations(email), addresses.links(email),
                audit.naming(account == null ? -1 : account.id(), email.strip()));
    }

    @Serdeable
    public record Erased(boolean account, int invitationsAndLinks, int auditEntries) {
    }

    @Transactional
    public Erased erase(Caller admin, String email) {
        String address = email.strip();
        Long userId = accounts.erase(address).orElse(null);
        int held = addresses.erase(address);
        int entries = audit.eraseNaming(userId == null ? -1 : userId, address);
        audit.record(admin, null, "person.erased", "user", userId, null);
        return new Erased(userId != null, held, entries);
    }
}
