package se.lagesbild.instrument;

import io.micronaut.core.annotation.Nullable;
import se.lagesbild.system.ProblemException;
import se.lagesbild.system.Text;

/** Refuses an answer that {@link InstrumentDefinition#check} does not accept, with the words a person can act on. */
public final class AcceptedAnswers {

    private AcceptedAnswers() {
    }

    /** 404 for an item the version does not have, 400 for a value off its scale. */
    public static void require(InstrumentDefinition instrument, String itemCode, @Nullable Integer value) {
        switch (instrument.check(itemCode, value)) {
            case UNKNOWN_ITEM -> throw ProblemException.notFound(Text.of("instrument.unknown-item", itemCode,
                    instrument.titled(), instrument.version()));
            case OFF_SCALE -> throw ProblemException.badRequest("value", Text.of("instrument.off-scale", value, itemCode,
                    instrument.describeAcceptedValues()));
            case ACCEPTED -> {
            }
        }
    }
}
