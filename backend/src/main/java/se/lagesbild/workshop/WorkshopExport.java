package se.lagesbild.workshop;

import se.lagesbild.export.Cell;
import se.lagesbild.export.Export;
import se.lagesbild.export.Table;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.scoring.RoundScores;

import java.util.ArrayList;
import java.util.List;

/**
 * A workshop for the record, as one table (CSV or XLSX): who took part, how the answers fell over the
 * scale per item and their median ("Dolt" below the anonymity threshold), and every text of every activity
 * (open questions and group reflections, with the group; those hidden from the room marked).
 */
final class WorkshopExport {

    static final List<String> HEADERS = List.of("Typ", "Fråga", "Steg", "Benämning", "Antal", "Grupp", "Text");

    private WorkshopExport() {
    }

    static Export of(Workshop workshop, InstrumentDefinition instrument, WorkshopResults results, List<ActivityResult> activities) {
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(row("Workshop", Cell.text(workshop.title()), Cell.EMPTY, Cell.text(workshop.code()), Cell.EMPTY, Cell.EMPTY,
                Cell.text(instrument.title())));
        rows.add(row("Deltagare", Cell.EMPTY, Cell.EMPTY, Cell.EMPTY, Cell.whole(results.participants()), Cell.EMPTY, Cell.EMPTY));
        rows.add(row("Svarat", Cell.EMPTY, Cell.EMPTY, Cell.EMPTY, Cell.whole(results.answers()), Cell.EMPTY, Cell.EMPTY));
        boolean withheld = results.withheld();
        for (WorkshopResults.ItemResult item : results.items()) {
            Cell question = Cell.text(item.code());
            for (InstrumentDefinition.ScaleStep step : instrument.scale()) {
                Cell count = withheld ? Cell.WITHHELD : Cell.whole(item.distribution().stream()
                        .filter(c -> c.value() == step.value()).mapToInt(RoundScores.ValueCount::count).sum());
                rows.add(row("Fördelning", question, Cell.whole(step.value()), Cell.text(step.label()), count, Cell.EMPTY, Cell.EMPTY));
            }
            if (instrument.dontKnowLabel() != null) {
                rows.add(row("Fördelning", question, Cell.EMPTY, Cell.text(instrument.dontKnowLabel()),
                        withheld ? Cell.WITHHELD : Cell.whole(item.dontKnow()), Cell.EMPTY, Cell.EMPTY));
            }
            rows.add(row("Median", question, withheld ? Cell.WITHHELD : Cell.decimal(item.median()), Cell.EMPTY,
                    Cell.whole(item.answers()), Cell.EMPTY, Cell.EMPTY));
        }
        for (ActivityResult activity : activities) {
            if (activity.entries() == null) {
                continue;
            }
            String kind = activity.activity().kind() == ActivityKind.OPEN_QUESTION ? "Öppen fråga" : "Reflektion";
            for (ReflectionView entry : activity.entries()) {
                rows.add(row(entry.hidden() ? kind + " (dold i rummet)" : kind, Cell.text(activity.activity().title()),
                        Cell.EMPTY, Cell.EMPTY, Cell.EMPTY, entry.group() == null ? Cell.EMPTY : Cell.text(entry.group()),
                        Cell.text(entry.text())));
            }
        }
        return new Export(workshop.title() + "-" + workshop.code() + "-workshop", new Table("Workshop", HEADERS, rows));
    }

    private static List<Cell> row(String kind, Cell question, Cell step, Cell label, Cell count, Cell group, Cell text) {
        return List.of(Cell.text(kind), question, step, label, count, group, text);
    }
}
