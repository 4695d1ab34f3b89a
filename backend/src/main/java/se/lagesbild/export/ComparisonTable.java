package se.lagesbild.export;

import se.lagesbild.action.ImprovementAction;
import se.lagesbild.comparison.ComparisonService;
import se.lagesbild.scoring.RoundComparison;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static se.lagesbild.export.Cell.EMPTY;
import static se.lagesbild.export.Cell.decimal;
import static se.lagesbild.export.Cell.figure;
import static se.lagesbild.export.Cell.text;
import static se.lagesbild.export.Cell.whole;

/**
 * Two rounds compared: the total, each part and each item, with both means, the change and its direction,
 * how many gave a value on each side (for the total: the respondents), and the actions recorded on the
 * earlier round's item. A side whose figures are withheld shows "Dolt"; an item that one version of the
 * instrument lacks shows nothing on that side.
 */
final class ComparisonTable {

    private ComparisonTable() {
    }

    static Table of(String instrumentTitle, ComparisonService.RoundsCompared compared) {
        List<String> headers = new ArrayList<>(Level.HEADERS);
        headers.addAll(List.of("Från " + compared.from().label(), "Till " + compared.to().label(), "Förändring", "Riktning",
                "n från", "n till", "Åtgärder"));
        WithheldSides withheld = WithheldSides.of(compared);
        RoundComparison.Comparison comparison = compared.comparison();
        List<List<Cell>> rows = new ArrayList<>();
        RoundComparison.Change total = comparison.total();
        rows.add(Level.TOTAL.row(null, instrumentTitle, List.of(figure(withheld.from(), decimal(total.from())),
                figure(withheld.to(), decimal(total.to())), decimal(total.delta()), text(SwedishWords.direction(total.direction())),
                whole(compared.fromScores().respondents()), whole(compared.toScores().respondents()), EMPTY)));
        for (RoundComparison.PartChange part : comparison.parts()) {
            rows.add(Level.PART.row(part.code(), part.title(), List.of(figure(withheld.from(part), decimal(part.from())),
                    figure(withheld.to(part), decimal(part.to())), decimal(part.delta()), text(SwedishWords.direction(part.direction())),
                    EMPTY, EMPTY, EMPTY)));
        }
        for (RoundComparison.ItemChange item : comparison.items()) {
            rows.add(Level.ITEM.row(item.code(), item.text(), List.of(figure(withheld.from(item), decimal(item.from())),
                    figure(withheld.to(item), decimal(item.to())), decimal(item.delta()),
                    text(SwedishWords.direction(item.direction())), figure(withheld.from(item), whole(item.fromN())),
                    figure(withheld.to(item), whole(item.toN())),
                    text(actions(compared.actionsByItem().getOrDefault(item.code(), List.of()))))));
        }
        return new Table("Jämförelse", headers, rows);
    }

    private static String actions(List<ImprovementAction> actions) {
        return actions.isEmpty() ? null : actions.stream().map(SwedishWords::action).collect(Collectors.joining("\n"));
    }
}
