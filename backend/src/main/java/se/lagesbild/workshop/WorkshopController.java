package se.lagesbild.workshop;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import se.lagesbild.access.Caller;
import se.lagesbild.access.Roles;
import se.lagesbild.system.PublicAddress;
import se.lagesbild.system.QrCode;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.reactivestreams.Publisher;
import se.lagesbild.export.Download;
import se.lagesbild.export.TableFormat;

import java.net.URI;
import java.util.List;
import io.swagger.v3.oas.annotations.tags.Tag;
import se.lagesbild.apidocs.ClientProblems;
import se.lagesbild.apidocs.ConflictProblem;
import se.lagesbild.apidocs.SignInRequired;

/**
 * The facilitator's side of workshops: create one with its agenda, open it, step through the agenda, reveal,
 * close, watch live, read and export the results.
 */
@Tag(name = "Workshops")
@SignInRequired
@ClientProblems
@ConflictProblem
@Controller("/api/workshops")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.ADMIN, Roles.FACILITATOR})
public class WorkshopController {

    private final WorkshopService workshops;
    private final LiveWorkshops live;
    private final PublicAddress publicAddress;

    public WorkshopController(WorkshopService workshops, LiveWorkshops live, PublicAddress publicAddress) {
        this.workshops = workshops;
        this.live = live;
        this.publicAddress = publicAddress;
    }

    /** A new draft workshop; without {@code activities}, the instrument's template agenda (for the staircase: the seed's workshop). */
    @Post
    public HttpResponse<WorkshopView> createWorkshop(@Valid @Body NewWorkshop request, Caller caller) {
        WorkshopView created = workshops.view(workshops.create(caller, request.title(), request.instrumentCode(),
                request.organisationId(), request.activities()));
        return HttpResponse.created(created, URI.create("/api/workshops/" + created.id()));
    }

    /** The workshops the caller runs. */
    @Get
    public List<WorkshopView> listWorkshops(@Nullable @QueryValue Long organisationId, Caller caller) {
        return workshops.list(caller, organisationId).stream().map(workshops::view).toList();
    }

    /** One workshop with its agenda and where the room is. */
    @Get("/{id}")
    public WorkshopView getWorkshop(long id, Caller caller) {
        return workshops.view(workshops.get(id, caller));
    }

    /** Opens a draft for answers on its first activity, or reopens one closed today. */
    @Post("/{id}/open")
    public WorkshopView open(long id, Caller caller) {
        return workshops.view(workshops.open(id, caller));
    }

    /** Ends the workshop, only with {@code {confirm: true}} (400 saying what closing means without it). */
    @Post("/{id}/close")
    public WorkshopView closeWorkshop(long id, @Nullable @Body CloseRequest body, Caller caller) {
        return workshops.view(workshops.close(id, caller, body != null && Boolean.TRUE.equals(body.confirm())));
    }

    /** Shows the room the current activity's result (a distribution not below the anonymity threshold: 409). */
    @Post("/{id}/reveal")
    public WorkshopView reveal(long id, Caller caller) {
        return workshops.view(workshops.reveal(id, caller));
    }

    /** Hides the current activity's result again. */
    @Post("/{id}/hide")
    public WorkshopView hide(long id, Caller caller) {
        return workshops.view(workshops.hide(id, caller));
    }

    /** The agenda, in order. */
    @Get("/{id}/activities")
    public List<ActivityView> agenda(long id, Caller caller) {
        return workshops.agendaView(workshops.get(id, caller));
    }

    /** Adds an activity at the end of the agenda (also while the workshop runs). */
    @Post("/{id}/activities")
    public HttpResponse<ActivityView> addActivity(long id, @Body Agenda.Step step, Caller caller) {
        return HttpResponse.created(workshops.addActivity(id, caller, step));
    }

