package se.lagesbild.workshop;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.scoring.Distribution;
import se.lagesbild.scoring.RoundScores;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A workshop's results as the facilitator sees them: how many joined and answered, and, once shown, how the
 * answers fall over the scale. The top-level distribution and median are over every answer given (for the
 * staircase: its one item); {@code items} has them per item. While withheld (not revealed, or fewer
 * answering than the anonymity threshold) there are no distributions or medians at all.
 *
 * @param answers    participants who gave at least one answer
 * @param withheld   whether the distributions are left out
 * @param dontKnow   "Vet inte" answers, where the instrument offers it
 */
@Serdeable
public record WorkshopResults(
        long workshopId,
        WorkshopStatus status,
        int participants,
        int answers,
        boolean revealed,
        int anonymityThreshold,
        boolean withheld,
        @Nullable List<RoundScores.ValueCount> distribution,
        @Nullable Double median,
        @Nullable Integer dontKnow,
        List<ItemResult> items) {

    /** One item's answers. */
    @Serdeable
    public record ItemResult(String code, int answers, @Nullable List<RoundScores.ValueCount> distribution,
                             @Nullable Double median, @Nullable Integer dontKnow) {
    }

    /**
     * The results from the counts.
     *
     * @param shown whether the distributions may be shown (revealed, or read after the workshop): they are
     *              still withheld below the anonymity threshold
     */
    static WorkshopResults of(Workshop workshop, InstrumentDefinition instrument, WorkshopStore.Counts counts,
                              boolean shown, int anonymityThreshold) {
        boolean withheld = !shown || counts.answering() < anonymityThreshold;
        Map<Integer, Integer> all = new HashMap<>();
        int allDontKnow = 0;
        List<ItemResult> items = new ArrayList<>();
        for (InstrumentDefinition.Part part : instrument.parts()) {
            for (InstrumentDefinition.Item item : part.items()) {
                Map<Integer, Integer> values = new HashMap<>();
                int dontKnow = 0;
                int answers = 0;
                for (WorkshopStore.ValueCount count : counts.values()) {
                    if (!count.itemCode().equals(item.code())) {
                        continue;
                    }
                    answers += count.count();
                    if (count.value() == null) {
                        dontKnow += count.count();
                    } else {
                        values.merge(count.value(), count.count(), Integer::sum);
                        all.merge(count.value(), count.count(), Integer::sum);
                    }
                }
                allDontKnow += dontKnow;
                Integer dontKnowShown = instrument.dontKnowLabel() == null ? null : dontKnow;
                items.add(withheld
                        ? new ItemResult(item.code(), answers, null, null, null)
                        : new ItemResult(item.code(), answers, Distribution.overScale(instrument.scale(), values),
                        Distribution.median(values), dontKnowShown));
            }
        }
        return new WorkshopResults(workshop.id(), workshop.status(), counts.participants(), counts.answering(),
                workshop.revealed(), anonymityThreshold, withheld,
                withheld ? null : Distribution.overScale(instrument.scale(), all),
                withheld ? null : Distribution.median(all),
                withheld || instrument.dontKnowLabel() == null ? null : allDontKnow,
                List.copyOf(items));
    }
}
