package se.lagesbild.workshop;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import se.lagesbild.access.Caller;
import se.lagesbild.access.Role;
import se.lagesbild.instrument.InstrumentCatalog;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.organisation.OrganisationController;
import se.lagesbild.organisation.OrganisationRepository;
import se.lagesbild.system.ProblemException;
import se.lagesbild.system.RateLimiter;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Workshops: the facilitator creates, opens, reveals and closes one; participants join by its code with no
 * account, answer and reflect. Codes that do not exist count against the caller's address in the shared
 * {@link RateLimiter}, so codes cannot be found by guessing.
 */
@Singleton
public class WorkshopService {

    public static final String DEFAULT_INSTRUMENT = "jamstalldhetstrappan";
    static final int GROUP_MAX_LENGTH = 60;
    static final int REFLECTION_MAX_LENGTH = 4000;

    private final WorkshopRepository workshops;
    private final WorkshopStore store;
    private final OrganisationRepository organisations;
    private final InstrumentCatalog instruments;
    private final RateLimiter rateLimiter;
    private final RateLimiter.Limit wrongCodeLimit;
    private final int anonymityThreshold;

    public WorkshopService(WorkshopRepository workshops, WorkshopStore store, OrganisationRepository organisations,
                           InstrumentCatalog instruments, RateLimiter rateLimiter,
                           @Value("${lagesbild.anonymity-threshold:5}") int anonymityThreshold,
                           @Value("${lagesbild.workshops.wrong-code-limit:30}") int wrongCodeLimit,
                           @Value("${lagesbild.workshops.wrong-code-window:5m}") Duration wrongCodeWindow) {
        this.workshops = workshops;
        this.store = store;
        this.organisations = organisations;
        this.instruments = instruments;
        this.rateLimiter = rateLimiter;
        this.wrongCodeLimit = new RateLimiter.Limit(wrongCodeLimit, wrongCodeWindow);
        this.anonymityThreshold = anonymityThreshold;
    }

    // The facilitator's side

