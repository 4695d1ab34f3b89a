package se.lagesbild.comparison;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import se.lagesbild.access.Caller;
import se.lagesbild.access.Permission;
import se.lagesbild.action.ImprovementAction;
import se.lagesbild.action.ImprovementActionService;
import se.lagesbild.instrument.InstrumentCatalog;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.organisation.Organisation;
import se.lagesbild.organisation.Organisations;
import se.lagesbild.response.RoundResults;
import se.lagesbild.round.Round;
import se.lagesbild.round.RoundService;
import se.lagesbild.scoring.RoleComparison;
import se.lagesbild.scoring.RoundComparison;
import se.lagesbild.scoring.RoundScores;
import se.lagesbild.system.ProblemException;
import se.lagesbild.system.Text;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Rounds over the years: two rounds compared, one organisation's timeline, and organisations side by side. */
@Singleton
public class ComparisonService {

    private final RoundService rounds;
    private final RoundResults results;
    private final InstrumentCatalog instruments;
    private final ImprovementActionService actions;
    private final Organisations organisations;

    public ComparisonService(RoundService rounds, RoundResults results, InstrumentCatalog instruments,
                             ImprovementActionService actions, Organisations organisations) {
        this.rounds = rounds;
        this.results = results;
        this.instruments = instruments;
        this.actions = actions;
        this.organisations = organisations;
    }

    /** A comparison of two rounds, with the actions recorded on the earlier round's items. */
    public record RoundsCompared(Round from, RoundScores fromScores, Round to, RoundScores toScores,
                                 RoundComparison.Comparison comparison, List<RoleComparison.RoleChange> roles,
                                 Map<String, List<ImprovementAction>> actionsByItem) {
    }

    /**
     * Only rounds of the same organisation and instrument compare. A round of another organisation answers
     * 404, as if it did not exist, so that a comparison never reveals another organisation's rounds. A round
     * without any submitted response has nothing to compare: 409, saying what to do.
     */
    public RoundsCompared compare(Caller caller, long fromRoundId, long toRoundId) {
        Round from = rounds.get(fromRoundId, caller, Permission.VIEW);
        Round to = rounds.get(toRoundId, caller, Permission.VIEW);
        if (from.organisationId() != to.organisationId()) {
            throw ProblemException.notFound(Text.of("comparison.other-organisation", toRoundId, fromRoundId));
        }
        if (!from.instrumentCode().equals(to.instrumentCode())) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, Text.of("comparison.other-instrument", from.instrumentCode(), to.instrumentCode()),
                    List.of(new ProblemException.Field("to", Text.of("comparison.other-instrument-than", from.label()))));
        }
        RoundScores fromScores = results.scores(from);
        RoundScores toScores = results.scores(to);
        for (Round round : List.of(from, to)) {
            if ((round == from ? fromScores : toScores).respondents() == 0) {
                throw ProblemException.conflict(Text.of("comparison.without-answers", round.label()));
            }
        }
        RoundComparison.Comparison comparison = RoundComparison.compare(definition(from), fromScores, definition(to), toScores);
        List<RoleComparison.RoleChange> roles = RoleComparison.compare(definition(from), fromScores, definition(to), toScores,
                rounds.anonymityThreshold());
        Map<String, List<ImprovementAction>> actionsByItem = actions.ofRound(caller, from.id()).stream()
                .collect(Collectors.groupingBy(ImprovementAction::itemCode));
        return new RoundsCompared(from, fromScores, to, toScores, comparison, roles, actionsByItem);
    }

    /** A round on one organisation's timeline, with its scores. */
    public record ScoredRound(Round round, RoundScores scores) {
    }

    public List<ScoredRound> timeline(Caller caller, long organisationId, String instrumentCode) {
        return rounds.timeline(caller, organisationId, instrumentCode).stream()
                .map(round -> new ScoredRound(round, results.scores(round))).toList();
    }

    /** One organisation's round in the regional view. */
    public record OrganisationRound(Organisation organisation, Round round, RoundScores scores) {
    }

    /** The organisations the caller may see (all for an administrator) side by side. */
    public List<OrganisationRound> sideBySide(Caller caller, String instrumentCode, String label) {
        List<Round> labelled = rounds.withLabel(caller, instrumentCode, label);
        if (labelled.isEmpty()) {
            return List.of();
        }
        Map<Long, Organisation> byId = organisations.byId(labelled.stream().map(Round::organisationId).toList());
        return labelled.stream()
                .map(round -> new OrganisationRound(byId.get(round.organisationId()), round, results.scores(round)))
                .sorted(java.util.Comparator.comparing(row -> row.organisation().name()))
                .toList();
    }

    /** Group figures over fewer respondents than this are withheld. */
    public int anonymityThreshold() {
        return rounds.anonymityThreshold();
    }

    public InstrumentDefinition latestInstrument(String instrumentCode) {
        return instruments.latest(instrumentCode);
    }

    private InstrumentDefinition definition(Round round) {
        return instruments.version(round.instrumentCode(), round.instrumentVersion());
    }
}
