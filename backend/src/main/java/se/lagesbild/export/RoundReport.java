package se.lagesbild.export;

import se.lagesbild.action.ImprovementAction;
import se.lagesbild.comment.ItemComments;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.round.Round;
import se.lagesbild.scoring.RoundScores;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The printable report of one round, in Swedish, as a tagged PDF: the total (for the one-respondent checklist
 * also its sum, "16 av 40"), the parts as a chart and a table, the roles, every item (for the checklist with
 * its comment, what shows it) and the improvement actions decided on the round.
 */
final class RoundReport {

    /** What the report of one round shows. */
    record Contents(String organisation, InstrumentDefinition instrument, Round round, RoundScores scores,
                    List<ItemComments.ItemComment> comments, List<ImprovementAction> actions, int threshold) {
    }

    private final Contents c;
    private final boolean oneRespondent;

    private RoundReport(Contents contents) {
        this.c = contents;
        this.oneRespondent = !contents.instrument().collectsManyRespondents();
    }

    static byte[] write(Contents contents) {
        return new RoundReport(contents).write();
    }

    private byte[] write() {
        String title = c.organisation() + " – " + c.instrument().title() + ": resultat " + c.round().label();
        Html html = new Html(title, c.organisation() + " · " + c.instrument().title() + " · " + c.round().label());
        html.element("p", "kicker", "Lägesbild – rapport").heading(1, "top", c.organisation())
                .element("p", "lead", c.instrument().title())
                .paragraph("Resultat för omgång " + c.round().label() + " (" + SwedishWords.status(c.round().status())
                        + "), " + respondents() + ".");
        List<String[]> contents = new ArrayList<>(List.of(new String[] {"totalt", "Totalt"}, new String[] {"omraden", "Områden"}));
        if (!c.scores().roles().isEmpty()) {
            contents.add(new String[] {"roller", "Roller"});
        }
        contents.add(new String[] {"pastaenden", "Påståenden"});
        contents.add(new String[] {"atgarder", "Förbättringsåtgärder"});
        html.contents(contents);
        totals(html);
        parts(html);
        if (!c.scores().roles().isEmpty()) {
            roles(html);
        }
        items(html);
        actions(html);
        html.note("Skapad " + LocalDate.now(Cell.SWEDEN) + " med Lägesbild.");
        return PdfDocument.render(html.end());
    }

    private String respondents() {
        int n = c.scores().respondents();
        return n == 1 ? "1 svarande" : n + " svarande";
    }