    @Transactional
    public Workshop create(Caller facilitator, String title, @Nullable String instrumentCode, @Nullable Long organisationId) {
        if (organisationId != null && (!organisations.existsById(organisationId) || !(facilitator.admin()
                || facilitator.roleIn(organisationId).filter(role -> role == Role.FACILITATOR).isPresent()))) {
            throw OrganisationController.notFound(organisationId);
        }
        InstrumentDefinition instrument = instruments.latest(instrumentCode == null || instrumentCode.isBlank()
                ? DEFAULT_INSTRUMENT : instrumentCode.strip());
        for (int attempt = 0; ; attempt++) {
            String code = JoinCode.random();
            if (workshops.existsByCode(code)) {
                continue;
            }
            try {
                return workshops.save(new Workshop(null, code, title.strip(), organisationId, instrument.code(),
                        instrument.version(), WorkshopStatus.DRAFT, false, facilitator.userId(), null, null, null));
            } catch (DataAccessException e) {
                // Another workshop took the same code at the same moment: draw again, a few times.
                if (attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    /** The caller's own workshops (all of them for an administrator), newest first. */
    public List<Workshop> list(Caller caller, @Nullable Long organisationId) {
        List<Workshop> all = organisationId == null ? workshops.findAllOrderByCreatedAtDesc()
                : workshops.findByOrganisationIdOrderByCreatedAtDesc(organisationId);
        return all.stream().filter(workshop -> workshop.isRunBy(caller)).toList();
    }

    /** A workshop the caller runs (any, for an administrator); 404 for anyone else's, as if it did not exist. */
    public Workshop get(long id, Caller caller) {
        return workshops.findById(id).filter(workshop -> workshop.isRunBy(caller)).orElseThrow(() -> notFound(id));
    }

    Workshop get(long id) {
        return workshops.findById(id).orElseThrow(() -> notFound(id));
    }

    public WorkshopView view(Workshop workshop) {
        return WorkshopView.of(workshop, instrument(workshop).title());
    }

    /** Opens a draft workshop for answers; opening an open one changes nothing, a closed one stays closed (409). */
    @Transactional
    public Workshop open(long id, Caller caller) {
        Workshop workshop = workshops.findByIdForUpdate(id).filter(found -> found.isRunBy(caller)).orElseThrow(() -> notFound(id));
        return switch (workshop.status()) {
            case OPEN -> workshop;
            case DRAFT -> workshops.update(workshop.opened(now()));
            case CLOSED -> throw ProblemException.conflict("Workshoppen " + workshop.title()
                    + " är stängd och kan inte öppnas igen. Skapa en ny workshop för ett nytt tillfälle.");
        };
    }

    /** Closes the workshop: it takes no more participants, answers or reflections. Closing again changes nothing. */
    @Transactional
    public Workshop close(long id, Caller caller) {
        Workshop workshop = workshops.findByIdForUpdate(id).filter(found -> found.isRunBy(caller)).orElseThrow(() -> notFound(id));
        return workshop.status() == WorkshopStatus.CLOSED ? workshop : workshops.update(workshop.closed(now()));
    }

    /** Shows the room the distribution: refused (409) while fewer have answered than the anonymity threshold. */
    @Transactional
    public Workshop reveal(long id, Caller caller) {
        Workshop workshop = workshops.findByIdForUpdate(id).filter(found -> found.isRunBy(caller)).orElseThrow(() -> notFound(id));
        int answering = store.counts(id).answering();
        if (answering < anonymityThreshold) {
            throw ProblemException.conflict("Resultatet kan visas först när minst " + anonymityThreshold
                    + " deltagare har svarat, så att ingen enskild kan pekas ut. Nu har " + answering + " svarat.");
        }
        return workshop.revealed() ? workshop : workshops.update(workshop.withRevealed(true));
    }

    /** Hides the distribution again (for instance before the room answers once more). */
    @Transactional
    public Workshop hide(long id, Caller caller) {
        Workshop workshop = workshops.findByIdForUpdate(id).filter(found -> found.isRunBy(caller)).orElseThrow(() -> notFound(id));
        return workshop.revealed() ? workshops.update(workshop.withRevealed(false)) : workshop;
    }

    /** The live results: distributions only once revealed. */
    public WorkshopResults results(Workshop workshop) {
        return WorkshopResults.of(workshop, instrument(workshop), store.counts(workshop.id()), workshop.revealed(), anonymityThreshold);
    }

    /**
     * The results for the record (summary, export, comparison): distributions whether or not they were shown
     * in the room, still withheld below the anonymity threshold.
     */
    public WorkshopResults recordedResults(Workshop workshop) {
        return WorkshopResults.of(workshop, instrument(workshop), store.counts(workshop.id()), true, anonymityThreshold);
    }

    public List<ReflectionView> reflections(Workshop workshop) {
        InstrumentDefinition instrument = instrument(workshop);
        return store.reflections(workshop.id()).stream().map(reflection -> ReflectionView.of(reflection, instrument)).toList();
    }

    /** Two workshops of the same organisation on the same instrument, for the record, side by side. */
    public Comparison compare(Caller caller, long fromId, long toId) {
        Workshop from = get(fromId, caller);
        Workshop to = get(toId, caller);
        if (from.organisationId() == null || !from.organisationId().equals(to.organisationId())) {
            throw ProblemException.conflict("Bara workshoppar i samma organisation kan jämföras. " + describe(from)
                    + " och " + describe(to) + " hör inte till samma organisation.");
        }
        if (!from.instrumentCode().equals(to.instrumentCode())) {
            throw ProblemException.conflict("Workshopparna använder olika instrument (" + from.instrumentCode() + " och "
                    + to.instrumentCode() + ") och kan inte jämföras.");
        }
        return new Comparison(new ComparedWorkshop(view(from), recordedResults(from)),
                new ComparedWorkshop(view(to), recordedResults(to)));
    }

    @Serdeable
    public record Comparison(ComparedWorkshop from, ComparedWorkshop to) {
    }

    @Serdeable
    public record ComparedWorkshop(WorkshopView workshop, WorkshopResults results) {
    }

    public InstrumentDefinition instrument(Workshop workshop) {
        return instruments.version(workshop.instrumentCode(), workshop.instrumentVersion());
    }

    public int anonymityThreshold() {
        return anonymityThreshold;
    }

    // The participants' side

    /** The instrument version of the workshop with this code (an unknown code counts against the address). */
    public InstrumentDefinition instrumentOf(String typedCode, String clientAddress) {
        return instrument(findByCode(JoinCode.normalise(typedCode), clientAddress));
    }

    /** What a participant's page shows: the workshop, and, for a participant who joined, their own answers. */
    public ParticipantView participantView(String typedCode, @Nullable String token, String clientAddress) {
        String code = JoinCode.normalise(typedCode);
        Optional<WorkshopStore.Participant> participant = findParticipant(token, code);
        Workshop workshop = participant.map(p -> get(p.workshopId())).orElseGet(() -> findByCode(code, clientAddress));
        return ParticipantView.of(workshop, instrument(workshop), participant.map(p -> ParticipantView.Me.of(p.group(),
                store.answersOf(p.id()), p.group() == null ? List.of() : store.reflectionsOfGroup(workshop.id(), p.group()))).orElse(null));
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
        store.addParticipant(workshop.id(), ParticipantToken.hash(newToken), cleanGroup, now());
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
        WorkshopStore.Participant participant = requireParticipant(token, code, clientAddress);
        InstrumentDefinition instrument = instruments.version(participant.instrumentCode(), participant.instrumentVersion());
        String item = itemCode == null ? onlyItem(instrument) : itemCode;
        if (instrument.findItem(item).isEmpty()) {
            throw ProblemException.notFound("Frågan " + item + " finns inte i " + instrument.title() + ".");
        }
        if (!instrument.acceptsValue(value)) {
            throw ProblemException.badRequest("value", "Värdet " + value + " finns inte på skalan för " + item
                    + ". Tillåtna värden: " + instrument.describeAcceptedValues() + ".");
        }
        requireOpen(participant.workshopStatus());
        store.saveAnswer(participant.workshopId(), participant.id(), item, value, now());
    }

    /** Saves the participant's group's text for one reflection prompt (0-based, in the instrument's order). */
    public ReflectionView reflect(String typedCode, @Nullable String token, int promptIndex, @Nullable String text,
                                  String clientAddress) {
        String code = JoinCode.normalise(typedCode);
        WorkshopStore.Participant participant = requireParticipant(token, code, clientAddress);
        InstrumentDefinition instrument = instruments.version(participant.instrumentCode(), participant.instrumentVersion());
        if (promptIndex < 0 || promptIndex >= instrument.reflectionPrompts().size()) {
            throw ProblemException.notFound("Reflektionsfrågan " + (promptIndex + 1) + " finns inte; "
                    + instrument.title() + " har " + instrument.reflectionPrompts().size() + " reflektionsfrågor.");
        }
        if (participant.group() == null) {
            throw ProblemException.badRequest("group", "Ange först vilken grupp (bord) du sitter i; reflektionen sparas för gruppen.");
        }
        String clean = text == null ? "" : text.strip();
        if (clean.length() > REFLECTION_MAX_LENGTH) {
            throw ProblemException.badRequest("text", "Reflektionen får vara högst " + REFLECTION_MAX_LENGTH + " tecken.");
        }
        requireNotClosed(participant.workshopStatus());
        Instant at = now();
        if (!store.saveReflection(participant.workshopId(), participant.group(), promptIndex, clean, at)) {
            throw notOpen(WorkshopStatus.CLOSED);
        }
        return ReflectionView.of(new WorkshopStore.Reflection(participant.group(), promptIndex, clean, at), instrument);
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
        throw new ProblemException(HttpStatus.FORBIDDEN, "Du är inte med i workshoppen " + code
                + " på den här enheten. Gå med med koden först (sidan /w/" + code + ").");
    }

    /** The workshop with this code; an unknown code counts against the caller's address. */
    private Workshop findByCode(String code, String clientAddress) {
        String key = "workshop-code:" + clientAddress;
        rateLimiter.closedFor(key, wrongCodeLimit).ifPresent(wait -> {
            throw ProblemException.tooManyRequests("För många felaktiga workshopkoder från din adress. Försök igen om "
                    + ProblemException.wholeSeconds(wait) + " sekunder.", wait);
        });
        Optional<Workshop> workshop = JoinCode.isWellFormed(code) ? workshops.findByCode(code) : Optional.empty();
        if (workshop.isEmpty()) {
            rateLimiter.count(key, wrongCodeLimit);
            throw ProblemException.notFound("Det finns ingen workshop med koden " + code
                    + ". Kontrollera koden på skärmen: sex tecken, bokstäver och siffror.");
        }
        return workshop.get();
    }

    private static String onlyItem(InstrumentDefinition instrument) {
        List<InstrumentDefinition.Item> items = instrument.parts().stream().flatMap(part -> part.items().stream()).toList();
        if (items.size() != 1) {
            throw ProblemException.badRequest("itemCode", instrument.title() + " har " + items.size()
                    + " frågor: spara varje svar med PUT /api/w/{code}/answers/{itemCode}.");
        }
        return items.get(0).code();
    }

    private static void requireOpen(WorkshopStatus status) {
        if (status != WorkshopStatus.OPEN) {
            throw notOpen(status);
        }
    }

    private static void requireNotClosed(WorkshopStatus status) {
        if (status == WorkshopStatus.CLOSED) {
            throw notOpen(status);
        }
    }

    private static ProblemException notOpen(WorkshopStatus status) {
        return ProblemException.conflict(status == WorkshopStatus.CLOSED
                ? "Workshoppen är avslutad och tar inte emot fler svar."
                : "Workshoppen har inte öppnat än. Vänta tills samtalsledaren öppnar den och försök igen.");
    }

    private static String cleanGroup(@Nullable String group) {
        if (group == null || group.isBlank()) {
            return null;
        }
        String clean = group.strip();
        if (clean.length() > GROUP_MAX_LENGTH) {
            throw ProblemException.badRequest("group", "Gruppens namn får vara högst " + GROUP_MAX_LENGTH + " tecken.");
        }
        return clean;
    }

    private static String describe(Workshop workshop) {
        return "\"" + workshop.title() + "\" (" + workshop.code() + ")";
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("Workshoppen med id " + id + " finns inte.");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
