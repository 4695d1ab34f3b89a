package se.lagesbild.workshop;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import se.lagesbild.access.Caller;
import se.lagesbild.access.AccessPolicy;
import se.lagesbild.access.Permission;
import se.lagesbild.instrument.InstrumentCatalog;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.organisation.Organisations;
import se.lagesbild.system.ProblemException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The facilitator's side of workshops: create, open, reveal and close one, read its results and reflections,
 * compare two. The participants' side is {@link ParticipationService}.
 */
@Singleton
public class WorkshopService {

    public static final String DEFAULT_INSTRUMENT = "jamstalldhetstrappan";

    private final WorkshopRepository workshops;
    private final WorkshopStore store;
    private final Organisations organisations;
    private final InstrumentCatalog instruments;
    private final int anonymityThreshold;

    public WorkshopService(WorkshopRepository workshops, WorkshopStore store, Organisations organisations,
                           InstrumentCatalog instruments,
                           @Value("${lagesbild.anonymity-threshold:5}") int anonymityThreshold) {
        this.workshops = workshops;
        this.store = store;
        this.organisations = organisations;
        this.instruments = instruments;
        this.anonymityThreshold = anonymityThreshold;
    }

    @Transactional
    public Workshop create(Caller facilitator, String title, @Nullable String instrumentCode, @Nullable Long organisationId) {
        if (organisationId != null) {
            organisations.require(organisationId, facilitator, Permission.RUN_WORKSHOPS);
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
        return all.stream().filter(workshop -> AccessPolicy.permitsOwn(caller, workshop.facilitatorUserId())).toList();
    }

    /** A workshop the caller runs (any, for an administrator); 404 for anyone else's, as if it did not exist. */
    public Workshop get(long id, Caller caller) {
        return workshops.findById(id).filter(workshop -> AccessPolicy.permitsOwn(caller, workshop.facilitatorUserId())).orElseThrow(() -> notFound(id));
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
        Workshop workshop = workshops.findByIdForUpdate(id).filter(found -> AccessPolicy.permitsOwn(caller, found.facilitatorUserId())).orElseThrow(() -> notFound(id));
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
        Workshop workshop = workshops.findByIdForUpdate(id).filter(found -> AccessPolicy.permitsOwn(caller, found.facilitatorUserId())).orElseThrow(() -> notFound(id));
        return workshop.status() == WorkshopStatus.CLOSED ? workshop : workshops.update(workshop.closed(now()));
    }

    /** Shows the room the distribution: refused (409) while fewer have answered than the anonymity threshold. */
    @Transactional
    public Workshop reveal(long id, Caller caller) {
        Workshop workshop = workshops.findByIdForUpdate(id).filter(found -> AccessPolicy.permitsOwn(caller, found.facilitatorUserId())).orElseThrow(() -> notFound(id));
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
        Workshop workshop = workshops.findByIdForUpdate(id).filter(found -> AccessPolicy.permitsOwn(caller, found.facilitatorUserId())).orElseThrow(() -> notFound(id));
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

    private static String describe(Workshop workshop) {
        return "\"" + workshop.title() + "\" (" + workshop.code() + ")";
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("Workshoppen med id " + id + " finns inte.");
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
