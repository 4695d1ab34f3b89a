package se.lagesbild.export;

import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.scoring.RoundScores;

import java.util.ArrayList;
import java.util.List;

import static se.lagesbild.export.Cell.EMPTY;
import static se.lagesbild.export.Cell.decimal;
import static se.lagesbild.export.Cell.figure;
import static se.lagesbild.export.Cell.whole;

/**
 * A round's scores: the total, each part and each item, with the figures of the scores API. Withheld
 * figures are written "Dolt". For the total, n is the number of respondents (shown even when the figures
 * are withheld, as in the API); for an item, the number who gave it a value.
 */
final class ScoresTable {

    private static final List<String> FIGURES = List.of("Medelvärde", "n", "Min", "Max", "Standardavvikelse", "Vet inte",
            "Summa", "Påståenden med värde");

    private ScoresTable() {
    }

    static Table of(InstrumentDefinition instrument, RoundScores scores) {
        List<String> headers = new ArrayList<>(Level.HEADERS);
        headers.addAll(FIGURES);
        List<List<Cell>> rows = new ArrayList<>();
        RoundScores.TotalScore total = scores.total();
        boolean hidden = total.suppressed();
        rows.add(Level.TOTAL.row(null, instrument.title(), List.of(figure(hidden, decimal(total.mean())),
                whole(scores.respondents()), EMPTY, EMPTY, EMPTY, EMPTY,
                figure(hidden, decimal(total.sum())), figure(hidden, whole(total.answered())))));
        for (RoundScores.PartScore part : scores.parts()) {
            hidden = part.suppressed();
            rows.add(Level.PART.row(part.code(), part.title(), List.of(figure(hidden, decimal(part.mean())),
                    EMPTY, EMPTY, EMPTY, EMPTY, EMPTY, EMPTY, figure(hidden, whole(part.answered())))));
        }
        for (RoundScores.ItemScore item : scores.items()) {
            hidden = item.suppressed();
            String text = instrument.findItem(item.code()).map(InstrumentDefinition.Item::text).orElse(null);
            rows.add(Level.ITEM.row(item.code(), text, List.of(figure(hidden, decimal(item.mean())),
                    figure(hidden, whole(item.n())), figure(hidden, whole(item.min())), figure(hidden, whole(item.max())),
                    figure(hidden, decimal(item.stdDev())), figure(hidden, whole(item.dontKnow())), EMPTY, EMPTY)));
        }
        return new Table("Resultat", headers, rows);
    }
}
