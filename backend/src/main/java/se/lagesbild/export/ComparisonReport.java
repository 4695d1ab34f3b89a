package se.lagesbild.export;

import se.lagesbild.action.ImprovementAction;
import se.lagesbild.comment.ItemComments;
import se.lagesbild.comparison.ComparisonService;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.round.Round;
import se.lagesbild.scoring.ChangeInterval;
import se.lagesbild.scoring.RoleComparison;
import se.lagesbild.scoring.RoundComparison;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The printable report of two rounds compared, in Swedish, as a tagged PDF: the clear changes first (only
 * changes whose 95 % interval leaves out 0 are news), then the total, the parts as a chart and a table, every
 * item with its change and how sure it is, the roles where both rounds show them, and the improvement actions
 * decided after the earlier round.
 */
final class ComparisonReport {

    private final String organisation;
    private final InstrumentDefinition instrument;
    private final ComparisonService.RoundsCompared compared;
    private final List<ItemComments.ItemComment> comments;
    private final int threshold;
    private final WithheldSides withheld;
    private final boolean oneRespondent;

    private ComparisonReport(String organisation, InstrumentDefinition instrument, ComparisonService.RoundsCompared compared,
                             List<ItemComments.ItemComment> comments, int threshold) {
        this.organisation = organisation;
        this.instrument = instrument;
        this.compared = compared;
        this.comments = comments;
        this.threshold = threshold;
        this.withheld = WithheldSides.of(compared);
        this.oneRespondent = !instrument.collectsManyRespondents();
    }

    /**
     * The report of two compared rounds; {@code instrument} is the later round's version, {@code comments} the
     * later round's comments per item (empty where many answer).
     */
    static byte[] write(String organisation, InstrumentDefinition instrument, ComparisonService.RoundsCompared compared,
                        List<ItemComments.ItemComment> comments, int threshold) {
        return new ComparisonReport(organisation, instrument, compared, comments, threshold).write();
    }

    private byte[] write() {
        String title = organisation + " – " + instrument.title() + ": jämförelse av " + from().label() + " och " + to().label();
        Html html = new Html(title, organisation + " · " + instrument.title() + " · " + from().label() + "–" + to().label());
        html.element("p", "kicker", "Lägesbild – rapport").heading(1, "top", organisation)
                .element("p", "lead", instrument.title())
                .paragraph("Jämförelse av omgång " + from().label() + " och omgång " + to().label() + ".");
        if (from().instrumentVersion() != to().instrumentVersion()) {
            html.note("Omgångarna gäller version " + from().instrumentVersion() + " och " + to().instrumentVersion()
                    + " av instrumentet; påståendena jämförs med sin kod.");
        }
        List<String[]> contents = new ArrayList<>(List.of(new String[] {"tydligt", "Tydliga förändringar"},
                new String[] {"totalt", "Totalt"}, new String[] {"omraden", "Områden"}, new String[] {"pastaenden", "Påståenden"}));
        if (!compared.roles().isEmpty()) {
            contents.add(new String[] {"roller", "Roller"});
        }
        contents.add(new String[] {"atgarder", "Förbättringsåtgärder"});
        html.contents(contents);
        clearChanges(html);
        totals(html);
        parts(html);
        items(html);
        if (!compared.roles().isEmpty()) {
            roles(html);
        }
        actions(html);
        html.note("Skapad " + LocalDate.now(Cell.SWEDEN) + " med Lägesbild.");
        return PdfDocument.render(html.end());
    }

    /** Only the changes whose interval leaves out 0; the rest are not news, whatever their size. */
    private void clearChanges(Html html) {
        html.heading(2, "tydligt", "Tydliga förändringar");
        List<String> clear = new ArrayList<>();
        RoundComparison.Comparison comparison = compared.comparison();
        if (isClear(comparison.totalInterval())) {
            clear.add("Totalt — " + change(comparison.total().from(), comparison.total().to(), comparison.total().delta(),
                    comparison.totalInterval()));
        }
        comparison.parts().stream().filter(part -> isClear(part.interval())).forEach(part ->
                clear.add("Område " + part.title() + " — " + change(part.from(), part.to(), part.delta(), part.interval())));
        comparison.items().stream().filter(item -> isClear(item.interval())).forEach(item ->
                clear.add(item.code() + " " + item.text().replaceAll("[.]$", "") + " — "
                        + change(item.from(), item.to(), item.delta(), item.interval())));
        if (oneRespondent) {
            html.paragraph(instrument.title() + " besvaras av en person för organisationen. Förändringarna är den personens "
                    + "bedömning, inte ett urval av svarande, så ingen osäkerhet beräknas och ingen förändring kallas tydlig.");
        } else if (clear.isEmpty()) {
            html.paragraph("Ingen tydlig förändring: alla skillnader mellan " + from().label() + " och " + to().label()
                    + " ryms inom vad andra svarande hade kunnat ge.");
        } else {
            html.raw("<ul class=\"plain\">");
            clear.forEach(line -> html.element("li", null, line));
            html.raw("</ul>");
        }
        if (!oneRespondent) {
            html.note("En förändring är tydlig när hela dess 95 %-intervall ligger på ena sidan om noll: då är den större än "
                    + "den skillnad som andra svarande ensamt troligen hade gett. ”Ingen säker förändring” betyder inte att "
                    + "inget har hänt, bara att svaren inte visar det. Intervall beräknas bara där minst " + threshold
                    + " har svarat i båda omgångarna.");
        }
    }

