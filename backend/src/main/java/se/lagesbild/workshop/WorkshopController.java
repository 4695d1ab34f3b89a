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

import java.util.List;

/** The facilitator's side of workshops: create, open, reveal, close, watch live, read and export the results. */
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

    @Post
    public HttpResponse<WorkshopView> create(@Valid @Body NewWorkshop request, Caller caller) {
        return HttpResponse.created(workshops.view(workshops.create(caller, request.title(), request.instrumentCode(), request.organisationId())));
    }

    @Get
    public List<WorkshopView> list(@Nullable @QueryValue Long organisationId, Caller caller) {
        return workshops.list(caller, organisationId).stream().map(workshops::view).toList();
    }

    @Get("/{id}")
    public WorkshopView get(long id, Caller caller) {
        return workshops.view(workshops.get(id, caller));
    }

    @Post("/{id}/open")
    public WorkshopView open(long id, Caller caller) {
        return workshops.view(workshops.open(id, caller));
    }

    @Post("/{id}/close")
    public WorkshopView close(long id, Caller caller) {
        return workshops.view(workshops.close(id, caller));
    }

    @Post("/{id}/reveal")
    public WorkshopView reveal(long id, Caller caller) {
        return workshops.view(workshops.reveal(id, caller));
    }

    @Post("/{id}/hide")
    public WorkshopView hide(long id, Caller caller) {
        return workshops.view(workshops.hide(id, caller));
    }

    @Get("/{id}/results")
    public WorkshopResults results(long id, Caller caller) {
        return workshops.results(workshops.get(id, caller));
    }

    /** The results for the record: distributions whether or not they were revealed in the room (not below the threshold). */
    @Get("/{id}/summary")
    public Summary summary(long id, Caller caller) {
        Workshop workshop = workshops.get(id, caller);
        return new Summary(workshops.view(workshop), workshops.recordedResults(workshop), workshops.reflections(workshop));
    }

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
    public Publisher<Event<LiveView>> events(long id, Caller caller) {
        workshops.get(id, caller);
        return live.watch(id).map(view -> Event.of(view).name("live"));
    }

    @Get("/{id}/qr")
    @Produces("image/svg+xml")
    public HttpResponse<String> qr(long id, HttpRequest<?> request, Caller caller) {
        Workshop workshop = workshops.get(id, caller);
        String base = publicAddress.of(request);
        return HttpResponse.ok(QrCode.svg(base + WorkshopView.joinPath(workshop.code()))).contentType("image/svg+xml");
    }

    @Get("/{id}/export.{format}")
    @Produces({Download.CSV, Download.XLSX})
    public HttpResponse<byte[]> export(long id, String format, Caller caller) {
        TableFormat tableFormat = TableFormat.of(format);
        Workshop workshop = workshops.get(id, caller);
        return tableFormat.download(WorkshopExport.of(workshop, workshops.instrument(workshop),
                workshops.recordedResults(workshop), workshops.reflections(workshop))).response();
    }

    /** Two workshops of the same organisation side by side, e.g. 2025 and 2028. */
    @Get("/comparison")
    public WorkshopService.Comparison compare(@QueryValue long from, @QueryValue long to, Caller caller) {
        return workshops.compare(caller, from, to);
    }

    @Serdeable
    public record NewWorkshop(
            @NotBlank(message = "Ange workshoppens namn.")
            @Size(max = 200, message = "Namnet får vara högst 200 tecken.") String title,
            @Nullable String instrumentCode,
            @Nullable Long organisationId) {
    }

    @Serdeable
    public record Summary(WorkshopView workshop, WorkshopResults results, List<ReflectionView> reflections) {
    }
}
