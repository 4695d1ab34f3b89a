package se.lagesbild.invitation;

import se.lagesbild.access.AuditTrail;
import se.lagesbild.access.Caller;
import se.lagesbild.access.Permission;
import se.lagesbild.access.Role;
import se.lagesbild.account.Accounts;
import se.lagesbild.system.SecretToken;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import se.lagesbild.instrument.InstrumentCatalog;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.organisation.Organisations;
import se.lagesbild.response.Response;
import se.lagesbild.response.ResponseService;
import se.lagesbild.round.Round;
import se.lagesbild.round.RoundService;
import se.lagesbild.system.ProblemException;
import se.lagesbild.system.Text;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Project leads invite respondents to a round by e-mail address: a single-use link that lets the person set a
 * password (or sign in with the one they have) and lands them in their response, signed in.
 */
@Singleton
public class Invitations {

    // Deliberately loose: one @, something on both sides, a dot in the domain. The person proves the address by using the link.
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final InvitationRepository invitations;
    private final RoundService rounds;
    private final ResponseService responses;
    private final InstrumentCatalog instruments;
    private final Organisations organisations;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final Duration validity;

    public Invitations(InvitationRepository invitations, RoundService rounds, ResponseService responses,
                       InstrumentCatalog instruments, Organisations organisations, Accounts accounts,
                       AuditTrail audit, @Value("${lagesbild.invitation.validity:14d}") Duration validity) {
        this.invitations = invitations;
        this.rounds = rounds;
        this.responses = responses;
        this.instruments = instruments;
        this.organisations = organisations;
        this.accounts = accounts;
        this.audit = audit;
        this.validity = validity;
    }

    /** A new invitation and the token of its link, which is shown to the lead once and never stored. */
    public record Created(Invitation invitation, String token) {
    }

    @Transactional
    public Created invite(Caller lead, long roundId, String email) {
        Round round = rounds.get(roundId, lead, Permission.MANAGE);
        if (!round.acceptsAnswers()) {
            throw ProblemException.conflict(Text.of("invitation.round-closed", round.label()));
        }
        String address = email.strip();
        if (!EMAIL.matcher(address).matches()) {
            throw ProblemException.badRequest("email", Text.of("invitation.email-needed"));
        }
        String token = SecretToken.generate();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Invitation invitation = invitations.save(new Invitation(null, SecretToken.hash(token), roundId, address, lead.userId(),
                now, now.plus(validity), null));
        audit.record(lead, round.organisationId(), "invitation.created", "invitation", invitation.id(), address);
        return new Created(invitation, token);
    }

    public List<Invitation> ofRound(Caller lead, long roundId) {
        rounds.get(roundId, lead, Permission.MANAGE);
        return invitations.findByRoundIdOrderByCreatedAtDesc(roundId);
    }

    /** What the person opening the link sees before setting a password. */
    @Serdeable
    public record Preview(String email, String organisationName, String roundLabel, String instrumentTitle,
                          @Nullable String instrumentTitleEn, boolean accountExists) {
    }

    public Preview preview(String token) {
        Invitation invitation = usable(invitations.findByTokenHash(SecretToken.hash(token)));
        Round round = rounds.get(invitation.roundId());
        InstrumentDefinition instrument = instruments.version(round.instrumentCode(), round.instrumentVersion());
        String organisation = organisations.get(round.organisationId()).name();
        return new Preview(invitation.email(), organisation, round.label(), instrument.title(), instrument.titleEn(),
                accounts.exists(invitation.email()));
    }

    /** The signed-in person and, when the instrument needs no respondent role to start, their new response. */
    public record Accepted(Accounts.SignedIn signedIn, long roundId, @Nullable Long responseId) {
    }

    /**
     * Uses the link: a new account with the given password (or the existing account, if the password is its own),
     * the role RESPONDENT in the round's organisation unless the person has a role there, and a response of theirs
     * in the round. For an instrument that asks for the respondent's role (Skatta läget) the person starts the
     * response themselves on the round page, choosing their role.
     */
    @Transactional
    public Accepted accept(String token, String password, String clientAddress) {
        Invitation invitation = usable(invitations.findByTokenHashForUpdate(SecretToken.hash(token)));
        Round round = rounds.get(invitation.roundId());
        if (!round.acceptsAnswers()) {
            throw ProblemException.conflict(Text.of("round.closed", round.label()));
        }
        Accounts.SignedIn signedIn = accounts.signInInvited(invitation.email(), password, clientAddress,
                round.organisationId(), Role.RESPONDENT);
        Caller caller = signedIn.caller();
        invitations.update(invitation.accepted(Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        audit.record(caller, round.organisationId(), "invitation.accepted", "invitation", invitation.id(), invitation.email());
        InstrumentDefinition instrument = instruments.version(round.instrumentCode(), round.instrumentVersion());
        Long responseId = null;
        if (!instrument.asksForRespondentRole()) {
            Response response = responses.start(round.id(), caller, null).response();
            responseId = response.id();
        }
        return new Accepted(signedIn, round.id(), responseId);
    }

    private static Invitation usable(java.util.Optional<Invitation> found) {
        Invitation invitation = found.orElseThrow(() -> ProblemException.notFound(Text.of("invitation.unknown")));
        if (!invitation.usable(Instant.now())) {
            throw new ProblemException(HttpStatus.GONE, invitation.acceptedAt() != null
                    ? Text.of("invitation.used")
                    : Text.of("invitation.expired"));
        }
        return invitation;
    }
}