    private String change(Double from, Double to, Double delta, ChangeInterval interval) {
        return ChangeWords.verdict(delta, interval, oneRespondent, threshold) + ", " + SwedishNumbers.decimal(from) + " → "
                + SwedishNumbers.decimal(to) + " (" + SwedishNumbers.signed(delta) + "; " + ChangeWords.interval(interval) + ")";
    }

    private static boolean isClear(ChangeInterval interval) {
        return interval != null && interval.clear();
    }

    private void totals(Html html) {
        html.heading(2, "totalt", "Totalt");
        RoundComparison.Change total = compared.comparison().total();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Svarande", Integer.toString(compared.fromScores().respondents()),
                Integer.toString(compared.toScores().respondents()), ""));
        rows.add(List.of("Medelvärde totalt", figure(total.from(), withheld.from()), figure(total.to(), withheld.to()),
                signed(total.delta())));
        RoundComparison.Change sum = compared.comparison().totalSum();
        if (oneRespondent && sum.delta() != null) {
            int max = compared.fromScores().total().items() * scaleMax();
            rows.add(List.of("Summa totalt", outOf(sum.from(), max), outOf(sum.to(), max), signed(sum.delta())));
        }
        rows.add(List.of("Status", SwedishWords.status(from().status()), SwedishWords.status(to().status()), ""));
        html.table("Totalt i båda omgångarna", List.of("", from().label(), to().label(), "Förändring"), rows, 1);
        String judged = ChangeWords.judged(total.delta(), compared.comparison().totalInterval(), oneRespondent, threshold);
        if (!judged.isEmpty()) {
            html.paragraph("Medelvärdet totalt: " + judged + ".");
        }
        if (withheld.from() || withheld.to()) {
            html.note("Dolt: en omgång med färre än " + threshold + " svarande visar inga siffror, så att ingen enskild kan pekas ut.");
        }
    }

    private void parts(Html html) {
        html.heading(2, "omraden", "Områden");
        List<RoundComparison.PartChange> parts = compared.comparison().parts();
        byte[] chart = PartsChart.png(scaleMin(), scaleMax(), List.of(from().label(), to().label()), parts.stream()
                .map(part -> new PartsChart.Group(part.title(), java.util.Arrays.asList(withheld.from(part) ? null : part.from(),
                        withheld.to(part) ? null : part.to()),
                        List.of(figure(part.from(), withheld.from(part)), figure(part.to(), withheld.to(part)))))
                .toList());
        html.image(chart, "Stapeldiagram över områdenas medelvärden på skalan " + scaleMin() + "–" + scaleMax() + ", "
                + from().label() + " randig och ljus, " + to().label() + " mörk. Samma siffror står i tabellen efter diagrammet.", 170);
        html.table("Områdenas medelvärden, skala " + scaleMin() + "–" + scaleMax(),
                List.of("Område", from().label(), to().label(), "Förändring", "Hur säker"),
                parts.stream().map(part -> List.of(part.title(), figure(part.from(), withheld.from(part)),
                        figure(part.to(), withheld.to(part)), signed(part.delta()),
                        ChangeWords.judged(part.delta(), part.interval(), oneRespondent, threshold))).toList(), 1,
                new int[] {34, 11, 11, 13, 31});
    }

    private void items(Html html) {
        html.heading(2, "pastaenden", "Påståenden");
        html.paragraph("Alla påståenden i instrumentets ordning, med medelvärdet i båda omgångarna"
                + (oneRespondent ? "." : ", hur många som gav ett värde (n) och hur säker förändringen är."));
        List<List<String>> rows = compared.comparison().items().stream().map(item -> List.of(item.code(),
                itemText(item), figure(item.from(), withheld.from(item)) + (oneRespondent ? "" : n(item.fromN())),
                figure(item.to(), withheld.to(item)) + (oneRespondent ? "" : n(item.toN())), signed(item.delta()),
                ChangeWords.judged(item.delta(), item.interval(), oneRespondent, threshold))).toList();
        html.table("Påståendena i " + from().label() + " och " + to().label(),
                List.of("Kod", "Påstående", from().label(), to().label(), "Förändring", "Hur säker"), rows, 2,
                new int[] {9, 35, 12, 12, 11, 21});
    }

    private String itemText(RoundComparison.ItemChange item) {
        StringBuilder text = new StringBuilder(item.text());
        if (!item.inFrom()) {
            text.append(" (ny i version ").append(to().instrumentVersion()).append(')');
        } else if (!item.inTo()) {
            text.append(" (finns inte i version ").append(to().instrumentVersion()).append(')');
        }
        comments.stream().filter(comment -> comment.itemCode().equals(item.code())).forEach(comment ->
                text.append(" — Vad visar detta (").append(to().label()).append("): ").append(comment.comment()));
        return text.toString();
    }

    private void roles(Html html) {
        html.heading(2, "roller", "Roller");
        html.paragraph("Medelvärdet totalt per roll, där rollen har minst " + threshold + " svarande i båda omgångarna. "
                + "Förändringar per roll har inget osäkerhetsintervall; grupperna är små, så läs dem med försiktighet.");
        List<List<String>> rows = new ArrayList<>();
        for (RoleComparison.RoleChange role : compared.roles()) {
            String respondents = role.fromRespondents() + " / " + role.toRespondents();
            if (!role.compared()) {
                rows.add(List.of(role.label(), respondents, "Dolt", "Dolt", role.reason() == RoleComparison.Reason.TOO_FEW
                        ? "färre än " + threshold + " svarande i någon omgång" : "dolt för att skydda en mindre grupp"));
            } else {
                rows.add(List.of(role.label(), respondents, SwedishNumbers.decimal(role.total().from()),
                        SwedishNumbers.decimal(role.total().to()), signed(role.total().delta())));
            }
        }
        html.table("Roller, medelvärde totalt", List.of("Roll", "Svarande " + from().label() + " / " + to().label(),
                from().label(), to().label(), "Förändring"), rows, 1);
        for (RoleComparison.RoleChange role : compared.roles()) {
            if (role.compared()) {
                html.table(role.label() + ": områdenas medelvärden", List.of("Område", from().label(), to().label(), "Förändring"),
                        role.parts().stream().map(part -> List.of(part.title(), figure(part.from(), false),
                                figure(part.to(), false), signed(part.delta()))).toList(), 1);
            }
        }
    }

    private void actions(Html html) {
        html.heading(2, "atgarder", "Förbättringsåtgärder");
        List<ImprovementAction> actions = compared.comparison().items().stream()
                .flatMap(item -> compared.actionsByItem().getOrDefault(item.code(), List.of()).stream())
                .toList();
        if (actions.isEmpty()) {
            html.paragraph("Inga åtgärder är registrerade efter omgång " + from().label() + ".");
            return;
        }
        html.paragraph("Åtgärder som beslutades efter omgång " + from().label() + " och hur långt de har kommit.");
        html.table("Förbättringsåtgärder efter " + from().label(), List.of("Kod", "Åtgärd", "Ansvarig", "Senast", "Status"),
                actions.stream().map(action -> List.of(action.itemCode(), action.what(), action.who() == null ? "" : action.who(),
                        action.dueDate() == null ? "" : action.dueDate().toString(), SwedishWords.status(action.status()))).toList(),
                Integer.MAX_VALUE);
    }

    /** A mean as printed: "2,40", "Dolt" when withheld, "–" when there is none. */
    static String figure(Double value, boolean withheld) {
        return withheld ? "Dolt" : value == null ? "–" : SwedishNumbers.decimal(value);
    }

    static String signed(Double delta) {
        return delta == null ? "–" : SwedishNumbers.signed(delta);
    }

    /** A checklist total as a person reads it: "16 av 40". */
    static String outOf(Double sum, int max) {
        return sum == null ? "–" : SwedishNumbers.whole(sum) + " av " + max;
    }

    private static String n(Integer n) {
        return n == null ? "" : " (n " + n + ")";
    }

    private int scaleMin() {
        return instrument.scale().stream().mapToInt(InstrumentDefinition.ScaleStep::value).min().orElse(0);
    }

    private int scaleMax() {
        return instrument.scale().stream().mapToInt(InstrumentDefinition.ScaleStep::value).max().orElse(1);
    }

    private Round from() {
        return compared.from();
    }

    private Round to() {
        return compared.to();
    }
}
