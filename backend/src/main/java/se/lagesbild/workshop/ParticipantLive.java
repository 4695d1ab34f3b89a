package se.lagesbild.workshop;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What every participant's phone follows live: the workshop's status and the current activity (null while
 * the room is joining), with its result once the facilitator reveals it. Nothing of any one participant.
 */
@Serdeable
public record ParticipantLive(String code, String title, WorkshopStatus status, int activities,
                              @Nullable @Schema(type = "object") ActivityResult current) {

    static ParticipantLive of(LiveView live) {
        WorkshopView workshop = live.workshop();
        return new ParticipantLive(workshop.code(), workshop.title(), workshop.status(), live.agenda().size(),
                live.current() == null ? null : live.current().forParticipants());
    }
}
