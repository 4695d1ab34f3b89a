package se.lagesbild.workshop;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live updates for presenter and control views and for participants' phones, across every instance of the app: answers may be saved by any instance, so
 * each instance reads a watched workshop's state from the shared database every {@code poll-interval}
 * (500 ms) and pushes it when it changed. One poller per workshop per instance, shared by all of that
 * workshop's subscribers on the instance, running only while someone watches; no in-memory fan-out between
 * instances. The state is counted from one index (see {@link WorkshopStore}), so a poll costs about as much
 * as reading a change counter would, without a counter row that every answer would have to update (a hot
 * row serialises a room's answers). Unchanged state is pushed again every {@code keep-alive} so that idle
 * connections stay open through proxies.
 */
@Singleton
public class LiveWorkshops {

    private static final Logger LOG = LoggerFactory.getLogger(LiveWorkshops.class);

    private final WorkshopService workshops;
    private final Duration pollInterval;
    private final Duration keepAlive;
    private final Scheduler pollers = Schedulers.newBoundedElastic(4, 10_000, "workshop-live");
    private final Map<Long, Flux<LiveView>> streams = new ConcurrentHashMap<>();

    public LiveWorkshops(WorkshopService workshops,
                         @Value("${lagesbild.workshops.live-poll-interval:500ms}") Duration pollInterval,
                         @Value("${lagesbild.workshops.live-keep-alive:15s}") Duration keepAlive) {
        this.workshops = workshops;
        this.pollInterval = pollInterval;
        this.keepAlive = keepAlive;
    }

    /** The workshop's state now, as the presenter and control views show it. */
    public LiveView now(long workshopId) {
        Workshop workshop = workshops.get(workshopId);
        WorkshopResults results = workshops.results(workshop);
        List<ActivityView> agenda = workshops.agendaView(workshop);
        return new LiveView(workshops.view(workshop), results, workshops.reflections(workshop), agenda,
                workshops.currentResult(workshop, agenda, results));
    }

    /** The state now as every participant's phone may see it. */
    public ParticipantLive nowForParticipants(long workshopId) {
        return ParticipantLive.of(now(workshopId));
    }

    /** The participants' stream: the presenter's, from the same poller, as the phones may see it. */
    public Flux<ParticipantLive> watchForParticipants(long workshopId) {
        return watch(workshopId).map(ParticipantLive::of);
    }

    /** The state now and at every change; the caller has checked that the workshop exists. */
    public Flux<LiveView> watch(long workshopId) {
        return streams.computeIfAbsent(workshopId, id -> Flux.defer(() -> poll(id))
                .replay(1)
                .refCount(1, Duration.ofSeconds(2)));
    }

    private Flux<LiveView> poll(long workshopId) {
        LiveView[] last = {null};
        long[] lastSentAt = {0};
        return Flux.interval(Duration.ZERO, pollInterval, pollers)
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromCallable(() -> now(workshopId))
                        .onErrorResume(e -> {
                            LOG.warn("Reading workshop {} for its projectors failed; trying again", workshopId, e);
                            return Mono.empty();
                        }), 1)
                .filter(view -> {
                    long now = System.nanoTime();
                    if (view.equals(last[0]) && now - lastSentAt[0] < keepAlive.toNanos()) {
                        return false;
                    }
                    last[0] = view;
                    lastSentAt[0] = now;
                    return true;
                });
    }

    @PreDestroy
    void stop() {
        pollers.dispose();
    }
}
