package se.lagesbild.workshop;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import se.lagesbild.instrument.InstrumentCatalog;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.system.DerivedTokens;
import se.lagesbild.system.ProblemException;
import se.lagesbild.system.RateLimiter;
import se.lagesbild.system.Text;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The participants' side of workshops: join by code with no account, follow the agenda, answer, write one's
 * own texts. Codes that do not exist count against the caller's address in the shared {@link RateLimiter}, so
 * codes cannot be found by guessing; an address that has used up its wrong codes is still let into a workshop
 * that was joined from it (a room behind one address is never locked out of its own workshop by its typos,
 * and a guesser learns nothing new from it). See README, "Live workshops". The facilitator's side is
 * {@link WorkshopService}.
 */
@Singleton
public class ParticipationService {

    static final int GROUP_MAX_LENGTH = 60;
    static final int REFLECTION_MAX_LENGTH = 4000;

    private final WorkshopRepository workshops;
    private final WorkshopService facilitation;
    private final WorkshopStore store;
    private final WorkshopAnswerWriter answerWriter;
    private final InstrumentCatalog instruments;
    private final RateLimiter rateLimiter;
    private final DerivedTokens tokens;
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private final RateLimiter.Limit wrongCodeLimit;

    public ParticipationService(WorkshopRepository workshops, WorkshopService facilitation, WorkshopStore store,
                                WorkshopAnswerWriter answerWriter, InstrumentCatalog instruments, RateLimiter rateLimiter, DerivedTokens tokens,
                                @Value("${lagesbild.workshops.wrong-code-limit:100}") int wrongCodeLimit,
                                @Value("${lagesbild.workshops.wrong-code-window:5m}") Duration wrongCodeWindow) {
        this.workshops = workshops;
        this.facilitation = facilitation;
        this.store = store;
        this.answerWriter = answerWriter;
        this.instruments = instruments;
        this.rateLimiter = rateLimiter;
        this.tokens = tokens;
        this.wrongCodeLimit = new RateLimiter.Limit(wrongCodeLimit, wrongCodeWindow);
    }

    /** The instrument version of the workshop with this code (an unknown code counts against the address). */
    public InstrumentDefinition instrumentOf(String typedCode, String clientAddress) {
        Workshop workshop = findByCode(JoinCode.normalise(typedCode), clientAddress);
        return instruments.version(workshop.instrumentCode(), workshop.instrumentVersion());
    }

    /** What a participant's page shows: the workshop, and, for a participant who joined, their own answers. */
    public ParticipantView participantView(String typedCode, @Nullable String token, String clientAddress) {
        String code = JoinCode.normalise(typedCode);
        Optional<WorkshopStore.Participant> participant = findParticipant(token, code);
        Workshop workshop = participant.map(p -> workshops.findById(p.workshopId()).orElseThrow()).orElseGet(() -> findByCode(code, clientAddress));
        return ParticipantView.of(workshop, instruments.version(workshop.instrumentCode(), workshop.instrumentVersion()), participant.map(p -> ParticipantView.Me.of(p.group(),
                store.answersOf(p.id()), store.contributionsOfParticipant(workshop.id(), p.id()))).orElse(null));
    }

    /**
     * Joins the workshop, or, for a participant who already joined it with this token, keeps their place and
     * changes their group. Answers the token to keep.
     */
    public Joined join(String typedCode, @Nullable String token, @Nullable String group, String clientAddress) {
        String code = JoinCode.normalise(typedCode);
        String cleanGroup = cleanGroup(group);
        Optional<WorkshopStore.Participant> known = findParticipant(token, code);
        if (known.isPresent()) {
            requireNotClosed(known.get().workshopStatus());
            if (cleanGroup != null && !cleanGroup.equals(known.get().group())) {
                store.setGroup(known.get().id(), cleanGroup);
            }
            return new Joined(code, token, cleanGroup == null ? known.get().group() : cleanGroup);
        }
        Workshop workshop = findByCode(code, clientAddress);
        requireNotClosed(workshop.status());
        String newToken = ParticipantToken.random();
        Instant now = WorkshopService.now();
        store.addParticipant(workshop.id(), ParticipantToken.hash(newToken), cleanGroup, now);
        store.joinedFrom(workshop.id(), addressKey(workshop.id(), clientAddress), dayOf(now));
        return new Joined(code, newToken, cleanGroup);
    }

