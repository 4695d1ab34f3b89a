package se.lagesbild.action;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import se.lagesbild.access.AccessPolicy;
import se.lagesbild.access.AuditTrail;
import se.lagesbild.access.Caller;
import se.lagesbild.access.Permission;
import se.lagesbild.instrument.InstrumentCatalog;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.round.Round;
import se.lagesbild.round.RoundService;
import se.lagesbild.system.ProblemException;
import se.lagesbild.system.Text;

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
    private final AuditTrail audit;

    public ImprovementActionService(ImprovementActionRepository actions, RoundService rounds, InstrumentCatalog instruments,
                                    AuditTrail audit) {
        this.audit = audit;
        this.actions = actions;
        this.rounds = rounds;
        this.instruments = instruments;
    }

    public ImprovementAction record(Caller caller, long roundId, String itemCode, String what, @Nullable String who,
                                    @Nullable LocalDate dueDate, @Nullable String status) {
        Round round = rounds.get(roundId, caller, Permission.MANAGE);
        InstrumentDefinition instrument = instruments.version(round.instrumentCode(), round.instrumentVersion());
        if (instrument.findItem(itemCode).isEmpty()) {
            throw ProblemException.notFound(Text.of("instrument.unknown-item", itemCode, instrument.titled(), instrument.version()));
        }
        ImprovementAction action = actions.save(new ImprovementAction(null, roundId, itemCode, what.strip(), blankToNull(who), dueDate,
                status(status), null, null));
        audit.record(caller, round.organisationId(), "action.created", "action", action.id(), itemCode + ": " + action.what());
        return action;
    }

    public List<ImprovementAction> ofRound(Caller caller, long roundId) {
        rounds.get(roundId, caller, Permission.VIEW);
        return actions.findByRoundIdOrderById(roundId);
    }

    public ImprovementAction update(Caller caller, long actionId, String what, @Nullable String who, @Nullable LocalDate dueDate,
                                   @Nullable String status) {
        ImprovementAction action = get(caller, actionId);
        ImprovementAction updated = actions.update(new ImprovementAction(action.id(), action.roundId(), action.itemCode(), what.strip(),
                blankToNull(who), dueDate, status(status), action.createdAt(), null));
        audit.record(caller, rounds.get(action.roundId()).organisationId(), "action.updated", "action", actionId,
                action.itemCode() + ": " + updated.what() + " (" + updated.status().code() + ")");
        return updated;
    }

    public void delete(Caller caller, long actionId) {
        ImprovementAction action = get(caller, actionId);
        actions.delete(action);
        audit.record(caller, rounds.get(action.roundId()).organisationId(), "action.deleted", "action", actionId,
                action.itemCode() + ": " + action.what());
    }

    /** An action of a round whose organisation the caller manages; 404 for any other, as if it did not exist. */
    private ImprovementAction get(Caller caller, long actionId) {
        return actions.findById(actionId)
                .filter(action -> AccessPolicy.permits(caller, Permission.MANAGE, rounds.get(action.roundId()).organisationId()))
                .orElseThrow(() -> ProblemException.notFound(Text.of("action.unknown", actionId)));
    }

    private static ActionStatus status(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return ActionStatus.PLANNED;
        }
        return ActionStatus.fromCode(code).orElseThrow(() -> ProblemException.badRequest("status", Text.of("action.unknown-status", code,
                Arrays.stream(ActionStatus.values()).map(ActionStatus::code).collect(Collectors.joining(", ")))));
    }

    private static String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
