package se.lagesbild.invitation;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A round's one open link (for a staff meeting's QR code); it hands each device an anonymous token of its own. */
@MappedEntity("round_open_links")
public record OpenLink(@Id long roundId, String tokenHash) {
}
