package se.lagesbild.invitation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import se.lagesbild.instrument.InstrumentCatalog;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.organisation.Organisations;
import se.lagesbild.response.AnswerRequest;
import se.lagesbild.response.AnswerWriter;
import se.lagesbild.response.Response;
import se.lagesbild.response.ResponseService;
import se.lagesbild.response.ResponseStatus;
import se.lagesbild.round.Round;
import se.lagesbild.round.RoundService;
import se.lagesbild.system.ProblemException;
import se.lagesbild.system.SecretToken;
import se.lagesbild.system.Text;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The respondent's side of a survey link, with no account: what the link opens, joining through the round's
 * open link, one response per token, answers and submit. Submitting marks the link as answered (for reminders)
 * in the same transaction, without writing down which response it was.
 */
@Singleton
public class SurveyService {

    private final RespondentLinkRepository links;
    private final OpenLinkRepository openLinks;
    private final RoundService rounds;
    private final ResponseService responses;
    private final AnswerWriter answerWriter;
    private final InstrumentCatalog instruments;
    private final Organisations organisations;

    public SurveyService(RespondentLinkRepository links, OpenLinkRepository openLinks, RoundService rounds,
                         ResponseService responses, AnswerWriter answerWriter, InstrumentCatalog instruments, Organisations organisations) {
        this.answerWriter = answerWriter;
        this.links = links;
        this.openLinks = openLinks;
        this.rounds = rounds;
        this.responses = responses;
        this.instruments = instruments;
        this.organisations = organisations;
    }

    /**
     * What a link opens. {@code status}: {@code open} for the round's open link (join first), otherwise
     * {@code new}, {@code draft} or {@code submitted}; {@code roundStatus} says whether the round still takes answers.
     */
    @Serdeable
    public record SurveyView(long roundId, String roundLabel, String roundStatus, String organisationName,
                             String instrumentCode, int instrumentVersion, String instrumentTitle,
                             @Nullable String instrumentTitleEn, boolean asksForRespondentRole, String status,
                             @Nullable String respondentRole) {
    }

    public SurveyView view(String token) {
        Entry entry = entry(token);
        Round round = entry.round();
        InstrumentDefinition instrument = instrument(round);
        Optional<Response> response = entry.personal() ? responses.ofToken(token) : Optional.empty();
        String status = !entry.personal() ? "open"
                : response.map(found -> found.status() == ResponseStatus.SUBMITTED ? "submitted" : "draft").orElse("new");
        return new SurveyView(round.id(), round.label(), round.acceptsAnswers() ? "open" : "closed",
                organisations.get(round.organisationId()).name(), instrument.code(), instrument.version(), instrument.title(),
                instrument.titleEn(), instrument.asksForRespondentRole(), status,
                response.map(Response::respondentRole).orElse(null));
    }

    /** The instrument version of the link's round: respondents have no account to read instruments with. */
    public InstrumentDefinition instrument(String token) {
        return instrument(entry(token).round());
    }

    /** A device's own anonymous token from the round's open link: the one it already has (from its cookie), or a new one. */
    public record Joined(String token, boolean created) {
    }

    @Transactional
    public Joined join(String openToken, @Nullable String earlierToken) {
        Entry entry = entry(openToken);
        if (entry.personal()) {
            throw ProblemException.badRequest("token", Text.of("survey.personal-link-join"));
        }
        if (earlierToken != null && !earlierToken.isBlank()) {
            Optional<RespondentLink> earlier = links.findByTokenHash(RespondentLinks.linkHash(earlierToken.strip()));
            if (earlier.isPresent() && earlier.get().roundId() == entry.round().id()) {
                return new Joined(earlierToken.strip(), false);
            }
        }
        requireOpen(entry.round());
        String token = SecretToken.generate();
        links.save(new RespondentLink(null, entry.round().id(), RespondentLink.Kind.ANONYMOUS, RespondentLinks.linkHash(token),
                null, false, null, 0, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        return new Joined(token, true);
    }

    @Transactional
    public ResponseService.Started start(String token, @Nullable String respondentRole) {
        return responses.startWithToken(personal(token).round().id(), token, respondentRole);
    }

    public Response response(String token) {
        personal(token);
        return responses.ofToken(token).orElseThrow(() -> ProblemException.notFound(Text.of("survey.not-started")));
    }

    public ResponseService.SavedAnswer answer(String token, String itemCode, AnswerRequest answer, @Nullable String idempotencyKey) {
        personal(token);
        // Stored with the answers arriving at the same time (group commit); answered once committed.
        return answerWriter.saveAndWait(ResponseService.AnswerSave.withToken(token, itemCode, answer.value(), answer.comment(),
                answer.answeredAt(), idempotencyKey));
    }

    @Transactional
    public Response submit(String token) {
        personal(token);
        Response submitted = responses.submitWithToken(token);
        links.markSubmitted(RespondentLinks.linkHash(token));
        return submitted;
    }

    /** A link that is someone's own (a personal link or an open-link token), not the open link itself. */
    private Entry personal(String token) {
        Entry entry = entry(token);
        if (!entry.personal()) {
            throw ProblemException.badRequest("token", Text.of("survey.open-link-shared"));
        }
        return entry;
    }

    private record Entry(Round round, boolean personal) {
    }

    private Entry entry(String token) {
        String clean = token.strip();
        Optional<RespondentLink> link = links.findByTokenHash(RespondentLinks.linkHash(clean));
        if (link.isPresent()) {
            return new Entry(rounds.get(link.get().roundId()), true);
        }
        return openLinks.findByTokenHash(RespondentLinks.openHash(clean))
                .map(open -> new Entry(rounds.get(open.roundId()), false))
                .orElseThrow(() -> ProblemException.notFound(Text.of("survey.unknown-link")));
    }

    private InstrumentDefinition instrument(Round round) {
        return instruments.version(round.instrumentCode(), round.instrumentVersion());
    }

    private static void requireOpen(Round round) {
        if (!round.acceptsAnswers()) {
            throw ProblemException.conflict(Text.of("round.closed", round.label()));
        }
    }
}
