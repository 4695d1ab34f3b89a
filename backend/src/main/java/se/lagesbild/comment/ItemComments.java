package se.lagesbild.comment;

import jakarta.inject.Singleton;
import se.lagesbild.access.Caller;
import se.lagesbild.access.Permission;
import se.lagesbild.instrument.InstrumentCatalog;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.response.Answer;
import se.lagesbild.response.ResponseService;
import se.lagesbild.round.Round;
import se.lagesbild.round.RoundService;
import se.lagesbild.system.ProblemException;
import se.lagesbild.system.Text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The comments given with a round's submitted answers, per item: for the checklist, the evidence ("Vad visar
 * detta?") beside each item in the results and the report. Only for instruments one person answers for the
 * organisation; where many answer, a comment beside an item could tell who answered what, so it is never
 * shown per item.
 */
@Singleton
public class ItemComments {

    private final RoundService rounds;
    private final ResponseService responses;
    private final InstrumentCatalog instruments;

    public ItemComments(RoundService rounds, ResponseService responses, InstrumentCatalog instruments) {
        this.rounds = rounds;
        this.responses = responses;
        this.instruments = instruments;
    }

    /** One comment on one item. */
    public record ItemComment(String itemCode, String comment) {
    }

    /** The comments of a round the caller may view, in the instrument's item order; 409 where many answer. */
    public List<ItemComment> ofRound(Caller caller, long roundId) {
        return of(rounds.get(roundId, caller, Permission.VIEW));
    }

    /** The comments of a round whose access is already checked; 409 where many answer. */
    public List<ItemComment> of(Round round) {
        InstrumentDefinition instrument = instruments.version(round.instrumentCode(), round.instrumentVersion());
        if (instrument.collectsManyRespondents()) {
            throw ProblemException.conflict(Text.of("comment.many-respondents", instrument.titled()));
        }
        Map<String, Integer> order = new HashMap<>();
        instrument.parts().forEach(part -> part.items().forEach(item -> order.putIfAbsent(item.code(), order.size())));
        List<Answer> answers = new ArrayList<>(responses.submitted(round.id()).answers());
        answers.removeIf(answer -> answer.comment() == null || answer.comment().isBlank() || !order.containsKey(answer.itemCode()));
        answers.sort((a, b) -> Integer.compare(order.get(a.itemCode()), order.get(b.itemCode())));
        return answers.stream().map(answer -> new ItemComment(answer.itemCode(), answer.comment().strip())).toList();
    }
}
