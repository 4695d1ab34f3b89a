package se.lagesbild.response;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import se.lagesbild.access.Caller;
import se.lagesbild.access.Permission;
import se.lagesbild.round.Round;
import se.lagesbild.round.RoundService;
import se.lagesbild.scoring.RoundScores;

import java.util.List;
import se.lagesbild.apidocs.ClientProblems;
import se.lagesbild.apidocs.SignInRequired;

/** A round's scores: what its submitted responses add up to. */
@Tag(name = "Rounds and scores")
@SignInRequired
@ClientProblems
@Controller("/api/rounds/{roundId}/scores")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@SerdeImport(RoundScores.TotalScore.class)
@SerdeImport(RoundScores.PartScore.class)
@SerdeImport(RoundScores.ItemScore.class)
@SerdeImport(RoundScores.ValueCount.class)
@SerdeImport(RoundScores.RoleScores.class)
public class RoundScoresController {

    private final RoundService rounds;
    private final RoundResults results;

    public RoundScoresController(RoundService rounds, RoundResults results) {
        this.rounds = rounds;
        this.results = results;
    }

    /** A round's results: per part and item, with spread and suppression of small groups. */
    @Get
    public RoundScoresView roundScores(long roundId, Caller caller) {
        Round round = rounds.get(roundId, caller, Permission.VIEW);
        RoundScores scores = results.scores(round);
        return new RoundScoresView(round.id(), round.instrumentCode(), round.instrumentVersion(), round.label(),
                scores.respondents(), rounds.anonymityThreshold(), scores.total(), scores.parts(), scores.items(), scores.roles());
    }

    /** A round's scores, as in the API contract. */
    @Serdeable
    public record RoundScoresView(long roundId, String instrumentCode, int instrumentVersion, String label,
                                  int respondents, int anonymityThreshold, RoundScores.TotalScore total, List<RoundScores.PartScore> parts,
                                  List<RoundScores.ItemScore> items, List<RoundScores.RoleScores> roles) {
    }
}
