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
import se.lagesbild.system.Text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The facilitator's side of workshops: create one with its agenda, open it, step through the agenda, reveal
 * and close, read its results and texts, compare two. The participants' side is {@link ParticipationService}.
 */
@Singleton
public class WorkshopService {

    public static final String DEFAULT_INSTRUMENT = "jamstalldhetstrappan";
    /** Where "the same day" is reckoned, for reopening a closed workshop. */
    static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    private final WorkshopRepository workshops;
    private final ActivityRepository activities;
    private final WorkshopStore store;
    private final Organisations organisations;
    private final InstrumentCatalog instruments;
    private final int anonymityThreshold;

    public WorkshopService(WorkshopRepository workshops, ActivityRepository activities, WorkshopStore store, Organisations organisations,
                           InstrumentCatalog instruments,
                           @Value("${lagesbild.anonymity-threshold:5}") int anonymityThreshold) {
        this.workshops = workshops;
        this.activities = activities;
        this.store = store;
        this.organisations = organisations;
        this.instruments = instruments;
        this.anonymityThreshold = anonymityThreshold;
    }

    /** A new draft workshop with the agenda asked for, or, without one, the instrument's template ({@link Agenda}). */
    @Transactional
    public Workshop create(Caller facilitator, String title, @Nullable String instrumentCode, @Nullable Long organisationId,
                           @Nullable List<Agenda.Step> agenda) {
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
            Workshop created;
            try {
                created = workshops.save(new Workshop(null, code, title.strip(), organisationId, instrument.code(),
                        instrument.version(), WorkshopStatus.DRAFT, false, facilitator.userId(), null, null, null, null));
            } catch (DataAccessException e) {
                // Another workshop took the same code at the same moment: draw again, a few times.
                if (attempt >= 5) {
                    throw e;
                }
                continue;
            }
            List<Agenda.Step> steps = agenda == null || agenda.isEmpty() ? Agenda.template(instrument) : agenda;
            if (steps.size() > Agenda.MAX_ACTIVITIES) {
                throw ProblemException.badRequest("activities", Text.of("workshop.too-many-activities", Agenda.MAX_ACTIVITIES));
            }
            for (int position = 0; position < steps.size(); position++) {
                activities.save(Agenda.activity(created.id(), position, steps.get(position), instrument));
            }
            return created;
        }
    }

    /**
     * The workshop's agenda in order. A workshop from before agendas gets the instrument's template the first
     * time it is read, and its groups' texts go to the template's reflections.
     */
    public List<Activity> agenda(Workshop workshop) {
        List<Activity> agenda = activities.findByWorkshopIdOrderByPosition(workshop.id());
        if (!agenda.isEmpty()) {
            return agenda;
        }
        List<Agenda.Step> steps = Agenda.template(instrument(workshop));
        try {
            for (int position = 0; position < steps.size(); position++) {
                Activity activity = activities.save(Agenda.activity(workshop.id(), position, steps.get(position), instrument(workshop)));
                if (activity.promptIndex() != null) {
                    store.adopt(workshop.id(), activity.promptIndex(), activity.id());
                }
            }
        } catch (DataAccessException e) {
            // Another request wrote the template at the same moment: read theirs.
        }
        return activities.findByWorkshopIdOrderByPosition(workshop.id());
    }

    public List<ActivityView> agendaView(Workshop workshop) {
        InstrumentDefinition instrument = instrument(workshop);
        return agenda(workshop).stream().map(activity -> ActivityView.of(activity, instrument)).toList();
    }

    /** Adds an activity at the end of the agenda, also while the workshop runs (not once it is closed). */
    @Transactional
    public ActivityView addActivity(long id, Caller caller, Agenda.Step step) {
        Workshop workshop = own(id, caller);
        if (workshop.status() == WorkshopStatus.CLOSED) {
            throw ProblemException.conflict(Text.of("workshop.closed-agenda", workshop.title()));
        }
        List<Activity> agenda = agenda(workshop);
        if (agenda.size() >= Agenda.MAX_ACTIVITIES) {
            throw ProblemException.badRequest("kind", Text.of("workshop.too-many-activities", Agenda.MAX_ACTIVITIES));
        }
        InstrumentDefinition instrument = instrument(workshop);
        return ActivityView.of(activities.save(Agenda.activity(id, agenda.size(), step, instrument)), instrument);
    }

    /**
     * Moves the room to an activity (0-based; null: back to the join screen). The new activity's result starts
     * hidden; the same position again changes nothing.
     */
    @Transactional
    public Workshop moveTo(long id, Caller caller, @Nullable Integer position) {
        Workshop workshop = own(id, caller);
        int size = agenda(workshop).size();
        if (position != null && (position < 0 || position >= size)) {
            throw ProblemException.badRequest("position", Text.of("workshop.position-out-of-range", size, size - 1, position));
        }
        if (Objects.equals(position, workshop.currentPosition())) {
            return workshop;
        }
        return workshops.update(workshop.at(position));
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

    /**
     * Opens a draft workshop for answers, on its first activity; opening an open one changes nothing. A closed
     * one opens again the same day (Swedish time) it was closed, where it was; later it stays closed (409).
     */
    @Transactional
    public Workshop open(long id, Caller caller) {
        Workshop workshop = own(id, caller);
        return switch (workshop.status()) {
            case OPEN -> workshop;
            case DRAFT -> workshops.update(workshop.opened(now()));
            case CLOSED -> {
                LocalDate closedOn = LocalDate.ofInstant(workshop.closedAt(), ZONE);
                if (!closedOn.equals(LocalDate.now(ZONE))) {
                    throw ProblemException.conflict(Text.of("workshop.reopen-same-day-only", workshop.title(), closedOn));
                }
                yield workshops.update(workshop.opened(now()));
            }
        };
    }

    /**
     * Closes the workshop, only with the explicit confirmation (400 saying what closing means without it): it
     * takes no more participants, answers or texts. Closing again changes nothing.
     */
    @Transactional
    public Workshop close(long id, Caller caller, boolean confirmed) {
        Workshop workshop = own(id, caller);
        if (workshop.status() == WorkshopStatus.CLOSED) {
            return workshop;
        }
        if (!confirmed) {
            throw ProblemException.badRequest("confirm", Text.of("workshop.confirm-closing"));
        }
        store.forgetAddresses(id);
        return workshops.update(workshop.closed(now()));
    }

    /**
     * Shows the room the current activity's result. A distribution is refused (409) while fewer have placed
     * themselves than the anonymity threshold (on the join screen: on any item).
     */
    @Transactional
    public Workshop reveal(long id, Caller caller) {
        Workshop workshop = own(id, caller);
        Activity current = current(workshop);
        if (current != null && current.kind().takesText()) {
            return workshop.revealed() ? workshop : workshops.update(workshop.withRevealed(true));
        }
        WorkshopStore.Counts counts = store.counts(id);
        int answering = current == null || current.itemCode() == null ? counts.answering()
                : counts.values().stream().filter(c -> c.itemCode().equals(current.itemCode())).mapToInt(WorkshopStore.ValueCount::count).sum();
        if (answering < anonymityThreshold) {
            throw ProblemException.conflict(Text.of("workshop.reveal-below-threshold", anonymityThreshold, answering));
        }
        return workshop.revealed() ? workshop : workshops.update(workshop.withRevealed(true));
    }

    /** Hides the distribution again (for instance before the room answers once more). */
    @Transactional
    public Workshop hide(long id, Caller caller) {
        Workshop workshop = own(id, caller);
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

    /** Hides one text from the room (or shows it again); it stays in the record. */
    public void setHidden(long id, long contributionId, boolean hidden, Caller caller) {
        Workshop workshop = get(id, caller);
        if (!store.setHidden(workshop.id(), contributionId, hidden)) {
            throw ProblemException.notFound(Text.of("workshop.unknown-text", workshop.title(), contributionId));
        }
    }

    /** Every group reflection of every group, each member's own text (hidden ones marked). */
    public List<ReflectionView> reflections(Workshop workshop) {
        List<ActivityView> agenda = agendaView(workshop);
        return texts(workshop, agenda).stream().filter(text -> text.activityId() == null ? text.promptIndex() != null
                : agenda.stream().anyMatch(a -> a.id() == text.activityId() && a.kind() == ActivityKind.GROUP_REFLECTION)).toList();
    }

    /** Every text of every activity, by group. */
    public List<ReflectionView> texts(Workshop workshop) {
        return texts(workshop, agendaView(workshop));
    }

    private List<ReflectionView> texts(Workshop workshop, List<ActivityView> agenda) {
        InstrumentDefinition instrument = instrument(workshop);
        Map<Long, ActivityView> byId = agenda.stream().collect(Collectors.toMap(ActivityView::id, Function.identity()));
        return store.contributions(workshop.id()).stream()
                .map(c -> ReflectionView.of(c, c.activityId() == null ? null : byId.get(c.activityId()), instrument)).toList();
    }

    /** The current activity's live result, as the room may see it now (null on the join screen). */
    public ActivityResult currentResult(Workshop workshop, List<ActivityView> agenda, WorkshopResults results) {
        Integer position = workshop.currentPosition();
        if (position == null || position >= agenda.size()) {
            return null;
        }
        return result(workshop, agenda.get(position), workshop.revealed(), results);
    }

    /** Every activity's result for the record (distributions whether or not shown, not below the threshold). */
    public List<ActivityResult> activityRecord(Workshop workshop) {
        WorkshopResults recorded = recordedResults(workshop);
        return agendaView(workshop).stream().map(activity -> result(workshop, activity, true, recorded)).toList();
    }

    private ActivityResult result(Workshop workshop, ActivityView activity, boolean revealed, WorkshopResults results) {
        if (activity.kind() == ActivityKind.PLACEMENT) {
            return ActivityResult.placement(activity, revealed, results);
        }
        InstrumentDefinition instrument = instrument(workshop);
        return ActivityResult.texts(activity, revealed, store.contributionsOfActivity(workshop.id(), activity.id()).stream()
                .map(c -> ReflectionView.of(c, activity, instrument)).toList());
    }

    private Activity current(Workshop workshop) {
        Integer position = workshop.currentPosition();
        List<Activity> agenda = agenda(workshop);
        return position == null || position >= agenda.size() ? null : agenda.get(position);
    }


    /**
     * Two workshops of the same organisation on the same instrument, for the record, side by side: the earlier
     * one (by when it opened, else was created) first, whichever order they were asked in.
     */
    public Comparison compare(Caller caller, long firstId, long secondId) {
        List<Workshop> pair = new ArrayList<>(List.of(get(firstId, caller), get(secondId, caller)));
        pair.sort(Comparator.comparing(WorkshopService::heldAt, Comparator.nullsLast(Comparator.naturalOrder())));
        Workshop from = pair.get(0);
        Workshop to = pair.get(1);
        if (from.organisationId() == null || !from.organisationId().equals(to.organisationId())) {
            throw ProblemException.conflict(Text.of("workshop.compare-other-organisation", describe(from), describe(to)));
        }
        if (!from.instrumentCode().equals(to.instrumentCode())) {
            throw ProblemException.conflict(Text.of("workshop.compare-other-instrument", from.instrumentCode(), to.instrumentCode()));
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

    private static Instant heldAt(Workshop workshop) {
        return workshop.openedAt() != null ? workshop.openedAt() : workshop.createdAt();
    }

    /** The caller's own workshop, its row locked for the change to come; 404 for anyone else's. */
    private Workshop own(long id, Caller caller) {
        return workshops.findByIdForUpdate(id).filter(found -> AccessPolicy.permitsOwn(caller, found.facilitatorUserId()))
                .orElseThrow(() -> notFound(id));
    }

    private static String describe(Workshop workshop) {
        return "\"" + workshop.title() + "\" (" + workshop.code() + ")";
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound(Text.of("workshop.unknown", id));
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