    private void totals(Html html) {
        html.heading(2, "totalt", "Totalt");
        RoundScores.TotalScore total = c.scores().total();
        if (total.suppressed()) {
            html.paragraph(withheld());
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Svarande", Integer.toString(c.scores().respondents())));
        if (oneRespondent) {
            rows.add(List.of("Summa", ComparisonReport.outOf(total.sum(), total.items() * scaleMax())));
        }
        rows.add(List.of("Medelvärde", ComparisonReport.figure(total.mean(), false)));
        rows.add(List.of("Besvarade påståenden", total.answered() + " av " + total.items()));
        html.table("Totalt för omgång " + c.round().label(), List.of("", c.round().label()), rows, 1);
        if (Boolean.FALSE.equals(total.complete())) {
            html.note("Alla påståenden har inte ett värde (”Vet inte” eller obesvarat); summan gäller de besvarade.");
        }
    }

    private void parts(Html html) {
        html.heading(2, "omraden", "Områden");
        List<RoundScores.PartScore> parts = c.scores().parts();
        byte[] chart = PartsChart.png(scaleMin(), scaleMax(), List.of(c.round().label()), parts.stream()
                .map(part -> new PartsChart.Group(part.title(), Arrays.asList(part.suppressed() ? null : part.mean()),
                        List.of(ComparisonReport.figure(part.mean(), part.suppressed()))))
                .toList());
        html.image(chart, "Stapeldiagram över områdenas medelvärden " + c.round().label() + " på skalan " + scaleMin() + "–"
                + scaleMax() + ". Samma siffror står i tabellen efter diagrammet.", 170);
        html.table("Områdenas medelvärden, skala " + scaleMin() + "–" + scaleMax(), List.of("Område", "Medelvärde", "Besvarade"),
                parts.stream().map(part -> List.of(part.title(), ComparisonReport.figure(part.mean(), part.suppressed()),
                        part.suppressed() ? "Dolt" : part.answered() + " av " + part.items())).toList(), 1);
    }

    /** The parts per role, roles as columns, so the table fits the page however long the parts' names. */
    private void roles(Html html) {
        html.heading(2, "roller", "Roller");
        List<RoundScores.RoleScores> roles = c.scores().roles();
        List<String> header = new ArrayList<>(List.of("Område"));
        roles.forEach(role -> header.add(role.label()));
        header.add("Alla");
        List<List<String>> rows = new ArrayList<>();
        List<String> respondents = new ArrayList<>(List.of("Svarande"));
        roles.forEach(role -> respondents.add(Integer.toString(role.respondents())));
        respondents.add(Integer.toString(c.scores().respondents()));
        rows.add(respondents);
        for (RoundScores.PartScore part : c.scores().parts()) {
            List<String> row = new ArrayList<>(List.of(part.title()));
            for (RoundScores.RoleScores role : roles) {
                RoundScores.PartScore rolePart = role.parts().stream().filter(p -> p.code().equals(part.code())).findFirst().orElse(null);
                row.add(rolePart == null ? "–" : ComparisonReport.figure(rolePart.mean(), role.suppressed() || rolePart.suppressed()));
            }
            row.add(ComparisonReport.figure(part.mean(), part.suppressed()));
            rows.add(row);
        }
        List<String> total = new ArrayList<>(List.of("Totalt"));
        roles.forEach(role -> total.add(ComparisonReport.figure(role.total().mean(), role.suppressed())));
        total.add(ComparisonReport.figure(c.scores().total().mean(), c.scores().total().suppressed()));
        rows.add(total);
        html.table("Medelvärden per roll", header, rows, 1);
        html.note("Dolt: en roll med färre än " + c.threshold() + " svarande visar inga siffror, och inte heller en roll vars "
                + "siffror skulle avslöja en mindre grupps.");
    }

    private void items(Html html) {
        html.heading(2, "pastaenden", "Påståenden");
        Map<String, RoundScores.ItemScore> scores = c.scores().items().stream()
                .collect(Collectors.toMap(RoundScores.ItemScore::code, Function.identity(), (a, b) -> a));
        List<List<String>> rows = new ArrayList<>();
        for (InstrumentDefinition.Part part : c.instrument().parts()) {
            for (InstrumentDefinition.Item item : part.items()) {
                RoundScores.ItemScore score = scores.get(item.code());
                if (oneRespondent) {
                    rows.add(List.of(item.code(), item.text(), ComparisonReport.figure(score == null ? null : score.mean(), false),
                            comments(item.code())));
                } else {
                    boolean hidden = score == null || score.suppressed();
                    rows.add(List.of(item.code(), item.text(), ComparisonReport.figure(hidden ? null : score.mean(), hidden),
                            hidden || score.n() == null ? "–" : Integer.toString(score.n())));
                }
            }
        }
        if (oneRespondent) {
            html.table("Påståendena med svar och vad som visar det", List.of("Kod", "Påstående", "Värde", "Vad visar detta?"),
                    rows, 2, new int[] {9, 46, 10, 35});
        } else {
            html.table("Påståendena: medelvärde och hur många som gav ett värde", List.of("Kod", "Påstående", "Medelvärde", "n"),
                    rows, 2, new int[] {9, 67, 14, 10});
            html.note("Kommentarer visas inte per påstående när många svarar, så att ingen kan pekas ut.");
        }
    }

    private String comments(String itemCode) {
        return c.comments().stream().filter(comment -> comment.itemCode().equals(itemCode)).map(ItemComments.ItemComment::comment)
                .collect(Collectors.joining(" / "));
    }

    private void actions(Html html) {
        html.heading(2, "atgarder", "Förbättringsåtgärder");
        if (c.actions().isEmpty()) {
            html.paragraph("Inga åtgärder är registrerade för omgång " + c.round().label() + ".");
            return;
        }
        html.table("Förbättringsåtgärder efter " + c.round().label(), List.of("Kod", "Åtgärd", "Ansvarig", "Senast", "Status"),
                c.actions().stream().map(action -> List.of(action.itemCode(), action.what(), action.who() == null ? "" : action.who(),
                        action.dueDate() == null ? "" : action.dueDate().toString(), SwedishWords.status(action.status()))).toList(),
                Integer.MAX_VALUE);
    }

    private String withheld() {
        return "Dolt: omgången har färre än " + c.threshold() + " svarande och visar inga siffror, så att ingen enskild kan pekas ut.";
    }

    private int scaleMin() {
        return c.instrument().scale().stream().mapToInt(InstrumentDefinition.ScaleStep::value).min().orElse(0);
    }

    private int scaleMax() {
        return c.instrument().scale().stream().mapToInt(InstrumentDefinition.ScaleStep::value).max().orElse(1);
    }
}
