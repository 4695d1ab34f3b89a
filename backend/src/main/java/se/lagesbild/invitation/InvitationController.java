package se.lagesbild.invitation;

import se.lagesbild.access.Caller;
import se.lagesbild.account.Accounts;
import se.lagesbild.system.ClientAddress;
import se.lagesbild.account.SessionCookie;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import se.lagesbild.system.PublicAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import io.swagger.v3.oas.annotations.tags.Tag;
import se.lagesbild.apidocs.ClientProblems;
import se.lagesbild.apidocs.ConflictProblem;
import se.lagesbild.apidocs.SignInRequired;
import se.lagesbild.apidocs.LinkGone;

/** Project leads invite respondents to a round; the person with the link accepts without being signed in. */
@Tag(name = "Reaching respondents")
@ClientProblems
@ConflictProblem
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class InvitationController {

    private final Invitations invitations;
    private final Accounts accounts;
    private final SessionCookie cookie;
    private final PublicAddress publicAddress;

    public InvitationController(Invitations invitations, Accounts accounts, SessionCookie cookie, PublicAddress publicAddress) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.cookie = cookie;
        this.publicAddress = publicAddress;
    }

    /** Invites a respondent with an account to answer a round. */
    @Post("/rounds/{roundId}/invitations")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SignInRequired
    public HttpResponse<CreatedInvitation> invite(long roundId, @Valid @Body NewInvitation request, Caller caller, HttpRequest<?> http) {
        Invitations.Created created = invitations.invite(caller, roundId, request.email());
        Invitation invitation = created.invitation();
        return HttpResponse.created(new CreatedInvitation(invitation.id(), invitation.email(),
                publicAddress.of(http) + "/inbjudan/" + created.token(), invitation.expiresAt()));
    }

    /** The invitations sent for a round and whether they have been accepted. */
    @Get("/rounds/{roundId}/invitations")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SignInRequired
    public List<InvitationView> listInvitations(long roundId, Caller caller) {
        return invitations.ofRound(caller, roundId).stream().map(InvitationView::of).toList();
    }

    /** What an invitation to answer is for, before it is accepted. */
    @Get("/invitations/{token}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @LinkGone
    public Invitations.Preview previewInvitation(@Size(max = 100, message = "validation.link-too-long") String token) {
        return invitations.preview(token);
    }

    /** Accepts an invitation: creates the respondent's account and signs them in. */
    @Post("/invitations/{token}/accept")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @LinkGone
    public HttpResponse<AcceptedInvitation> accept(@Size(max = 100, message = "validation.link-too-long") String token, @Valid @Body Acceptance request, HttpRequest<?> http) {
        Invitations.Accepted accepted = invitations.accept(token, request.password(), ClientAddress.of(http));
        return cookie.signedIn(new AcceptedInvitation(accepted.signedIn().token(), accounts.view(accepted.signedIn().caller()),
                accepted.roundId(), accepted.responseId()), accepted.signedIn().token(), http);
    }

    @Serdeable
    public record NewInvitation(
            @NotBlank(message = "validation.invitee-email-needed")
            @Size(max = 254, message = "validation.email-too-long") String email) {
    }

    @Serdeable
    public record CreatedInvitation(long id, String email, String link, Instant expiresAt) {
    }

    @Serdeable
    public record InvitationView(long id, String email, Instant createdAt, Instant expiresAt, @Nullable Instant acceptedAt) {
        static InvitationView of(Invitation invitation) {
            return new InvitationView(invitation.id(), invitation.email(), invitation.createdAt(), invitation.expiresAt(),
                    invitation.acceptedAt());
        }
    }

    @Serdeable
    public record Acceptance(@NotBlank(message = "validation.password-needed") String password) {
    }

    @Serdeable
    public record AcceptedInvitation(String accessToken, Accounts.UserView user, long roundId, @Nullable Long responseId) {
    }
}
