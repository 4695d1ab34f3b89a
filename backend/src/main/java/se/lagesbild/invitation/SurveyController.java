package se.lagesbild.invitation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import se.lagesbild.system.Https;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.response.AnswerRequest;
import se.lagesbild.response.AnswerView;
import se.lagesbild.response.NewResponse;
import se.lagesbild.response.ResponseService;
import se.lagesbild.response.ResponseView;

import java.time.Duration;
import se.lagesbild.apidocs.ClientProblems;
import se.lagesbild.apidocs.ConflictProblem;

/**
 * Answering through a survey link, with no account: {@code /s/{token}} in the browser. The token is the
 * respondent's key; it is never written to the log (see {@code logback.xml} and docs/anonymity.md).
 */
@Tag(name = "Survey links (respondents, no account)")
@ClientProblems
@ConflictProblem
@Controller("/api/s/{token}")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SurveyController {

    /** Keeps the anonymous token an open link gave this device, so a reload or a return resumes the same response. */
    static final String COOKIE_PREFIX = "lagesbild_s_";
    private static final Duration COOKIE_LIFETIME = Duration.ofDays(120);

    private final SurveyService surveys;
    private final ResponseService responses;

    public SurveyController(SurveyService surveys, ResponseService responses) {
        this.surveys = surveys;
        this.responses = responses;
    }

    /** What the link opens: the round, its instrument and how far this link's response has come. */
    @Get
    public SurveyService.SurveyView view(@Size(max = 100, message = "validation.link-too-long") String token) {
        return surveys.view(token);
    }

    /** The instrument version the round is answered on. */
    @Get("/instrument")
    public InstrumentDefinition surveyInstrument(@Size(max = 100, message = "validation.link-too-long") String token) {
        return surveys.instrument(token);
    }

    /** With the round's open link: this device's own anonymous token (201 new, 200 the one it had). */
    @Post("/join")
    public HttpResponse<JoinResult> joinByOpenLink(@Size(max = 100, message = "validation.link-too-long") String token, HttpRequest<?> request) {
        long roundId = surveys.view(token).roundId();
        String earlier = request.getCookies().findCookie(COOKIE_PREFIX + roundId).map(Cookie::getValue).orElse(null);
        SurveyService.Joined joined = surveys.join(token, earlier);
        Cookie cookie = Cookie.of(COOKIE_PREFIX + roundId, joined.token()).path("/").httpOnly(true)
                .sameSite(SameSite.Lax).secure(Https.of(request)).maxAge(COOKIE_LIFETIME);
        JoinResult body = new JoinResult(joined.token());
        return (joined.created() ? HttpResponse.created(body) : HttpResponse.ok(body)).cookie(cookie);
    }

    /** Starts this link's response (201), or answers the one it has (200): one response per link, ever. */
    @Post("/response")
    public HttpResponse<ResponseView> startByLink(@Size(max = 100, message = "validation.link-too-long") String token, @Valid @Body @Nullable NewResponse request) {
        ResponseService.Started started = surveys.start(token, request == null ? null : request.respondentRole());
        ResponseView view = ResponseView.of(started.response(), responses.answers(started.response().id()));
        return started.created() ? HttpResponse.created(view) : HttpResponse.ok(view);
    }

    /** The response started with this link, with its answers so far. */
    @Get("/response")
    public ResponseView response(@Size(max = 100, message = "validation.link-too-long") String token) {
        var response = surveys.response(token);
        return ResponseView.of(response, responses.answers(response.id()));
    }

    /** Saves one answer of the response started with this link. */
    @Put("/answers/{itemCode}")
    public AnswerView answerByLink(@Size(max = 100, message = "validation.link-too-long") String token, String itemCode, @Valid @Body AnswerRequest request,
                             @Nullable @Header("Idempotency-Key") @Size(max = 64, message = "validation.idempotency-key-too-long") String idempotencyKey) {
        ResponseService.SavedAnswer saved = surveys.answer(token, itemCode, request, idempotencyKey);
        return AnswerView.of(saved.answer(), saved.applied());
    }

    /** Submits the response started with this link. */
    @Post("/submit")
    public ResponseView submitByLink(@Size(max = 100, message = "validation.link-too-long") String token) {
        var response = surveys.submit(token);
        return ResponseView.of(response, responses.answers(response.id()));
    }

    @Serdeable
    public record JoinResult(String token) {
    }
}