    /** Moves the room to an activity ({@code position} 0-based; null: the join screen); its result starts hidden. */
    @Put("/{id}/current")
    public WorkshopView moveTo(long id, @Body CurrentRequest body, Caller caller) {
        return workshops.view(workshops.moveTo(id, caller, body.position()));
    }

    /** Hides one participant's text from the room, or shows it again ({@code hidden}); the record keeps it. */
    @Put("/{id}/texts/{textId}")
    public HttpResponse<Void> setHidden(long id, long textId, @Body HiddenRequest body, Caller caller) {
        workshops.setHidden(id, textId, body.hidden(), caller);
        return HttpResponse.noContent();
    }

    /** The instrument's results: counts always, the distribution once revealed. */
    @Get("/{id}/results")
    public WorkshopResults results(long id, Caller caller) {
        return workshops.results(workshops.get(id, caller));
    }

    /**
     * The record: every activity's result (distributions whether or not they were revealed in the room, not
     * below the threshold; every text, hidden ones marked).
     */
    @Get("/{id}/summary")
    public Summary summary(long id, Caller caller) {
        Workshop workshop = workshops.get(id, caller);
        return new Summary(workshops.view(workshop), workshops.recordedResults(workshop), workshops.reflections(workshop),
                workshops.activityRecord(workshop));
    }

    /** Every group reflection, each member's own text with their group. */
    @Get("/{id}/reflections")
    public List<ReflectionView> reflections(long id, Caller caller) {
        return workshops.reflections(workshops.get(id, caller));
    }

    /** Everything the projector shows, once: what the page polls when Server-Sent Events do not get through. */
    @Get("/{id}/live")
    public LiveView now(long id, Caller caller) {
        workshops.get(id, caller);
        return live.now(id);
    }

    /** The projector's stream: an event {@code live} with the state now and at every change (within about 0.5 s). */
    @Get(value = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<LiveView>> workshopEvents(long id, Caller caller) {
        workshops.get(id, caller);
        return live.watch(id).map(view -> Event.of(view).name("live"));
    }

    /** The QR code of the participants' page, as SVG. */
    @Get("/{id}/qr")
    @Produces("image/svg+xml")
    public HttpResponse<String> qr(long id, HttpRequest<?> request, Caller caller) {
        Workshop workshop = workshops.get(id, caller);
        String base = publicAddress.of(request);
        return HttpResponse.ok(QrCode.svg(base + WorkshopView.joinPath(workshop.code()))).contentType("image/svg+xml");
    }

    /** The record as CSV or XLSX: every activity. */
    @Get("/{id}/export.{format}")
    @Produces({Download.CSV, Download.XLSX})
    public HttpResponse<byte[]> exportWorkshop(long id, String format, Caller caller) {
        TableFormat tableFormat = TableFormat.of(format);
        Workshop workshop = workshops.get(id, caller);
        return tableFormat.download(WorkshopExport.of(workshop, workshops.instrument(workshop),
                workshops.recordedResults(workshop), workshops.activityRecord(workshop))).response();
    }

    /** Two workshops of the same organisation side by side, e.g. 2025 and 2028: the earlier one first. */
    @Get("/comparison")
    public WorkshopService.Comparison compareWorkshops(@QueryValue long from, @QueryValue long to, Caller caller) {
        return workshops.compare(caller, from, to);
    }

    @Serdeable
    public record NewWorkshop(
            @NotBlank(message = "validation.workshop-title-needed")
            @Size(max = 200, message = "validation.name-too-long") String title,
            @Nullable String instrumentCode,
            @Nullable Long organisationId,
            @Nullable List<Agenda.Step> activities) {
    }

    @Serdeable
    public record CloseRequest(@Nullable Boolean confirm) {
    }

    @Serdeable
    public record CurrentRequest(@Nullable Integer position) {
    }

    @Serdeable
    public record HiddenRequest(boolean hidden) {
    }

    @Serdeable
    public record Summary(WorkshopView workshop, WorkshopResults results, List<ReflectionView> reflections,
                          List<ActivityResult> activities) {
    }
}
