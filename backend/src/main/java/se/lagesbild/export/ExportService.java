package se.lagesbild.export;

import jakarta.inject.Singleton;
import se.lagesbild.access.Caller;
import se.lagesbild.access.Permission;
import se.lagesbild.comparison.ComparisonService;
import se.lagesbild.instrument.InstrumentCatalog;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.organisation.OrganisationController;
import se.lagesbild.organisation.OrganisationRepository;
import se.lagesbild.response.AnswerRepository;
import se.lagesbild.response.Response;
import se.lagesbild.response.ResponseRepository;
import se.lagesbild.response.ResponseStatus;
import se.lagesbild.round.Round;
import se.lagesbild.round.RoundService;
import se.lagesbild.system.ProblemException;

import java.util.List;

/** Gathers what each export shows: a round's raw answers or scores, or two rounds compared, and the report. */
@Singleton
public class ExportService {

    private final RoundService rounds;
    private final ComparisonService comparisons;
    private final InstrumentCatalog instruments;
    private final OrganisationRepository organisations;
    private final ResponseRepository responses;
    private final AnswerRepository answers;

    public ExportService(RoundService rounds, ComparisonService comparisons, InstrumentCatalog instruments,
                         OrganisationRepository organisations, ResponseRepository responses, AnswerRepository answers) {
        this.rounds = rounds;
        this.comparisons = comparisons;
        this.instruments = instruments;
        this.organisations = organisations;
        this.responses = responses;
        this.answers = answers;
    }

    /**
     * The submitted responses as given. Where many answer (and anonymity is promised), a round with fewer
     * submitted responses than the anonymity threshold gives none: too few rows tell who answered what.
     */
    public Export answers(Caller caller, long roundId) {
        Round round = rounds.get(roundId, caller, Permission.MANAGE);
        InstrumentDefinition instrument = definition(round);
        List<Response> submitted = responses.findByRoundIdAndStatus(roundId, ResponseStatus.SUBMITTED);
        if (instrument.collectsManyRespondents() && submitted.size() < rounds.anonymityThreshold()) {
            throw ProblemException.conflict("Omgång " + round.label() + " har " + submitted.size() + " inskickade svar. "
                    + "Enskilda svar lämnas ut först när minst " + rounds.anonymityThreshold()
                    + " har svarat, så att ingen kan pekas ut. Resultatet kan laddas ned i stället.");
        }
        return new Export(FileName.of(organisationName(round), round.label(), "svar"),
                AnswersTable.of(instrument, submitted, answers.findSubmittedByRound(roundId)));
    }

    public Export scores(Caller caller, long roundId) {
        Round round = rounds.get(roundId, caller, Permission.VIEW);
        return new Export(FileName.of(organisationName(round), round.label(), "resultat"),
                ScoresTable.of(definition(round), rounds.scores(round)));
    }

    public Export comparison(Caller caller, long fromRoundId, long toRoundId) {
        ComparisonService.RoundsCompared compared = comparisons.compare(caller, fromRoundId, toRoundId);
        return new Export(comparisonName(compared, "jämförelse"), ComparisonTable.of(definition(compared.to()).title(), compared));
    }

    public Download report(Caller caller, long fromRoundId, long toRoundId) {
        ComparisonService.RoundsCompared compared = comparisons.compare(caller, fromRoundId, toRoundId);
        byte[] pdf = RoundReport.write(organisationName(compared.to()), definition(compared.to()), compared,
                rounds.anonymityThreshold());
        return new Download(comparisonName(compared, "rapport"), "pdf", Download.PDF, pdf);
    }

    private String comparisonName(ComparisonService.RoundsCompared compared, String kind) {
        return FileName.of(organisationName(compared.to()), compared.from().label(), compared.to().label(), kind);
    }

    private String organisationName(Round round) {
        return organisations.findById(round.organisationId()).orElseThrow(() -> OrganisationController.notFound(round.organisationId()))
                .name();
    }

    private InstrumentDefinition definition(Round round) {
        return instruments.version(round.instrumentCode(), round.instrumentVersion());
    }
}
