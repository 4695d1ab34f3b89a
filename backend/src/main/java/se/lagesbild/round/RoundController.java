package se.lagesbild.round;

import io.micronaut.http.HttpResponse;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import se.lagesbild.access.Caller;
import se.lagesbild.access.Permission;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.Valid;

import java.util.List;
import se.lagesbild.apidocs.ClientProblems;
import se.lagesbild.apidocs.ConflictProblem;
import se.lagesbild.apidocs.SignInRequired;

@Tag(name = "Rounds and scores")
@SignInRequired
@ClientProblems
@ConflictProblem
@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class RoundController {

    private final RoundService rounds;

    public RoundController(RoundService rounds) {
        this.rounds = rounds;
    }

    /** Starts a round of an instrument for an organisation. */
    @Post("/rounds")
    public HttpResponse<Round> startRound(@Valid @Body NewRound request, Caller caller) {
        return HttpResponse.created(rounds.start(caller, request.organisationId(), request.instrumentCode(), request.label()));
    }

    /** One round. */
    @Get("/rounds/{roundId}")
    public Round getRound(long roundId, Caller caller) {
        return rounds.get(roundId, caller, Permission.VIEW);
    }

    /** An organisation's rounds, newest first. */
    @Get("/organisations/{organisationId}/rounds")
    public List<Round> ofOrganisation(long organisationId, Caller caller) {
        return rounds.ofOrganisation(caller, organisationId);
    }

    /** Closes a round: it takes no more responses. */
    @Post("/rounds/{roundId}/close")
    public Round closeRound(long roundId, Caller caller) {
        return rounds.close(roundId, caller);
    }
}
