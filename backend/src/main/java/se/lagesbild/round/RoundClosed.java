package se.lagesbild.round;

/** Published inside the transaction that closes a round, so features above rounds can tidy up with it. */
public record RoundClosed(long roundId, long organisationId) {
}
