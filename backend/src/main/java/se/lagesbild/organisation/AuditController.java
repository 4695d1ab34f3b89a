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

import java.util.List;

/** An organisation's audit trail, for its project leads and administrators. */
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

    @Get
    public List<AuditEvent> list(long organisationId, Caller caller,
                                 @QueryValue(defaultValue = "200") @Min(value = 1, message = "limit måste vara minst 1.")
                                 @Max(value = 1000, message = "limit får vara högst 1000.") int limit) {
        organisations.require(organisationId, caller, Permission.MANAGE);
        return audit.ofOrganisation(organisationId, limit);
    }
}