    public record Joined(String code, String participantToken, @Nullable String group) {
    }

    /**
     * Saves the participant's answer to an item (null: the instrument's single item), replacing their earlier
     * one. Refused: no such participant in this workshop (403), an unknown item (404), a value off the scale
     * (400), a workshop that is not open (409).
     */
    public void answer(String typedCode, @Nullable String token, @Nullable String itemCode, @Nullable Integer value,
                       String clientAddress) {
        String code = JoinCode.normalise(typedCode);
        if (token != null && !token.isBlank() && JoinCode.isWellFormed(code) && answerWriter.saveAndWait(
                new WorkshopAnswerWriter.Answer(ParticipantToken.hash(token.strip()), code, itemCode, value, WorkshopService.now()))) {
            return;
        }
        requireParticipant(token, code, clientAddress); // not a participant here: why (403, or the code's own 404 or 429)
        throw new ProblemException(HttpStatus.FORBIDDEN, Text.of("workshop.not-joined", code));
    }

    /**
     * Saves the participant's own text for the group reflection on one of the instrument's reflection prompts
     * (0-based); the other members' texts stay as they are.
     */
    public ReflectionView reflect(String typedCode, @Nullable String token, int promptIndex, @Nullable String text,
                                  String clientAddress) {
        String code = JoinCode.normalise(typedCode);
        WorkshopStore.Participant participant = requireParticipant(token, code, clientAddress);
        Workshop workshop = workshops.findById(participant.workshopId()).orElseThrow();
        InstrumentDefinition instrument = facilitation.instrument(workshop);
        if (promptIndex < 0 || promptIndex >= instrument.reflectionPrompts().size()) {
            throw ProblemException.notFound(Text.of("workshop.unknown-prompt", instrument.titled(),
                    instrument.reflectionPrompts().size(), promptIndex));
        }
        Activity activity = facilitation.agenda(workshop).stream()
                .filter(a -> a.kind() == ActivityKind.GROUP_REFLECTION && Integer.valueOf(promptIndex).equals(a.promptIndex()))
                .findFirst().orElseThrow(() -> ProblemException.notFound(Text.of("workshop.no-reflection-on-prompt", promptIndex)));
        return contribute(participant, workshop, activity, text);
    }

    /** Saves the participant's own text for an open question or a group reflection of the agenda. */
    public ReflectionView contribute(String typedCode, @Nullable String token, long activityId, @Nullable String text,
                                     String clientAddress) {
        String code = JoinCode.normalise(typedCode);
        WorkshopStore.Participant participant = requireParticipant(token, code, clientAddress);
        Workshop workshop = workshops.findById(participant.workshopId()).orElseThrow();
        Activity activity = facilitation.agenda(workshop).stream().filter(a -> a.id() == activityId).findFirst()
                .orElseThrow(() -> ProblemException.notFound(Text.of("workshop.unknown-activity", activityId)));
        if (!activity.kind().takesText()) {
            throw ProblemException.badRequest("activityId", Text.of("workshop.activity-is-placement"));
        }
        return contribute(participant, workshop, activity, text);
    }

    private ReflectionView contribute(WorkshopStore.Participant participant, Workshop workshop, Activity activity,
                                      @Nullable String text) {
        if (activity.kind() == ActivityKind.GROUP_REFLECTION && participant.group() == null) {
            throw ProblemException.badRequest("group", Text.of("workshop.group-first"));
        }
        String clean = text == null ? "" : text.strip();
        if (clean.length() > REFLECTION_MAX_LENGTH) {
            throw ProblemException.badRequest("text", Text.of("workshop.text-too-long", REFLECTION_MAX_LENGTH));
        }
        requireNotClosed(participant.workshopStatus());
        Instant at = WorkshopService.now();
        if (!store.saveContribution(workshop.id(), activity.id(), participant.id(), activity.promptIndex(),
                participant.group(), clean, at)) {
            throw notOpen(WorkshopStatus.CLOSED);
        }
        WorkshopStore.Contribution own = store.contributionsOfParticipant(workshop.id(), participant.id()).stream()
                .filter(c -> c.activityId() != null && c.activityId() == activity.id().longValue()).findFirst().orElseThrow();
        return ReflectionView.of(own, ActivityView.of(activity, facilitation.instrument(workshop)), facilitation.instrument(workshop));
    }

