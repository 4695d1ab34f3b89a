package se.lagesbild.workshop;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import se.lagesbild.scoring.RoundScores;

import java.util.List;

/**
 * One activity's result: for a placement, how the answers fall over the scale (withheld until revealed, and
 * below the anonymity threshold); for an open question or a group reflection, the texts written.
 *
 * @param responses participants who placed themselves, or texts written
 * @param entries   the texts (null for a placement); the facilitator's pages get them all, hidden ones marked,
 *                  the participants' pages only the shown ones, and only once revealed
 */
@Serdeable
public record ActivityResult(ActivityView activity, boolean revealed, int responses, boolean withheld,
                             @Nullable List<RoundScores.ValueCount> distribution, @Nullable Double median,
                             @Nullable Integer dontKnow, @Nullable List<ReflectionView> entries) {

    static ActivityResult placement(ActivityView activity, boolean revealed, WorkshopResults results) {
        if (activity.itemCode() == null) {
            return new ActivityResult(activity, revealed, results.answers(), results.withheld(), results.distribution(),
                    results.median(), results.dontKnow(), null);
        }
        WorkshopResults.ItemResult item = results.items().stream()
                .filter(i -> i.code().equals(activity.itemCode())).findFirst().orElseThrow();
        return new ActivityResult(activity, revealed, item.answers(), results.withheld(), item.distribution(),
                item.median(), item.dontKnow(), null);
    }

    static ActivityResult texts(ActivityView activity, boolean revealed, List<ReflectionView> entries) {
        return new ActivityResult(activity, revealed, entries.size(), !revealed, null, null, null, entries);
    }

    /** What a participant's phone may show: the result once revealed, without the texts the facilitator hid. */
    ActivityResult forParticipants() {
        if (!revealed) {
            return new ActivityResult(activity, false, responses, true, null, null, null, null);
        }
        return new ActivityResult(activity, true, responses, withheld, distribution, median, dontKnow,
                entries == null ? null : entries.stream().filter(entry -> !entry.hidden()).toList());
    }
}
