package se.lagesbild.organisation;

import se.lagesbild.access.AuditEvent;
import se.lagesbild.access.AuditTrail;
import se.lagesbild.access.Caller;
import se.lagesbild.access.Permission;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import io.swagger.v3.oas.annotations.tags.Tag;
import se.lagesbild.apidocs.ClientProblems;
import se.lagesbild.apidocs.SignInRequired;

/** An organisation's audit trail, for its project leads and administrators. */
@Tag(name = "Organisations")
@SignInRequired
@ClientProblems
@Controller("/api/organisations/{organisationId}/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class AuditController {

    private final AuditTrail audit;
    private final Organisations organisations;

    public AuditController(AuditTrail audit, Organisations organisations) {
        this.audit = audit;
        this.organisations = organisations;
    }

    /**
     * The organisation's audit trail, newest first, a page at a time ({@code page} 0-based, {@code limit} entries);
     * {@code kind} keeps one kind of event (round, response, links, open-link, invitation, action, user, organisation).
     */
    @Get
    public List<AuditEvent> auditTrail(long organisationId, Caller caller,
                                 @QueryValue(defaultValue = "200") @Min(value = 1, message = "validation.limit-min")
                                 @Max(value = 1000, message = "validation.limit-max") int limit,
                                 @QueryValue(defaultValue = "0") @Min(value = 0, message = "validation.page-min")
                                 @Max(value = 100000, message = "validation.page-max") int page,
                                 @Nullable @QueryValue @Pattern(regexp = "round|response|links|open-link|invitation|action|user|organisation",
                                         message = "validation.audit-kind")
                                 String kind) {
        organisations.require(organisationId, caller, Permission.MANAGE);
        return audit.ofOrganisation(organisationId, kind, page, limit);
    }
}
