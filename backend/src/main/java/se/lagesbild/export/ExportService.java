package se.lagesbild.export;

import jakarta.inject.Singleton;
import se.lagesbild.access.Caller;
import se.lagesbild.access.Permission;
import se.lagesbild.action.ImprovementActionService;
import se.lagesbild.comment.ItemComments;
import se.lagesbild.comparison.ComparisonService;
import se.lagesbild.instrument.InstrumentCatalog;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.organisation.Organisations;
import se.lagesbild.response.ResponseService;
import se.lagesbild.response.RoundResults;
import se.lagesbild.round.Round;
import se.lagesbild.round.RoundService;
import se.lagesbild.scoring.RoundScores;
import se.lagesbild.system.ProblemException;
import se.lagesbild.system.Text;

import java.util.List;


/** Gathers what each export shows: a round's raw answers or scores, or two rounds compared, and the report. */
@Singleton
public class ExportService {

    private final RoundService rounds;
    private final ComparisonService comparisons;
    private final InstrumentCatalog instruments;
    private final Organisations organisations;
    private final ResponseService responses;
    private final RoundResults results;
    private final ItemComments comments;
    private final ImprovementActionService actions;

    public ExportService(RoundService rounds, ComparisonService comparisons, InstrumentCatalog instruments,
                         Organisations organisations, ResponseService responses, RoundResults results,
                         ItemComments comments, ImprovementActionService actions) {
        this.rounds = rounds;
        this.comparisons = comparisons;
        this.instruments = instruments;
        this.organisations = organisations;
        this.responses = responses;
        this.results = results;
        this.comments = comments;
        this.actions = actions;
    }

    /**
     * The submitted responses as given. Where many answer (and anonymity is promised), a round with fewer
     * submitted responses than the anonymity threshold gives none: too few rows tell who answered what.
     */
    public Export answers(Caller caller, long roundId) {
        Round round = rounds.get(roundId, caller, Permission.MANAGE);
        InstrumentDefinition instrument = definition(round);
        ResponseService.Submitted submitted = responses.submitted(roundId);
        if (instrument.collectsManyRespondents() && submitted.responses().size() < rounds.anonymityThreshold()) {
            throw ProblemException.conflict(Text.of("export.answers-below-threshold", round.label(), submitted.responses().size(),
                    rounds.anonymityThreshold()));
        }
        return new Export(FileName.of(organisationName(round), round.label(), "svar"),
                AnswersTable.of(instrument, submitted.responses(), submitted.answers()));
    }

    public Export scores(Caller caller, long roundId) {
        Round round = rounds.get(roundId, caller, Permission.VIEW);
        return new Export(FileName.of(organisationName(round), round.label(), "resultat"),
                ScoresTable.of(definition(round), results.scores(round)));
    }

    public Export comparison(Caller caller, long fromRoundId, long toRoundId) {
        ComparisonService.RoundsCompared compared = comparisons.compare(caller, fromRoundId, toRoundId);
        return new Export(comparisonName(compared, "jämförelse"), ComparisonTable.of(definition(compared.to()).title(), compared));
    }

    /** The comparison report; for the checklist, with the later round's comments per item. */
    public Download report(Caller caller, long fromRoundId, long toRoundId) {
        ComparisonService.RoundsCompared compared = comparisons.compare(caller, fromRoundId, toRoundId);
        InstrumentDefinition instrument = definition(compared.to());
        byte[] pdf = ComparisonReport.write(organisationName(compared.to()), instrument, compared,
                instrument.collectsManyRespondents() ? List.of() : comments.of(compared.to()), rounds.anonymityThreshold());
        return new Download(comparisonName(compared, "rapport"), "pdf", Download.PDF, pdf);
    }

    /** The report of one round; a round without any submitted response has nothing to report yet (409). */
    public Download roundReport(Caller caller, long roundId) {
        Round round = rounds.get(roundId, caller, Permission.VIEW);
        InstrumentDefinition instrument = definition(round);
        RoundScores scores = results.scores(round);
        if (scores.respondents() == 0) {
            throw ProblemException.conflict(Text.of("export.report-without-answers", round.label()));
        }
        byte[] pdf = RoundReport.write(new RoundReport.Contents(organisationName(round), instrument, round, scores,
                instrument.collectsManyRespondents() ? List.of() : comments.of(round), actions.ofRound(caller, round.id()),
                rounds.anonymityThreshold()));
        return new Download(FileName.of(organisationName(round), round.label(), "rapport"), "pdf", Download.PDF, pdf);
    }

    private String comparisonName(ComparisonService.RoundsCompared compared, String kind) {
        return FileName.of(organisationName(compared.to()), compared.from().label(), compared.to().label(), kind);
    }

    private String organisationName(Round round) {
        return organisations.get(round.organisationId()).name();
    }

    private InstrumentDefinition definition(Round round) {
        return instruments.version(round.instrumentCode(), round.instrumentVersion());
    }
}
