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
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.lagesbild.scoring.RoundScores;

import java.util.List;

@Tag(name = "Rounds and scores")
@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@SerdeImport(RoundScores.TotalScore.class)
@SerdeImport(RoundScores.PartScore.class)
@SerdeImport(RoundScores.ItemScore.class)
@SerdeImport(RoundScores.ValueCount.class)
@SerdeImport(RoundScores.RoleScores.class)
public class RoundController {

    private final RoundService rounds;

    public RoundController(RoundService rounds) {
        this.rounds = rounds;
    }

    @Post("/rounds")
    public HttpResponse<Round> start(@Valid @Body NewRound request, Caller caller) {
        return HttpResponse.created(rounds.start(caller, request.organisationId(), request.instrumentCode(), request.label()));
    }

    @Get("/rounds/{roundId}")
    public Round get(long roundId, Caller caller) {
        return rounds.get(roundId, caller, Permission.VIEW);
    }

    @Get("/organisations/{organisationId}/rounds")
    public List<Round> ofOrganisation(long organisationId, Caller caller) {
        rounds.requireOrganisation(organisationId, caller, Permission.VIEW);
        return rounds.ofOrganisation(organisationId);
    }

    @Post("/rounds/{roundId}/close")
    public Round close(long roundId, Caller caller) {
        return rounds.close(roundId, caller);
    }

    @Get("/rounds/{roundId}/scores")
    public RoundScoresView scores(long roundId, Caller caller) {
        Round round = rounds.get(roundId, caller, Permission.VIEW);
        RoundScores scores = rounds.scores(round);
        return new RoundScoresView(round.id(), round.instrumentCode(), round.instrumentVersion(), round.label(),
                scores.respondents(), rounds.anonymityThreshold(), scores.total(), scores.parts(), scores.items(), scores.roles());
    }

    @Serdeable
    public record NewRound(
            @NotNull(message = "Ange organisationen (organisationId).") Long organisationId,
            @NotBlank(message = INSTRUMENT_REQUIRED) String instrumentCode,
            @NotBlank(message = LABEL_REQUIRED)
            @Size(max = LABEL_MAX_LENGTH, message = LABEL_TOO_LONG) String label) {

        /** The messages of the rules every new round's instrument and label follow, however it is started. */
        public static final String INSTRUMENT_REQUIRED = "Ange instrumentet (instrumentCode).";
        public static final String LABEL_REQUIRED = "Ange omgångens namn, till exempel 2025.";
        public static final int LABEL_MAX_LENGTH = 50;
        public static final String LABEL_TOO_LONG = "Omgångens namn får vara högst 50 tecken.";
    }

    /** A round's scores, as in the API contract. */
    @Serdeable
    public record RoundScoresView(long roundId, String instrumentCode, int instrumentVersion, String label,
                                  int respondents, int anonymityThreshold, RoundScores.TotalScore total, List<RoundScores.PartScore> parts,
                                  List<RoundScores.ItemScore> items, List<RoundScores.RoleScores> roles) {
    }
}