    /** The workshop a participant's phone follows: by the participant's token, else by the code. */
    public long workshopToFollow(String typedCode, @Nullable String token, String clientAddress) {
        String code = JoinCode.normalise(typedCode);
        return findParticipant(token, code).map(WorkshopStore.Participant::workshopId)
                .orElseGet(() -> findByCode(code, clientAddress).id());
    }

    private Optional<WorkshopStore.Participant> findParticipant(@Nullable String token, String code) {
        if (token == null || token.isBlank() || !JoinCode.isWellFormed(code)) {
            return Optional.empty();
        }
        return store.participant(ParticipantToken.hash(token.strip()), code);
    }

    /** The participant the token belongs to in this workshop; a token of another workshop writes nothing there. */
    private WorkshopStore.Participant requireParticipant(@Nullable String token, String code, String clientAddress) {
        Optional<WorkshopStore.Participant> participant = findParticipant(token, code);
        if (participant.isPresent()) {
            return participant.get();
        }
        findByCode(code, clientAddress);
        throw new ProblemException(HttpStatus.FORBIDDEN, Text.of("workshop.not-joined", code));
    }

    /**
     * The workshop with this code. A code that is not even well-formed finds nothing and counts for nothing
     * (it cannot hit a workshop). A well-formed code that does not exist counts against the caller's address;
     * once the address has used up its wrong codes, every code is refused (429) for the rest of the window,
     * the same whether it exists or not, so that the answer gives nothing away, except a workshop that was
     * joined from this address before, which the address evidently already knows.
     */
    private Workshop findByCode(String code, String clientAddress) {
        if (!JoinCode.isWellFormed(code)) {
            throw noSuchCode(code);
        }
        String key = "workshop-code:" + clientAddress;
        Optional<Workshop> workshop = workshops.findByCode(code);
        Optional<Duration> closed = rateLimiter.closedFor(key, wrongCodeLimit);
        if (closed.isPresent()) {
            if (workshop.isPresent() && store.hasJoinedFrom(workshop.get().id(), addressKey(workshop.get().id(), clientAddress))) {
                return workshop.get();
            }
            throw ProblemException.tooManyRequests(Text.of("workshop.too-many-wrong-codes", ProblemException.wholeSeconds(closed.get())),
                    closed.get());
        }
        if (workshop.isEmpty()) {
            rateLimiter.count(key, wrongCodeLimit);
            throw noSuchCode(code);
        }
        return workshop.get();
    }

    private static ProblemException noSuchCode(String code) {
        return ProblemException.notFound(Text.of("workshop.unknown-code", code));
    }

    private static void requireNotClosed(WorkshopStatus status) {
        if (status == WorkshopStatus.CLOSED) {
            throw notOpen(status);
        }
    }

    static ProblemException notOpen(WorkshopStatus status) {
        return ProblemException.conflict(status == WorkshopStatus.CLOSED
                ? Text.of("workshop.closed")
                : Text.of("workshop.not-open-yet"));
    }

    private static String cleanGroup(@Nullable String group) {
        if (group == null || group.isBlank()) {
            return null;
        }
        String clean = group.strip();
        if (clean.length() > GROUP_MAX_LENGTH) {
            throw ProblemException.badRequest("group", Text.of("workshop.group-too-long", GROUP_MAX_LENGTH));
        }
        return clean;
    }

    /**
     * How a joining address is kept: keyed with the platform's secret (a plain hash of an IPv4 address is undone by
     * trying them all) and with the day only, so nothing beside it matches the moment a participant joined.
     */
    private String addressKey(long workshopId, String clientAddress) {
        return tokens.derive("workshop-address", workshopId + "|" + clientAddress);
    }

    private static Instant dayOf(Instant moment) {
        return LocalDate.ofInstant(moment, SWEDEN).atStartOfDay(SWEDEN).toInstant();
    }
}
