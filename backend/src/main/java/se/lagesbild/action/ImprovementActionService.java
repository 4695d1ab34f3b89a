package se.lagesbild.action;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import se.lagesbild.instrument.InstrumentCatalog;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.round.Round;
import se.lagesbild.round.RoundService;
import se.lagesbild.system.ProblemException;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Recording and following up improvement actions on a round's items. */
@Singleton
public class ImprovementActionService {

    private final ImprovementActionRepository actions;
    private final RoundService rounds;
    private final InstrumentCatalog instruments;

    public ImprovementActionService(ImprovementActionRepository actions, RoundService rounds, InstrumentCatalog instruments) {
        this.actions = actions;
        this.rounds = rounds;
        this.instruments = instruments;
    }

    public ImprovementAction record(long roundId, String itemCode, String what, @Nullable String who,
                                    @Nullable LocalDate dueDate, @Nullable String status) {
        Round round = rounds.get(roundId);
        InstrumentDefinition instrument = instruments.version(round.instrumentCode(), round.instrumentVersion());
        if (instrument.findItem(itemCode).isEmpty()) {
            throw ProblemException.notFound("Påståendet " + itemCode + " finns inte i " + instrument.title()
                    + " (version " + instrument.version() + ").");
        }
        return actions.save(new ImprovementAction(null, roundId, itemCode, what.strip(), blankToNull(who), dueDate,
                status(status), null, null));
    }

    public List<ImprovementAction> ofRound(long roundId) {
        rounds.get(roundId);
        return actions.findByRoundIdOrderById(roundId);
    }

    public ImprovementAction update(long actionId, String what, @Nullable String who, @Nullable LocalDate dueDate,
                                   @Nullable String status) {
        ImprovementAction action = get(actionId);
        return actions.update(new ImprovementAction(action.id(), action.roundId(), action.itemCode(), what.strip(),
                blankToNull(who), dueDate, status(status), action.createdAt(), null));
    }

    public void delete(long actionId) {
        actions.delete(get(actionId));
    }

    private ImprovementAction get(long actionId) {
        return actions.findById(actionId).orElseThrow(() -> ProblemException.notFound("Åtgärden med id " + actionId + " finns inte."));
    }

    private static ActionStatus status(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return ActionStatus.PLANNED;
        }
        return ActionStatus.fromCode(code).orElseThrow(() -> ProblemException.badRequest("status", "Status " + code
                + " finns inte. Välj " + Arrays.stream(ActionStatus.values()).map(ActionStatus::code)
                .collect(Collectors.joining(", ")) + "."));
    }

    private static String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
