package se.lagesbild.workshop;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import se.lagesbild.system.Https;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.sse.Event;
import org.reactivestreams.Publisher;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import se.lagesbild.instrument.InstrumentDefinition;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Duration;
import io.swagger.v3.oas.annotations.tags.Tag;
import se.lagesbild.apidocs.ClientProblems;
import se.lagesbild.apidocs.ConflictProblem;
import se.lagesbild.apidocs.ParticipantTokenRequired;
import se.lagesbild.apidocs.RateLimited;

/**
 * The participants' side of a workshop, reached by its code with no account: join, answer, reflect. The
 * participant is known by an anonymous token, in an HttpOnly cookie for the workshop's path or in the
 * X-Participant-Token header; no address or browser is stored with what they answer.
 */
@Tag(name = "Workshop participants (no account)")
@ClientProblems
@ConflictProblem
@RateLimited
@Controller("/api/w/{code}")
// Participants join with the code alone: no account, no personal data (the participant token proves membership)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ParticipantController {

    private static final Duration COOKIE_LIFETIME = Duration.ofDays(2);

    private final ParticipationService workshops;
    private final LiveWorkshops live;
    private final HttpClientAddressResolver addresses;

    public ParticipantController(ParticipationService workshops, LiveWorkshops live, HttpClientAddressResolver addresses) {
        this.workshops = workshops;
        this.live = live;
        this.addresses = addresses;
    }

    /** The participant's page: the workshop, and once joined on this device their own answers and texts. */
    @Get
    public ParticipantView participantView(String code, HttpRequest<?> request) {
        return workshops.participantView(code, token(request), address(request));
    }

    /** The workshop's instrument version, as the participant's page shows it (participants have no account to read instruments with). */
    @Get("/instrument")
    public InstrumentDefinition workshopInstrument(String code, HttpRequest<?> request) {
        return workshops.instrumentOf(code, address(request));
    }

    /** Joins (no account): the participant token, also as an HttpOnly cookie for this workshop's path. */
    @Post("/join")
    public HttpResponse<JoinResult> joinWorkshop(String code, @Nullable @Body JoinRequest body, HttpRequest<?> request) {
        ParticipationService.Joined joined = workshops.join(code, token(request), body == null ? null : body.group(), address(request));
        Cookie cookie = Cookie.of(ParticipantToken.COOKIE, joined.participantToken())
                .path("/api/w/" + joined.code())
                .httpOnly(true)
                .sameSite(SameSite.Lax)
                .secure(Https.of(request))
                .maxAge(COOKIE_LIFETIME);
        return HttpResponse.ok(new JoinResult(joined.participantToken(), joined.code(), joined.group())).cookie(cookie);
    }

    /** The answer to a single-item instrument (the staircase). */
    @Put("/answer")
    @ParticipantTokenRequired
    public Saved answerWorkshop(String code, @Body AnswerRequest body, HttpRequest<?> request) {
        workshops.answer(code, token(request), null, body.value(), address(request));
        return new Saved(true);
    }

    /** The answer to one item, for instruments with many (the checklist, Skatta läget). */
    @Put("/answers/{itemCode}")
    @ParticipantTokenRequired
    public Saved answerItem(String code, String itemCode, @Body AnswerRequest body, HttpRequest<?> request) {
        workshops.answer(code, token(request), itemCode, body.value(), address(request));
        return new Saved(true);
    }

    /** The participant's own text for the group reflection on one of the instrument's prompts (0-based). */
    @Put("/reflections/{promptIndex}")
    @ParticipantTokenRequired
    public ReflectionView reflect(String code, int promptIndex, @Body ReflectionRequest body, HttpRequest<?> request) {
        return workshops.reflect(code, token(request), promptIndex, body.text(), address(request));
    }

    /** The participant's own text for an activity of the agenda (an open question or a group reflection). */
    @Put("/activities/{activityId}/text")
    @ParticipantTokenRequired
    public ReflectionView contribute(String code, long activityId, @Body ReflectionRequest body, HttpRequest<?> request) {
        return workshops.contribute(code, token(request), activityId, body.text(), address(request));
    }

    /** Where the room is: the current activity, and its result once revealed (polled when events do not get through). */
    @Get("/live")
    public ParticipantLive live(String code, HttpRequest<?> request) {
        return live.nowForParticipants(workshops.workshopToFollow(code, token(request), address(request)));
    }

    /** The phone's stream: an event {@code live} with where the room is now and at every change. */
    @Get(value = "/events", produces = MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<ParticipantLive>> participantEvents(String code, HttpRequest<?> request) {
        long workshopId = workshops.workshopToFollow(code, token(request), address(request));
        return live.watchForParticipants(workshopId).map(view -> Event.of(view).name("live"));
    }

    private static String token(HttpRequest<?> request) {
        String header = request.getHeaders().get(ParticipantToken.HEADER);
        if (header != null && !header.isBlank()) {
            return header;
        }
        return request.getCookies().findCookie(ParticipantToken.COOKIE).map(Cookie::getValue).orElse(null);
    }

    /** Only to count wrong codes against; never stored with anything a participant answers. */
    private String address(HttpRequest<?> request) {
        String address = addresses.resolve(request);
        return address == null ? "unknown" : address;
    }

    @Serdeable
    public record JoinRequest(@Nullable String group) {
    }

    @Serdeable
    public record JoinResult(String participantToken, String code, @Nullable String group) {
    }

    @Serdeable
    public record AnswerRequest(@Nullable Integer value) {
    }

    @Serdeable
    public record Saved(boolean saved) {
    }

    @Serdeable
    public record ReflectionRequest(@Nullable String text) {
    }
}
