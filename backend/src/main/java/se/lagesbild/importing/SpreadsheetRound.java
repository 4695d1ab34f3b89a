package se.lagesbild.importing;

import io.micronaut.core.annotation.Nullable;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.response.Answer;
import se.lagesbild.response.GivenResponse;
import se.lagesbild.system.Problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a past round from a spreadsheet, checked against one instrument version. The first filled row is
 * the header: one column per item headed by its code, in any order and not necessarily all of them; a
 * column {@code respondentRole} where the instrument has respondent roles; comment columns headed
 * {@code <item code> kommentar}. Every following filled row is one respondent's submitted response, its
 * cells scale values, empty (unanswered) or "Vet inte".
 *
 * <p>Every problem is collected with its row and column, and a spreadsheet with any problem yields nothing.
 * Values and roles are checked by the instrument's own rules, the same as for answers given in the app. A
 * pure function of the instrument and the rows.
 */
public final class SpreadsheetRound {

    private static final String ROLE_HEADER = "respondentRole";
    /** "Vet inte" is accepted as written here, or as the instrument's own label, in any case. */
    private static final String DONT_KNOW = "Vet inte";
    /** A file full of errors lists this many; the detail counts them all. */
    static final int LISTED_ERRORS = 200;

    private static final Pattern COMMENT_HEADER = Pattern.compile("(.+?)\\s+kommentar",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern WHOLE_NUMBER = Pattern.compile("([+-]?\\d{1,9})(?:[.,]0+)?");
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(?:[.,]\\d+)?");

    private enum Kind { ITEM, COMMENT, ROLE }

    /** A column the header names; {@code itemCode} for item and comment columns. */
    private record Column(int index, String header, Kind kind, @Nullable String itemCode) {
        /** E.g. "E (CS-04)", to follow "kolumn". */
        String describe() {
            return Spreadsheet.columnName(index) + " (" + header + ")";
        }
    }

    private final InstrumentDefinition instrument;
    private final List<Problem.FieldError> errors = new ArrayList<>();

    private SpreadsheetRound(InstrumentDefinition instrument) {
        this.instrument = instrument;
    }

    /**
     * The responses the spreadsheet holds, one per filled row after the header, in row order.
     *
     * @throws SpreadsheetException listing every problem, when there is any
     */
    public static List<GivenResponse> read(InstrumentDefinition instrument, Spreadsheet sheet) {
        return new SpreadsheetRound(instrument).responses(sheet);
    }

    private List<GivenResponse> responses(Spreadsheet sheet) {
        if (sheet.rows().isEmpty()) {
            throw SpreadsheetException.ofFile("Filen är tom. Första raden ska ha en kolumn per påstående med dess kod som "
                    + "rubrik (" + itemCodes() + "), och varje rad därefter en persons svar.");
        }
        Spreadsheet.Row header = sheet.rows().get(0);
        List<Spreadsheet.Row> rows = sheet.rows().subList(1, sheet.rows().size());
        List<Column> columns = columns(header, rows);
        if (rows.isEmpty()) {
            errors.add(new Problem.FieldError("file", "Filen har inga svar: under rubrikraden (rad " + header.number()
                    + ") finns ingen ifylld rad. Varje rad efter rubrikraden är en persons svar."));
        }
        List<GivenResponse> responses = rows.stream().map(row -> response(row, columns)).toList();
        if (!errors.isEmpty()) {
            throw new SpreadsheetException(summary(), errors.subList(0, Math.min(errors.size(), LISTED_ERRORS)));
        }
        return responses;
    }

    private String summary() {
        int count = errors.size();
        return "Filen har " + count + " fel; inget har lästs in."
                + (count == 1 ? " " + errors.get(0).message() : "")
                + (count > LISTED_ERRORS ? " De första " + LISTED_ERRORS + " visas." : "");
    }

    private List<Column> columns(Spreadsheet.Row header, List<Spreadsheet.Row> rows) {
        List<Column> columns = new ArrayList<>();
        Map<String, Column> seen = new HashMap<>();
        boolean unknownColumns = false;
        for (int index = 0; index < header.cells().size(); index++) {
            String text = header.cell(index);
            if (text.isEmpty()) {
                continue;
            }
            Optional<Column> column = classify(index, text);
            if (column.isEmpty()) {
                unknownColumns = true;
                continue;
            }
            Column first = seen.putIfAbsent(column.get().kind() + " " + column.get().itemCode(), column.get());
            if (first != null) {
                columnError(column.get(), "samma rubrik finns redan i kolumn " + Spreadsheet.columnName(first.index())
                        + ". Varje rubrik får finnas en gång.");
            } else {
                columns.add(column.get());
            }
        }
        reportUnheadedColumnsWithValues(header, rows);
        if (columns.stream().noneMatch(column -> column.kind() == Kind.ITEM) && !unknownColumns) {
            errors.add(new Problem.FieldError("file", "Rubrikraden (rad " + header.number() + ") har ingen kolumn med ett "
                    + "påstående. Rubrikerna ska vara påståendenas koder: " + itemCodes() + "."));
        }
        checkRoleColumn(columns);
        checkCommentColumns(columns);
        return columns;
    }

    private Optional<Column> classify(int index, String text) {
        if (text.equalsIgnoreCase(ROLE_HEADER)) {
            return Optional.of(new Column(index, text, Kind.ROLE, null));
        }
        if (instrument.findItem(text).isPresent()) {
            return Optional.of(new Column(index, text, Kind.ITEM, text));
        }
        Matcher comment = COMMENT_HEADER.matcher(text);
        if (comment.matches() && instrument.findItem(comment.group(1)).isPresent()) {
            return Optional.of(new Column(index, text, Kind.COMMENT, comment.group(1)));
        }
        columnError(new Column(index, text, Kind.ITEM, null), "det finns inget påstående "
                + (comment.matches() ? comment.group(1) : text) + " i " + instrument.title() + " (version "
                + instrument.version() + "). Rubrikerna kan vara påståendenas koder (" + itemCodes() + ")"
                + (instrument.asksForRespondentRole() ? ", " + ROLE_HEADER : "") + " och kommentarer som ”"
                + firstItemCode() + " kommentar”.");
        return Optional.empty();
    }

    private void reportUnheadedColumnsWithValues(Spreadsheet.Row header, List<Spreadsheet.Row> rows) {
        int width = rows.stream().mapToInt(row -> row.cells().size()).max().orElse(0);
        for (int index = 0; index < width; index++) {
            if (!header.cell(index).isEmpty()) {
                continue;
            }
            int column = index;
            String name = Spreadsheet.columnName(column);
            rows.stream().filter(row -> !row.cell(column).isEmpty()).findFirst().ifPresent(row ->
                    errors.add(new Problem.FieldError("kolumn " + name, "Kolumn " + name + " saknar rubrik men har värden, "
                            + "till exempel på rad " + row.number() + ". Ge den ett påstående som rubrik eller töm den.")));
        }
    }

    private void checkRoleColumn(List<Column> columns) {
        Optional<Column> role = columns.stream().filter(column -> column.kind() == Kind.ROLE).findFirst();
        if (instrument.asksForRespondentRole() && role.isEmpty()) {
            errors.add(new Problem.FieldError(ROLE_HEADER, "Kolumnen " + ROLE_HEADER + " saknas. " + instrument.title()
                    + " frågar efter roll: lägg till kolumnen med en roll på varje rad, någon av "
                    + instrument.describeRespondentRoles() + "."));
        }
        if (!instrument.asksForRespondentRole() && role.isPresent()) {
            columnError(role.get(), instrument.title() + " frågar inte efter roll; ta bort kolumnen.");
            columns.remove(role.get());
        }
    }

    private void checkCommentColumns(List<Column> columns) {
        List<Column> orphans = columns.stream().filter(column -> column.kind() == Kind.COMMENT
                && itemColumn(columns, column.itemCode()).isEmpty()).toList();
        for (Column orphan : orphans) {
            columnError(orphan, "det finns ingen kolumn " + orphan.itemCode() + " med svar att kommentera. "
                    + "Lägg till kolumnen eller ta bort kommentarerna.");
        }
        columns.removeAll(orphans);
    }

    private GivenResponse response(Spreadsheet.Row row, List<Column> columns) {
        String role = null;
        List<GivenResponse.GivenAnswer> answers = new ArrayList<>();
        for (Column column : columns) {
            String text = row.cell(column.index());
            switch (column.kind()) {
                case ROLE -> role = role(row, column, text);
                case ITEM -> answer(row, column, text, comment(row, columns, column.itemCode())).ifPresent(answers::add);
                case COMMENT -> checkComment(row, column, text, itemColumn(columns, column.itemCode()).orElseThrow());
            }
        }
        return new GivenResponse(role, answers);
    }

    private @Nullable String role(Spreadsheet.Row row, Column column, String text) {
        String role = text.isEmpty() ? null : text;
        if (!instrument.acceptsRespondentRole(role)) {
            cellError(row, column, (role == null ? "rollen saknas." : "rollen ”" + role + "” finns inte i " + instrument.title() + ".")
                    + " Tillåtna roller: " + instrument.describeRespondentRoles() + ".");
        }
        return role;
    }

    private Optional<GivenResponse.GivenAnswer> answer(Spreadsheet.Row row, Column column, String text, @Nullable String comment) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        boolean dontKnow = text.equalsIgnoreCase(DONT_KNOW)
                || instrument.dontKnowLabel() != null && text.equalsIgnoreCase(instrument.dontKnowLabel());
        Matcher number = WHOLE_NUMBER.matcher(text);
        boolean readable = dontKnow || number.matches();
        Integer value = readable && !dontKnow ? Integer.valueOf(number.group(1)) : null;
        if (!readable || instrument.check(column.itemCode(), value) != InstrumentDefinition.AnswerCheck.ACCEPTED) {
            cellError(row, column, "värdet " + (NUMBER.matcher(text).matches() ? text : "”" + text + "”")
                    + " finns inte på skalan. Tillåtna värden: " + instrument.describeAcceptedValues(instrument.dontKnowLabel()) + ".");
            return Optional.empty();
        }
        return Optional.of(new GivenResponse.GivenAnswer(column.itemCode(), value, comment));
    }

    private void checkComment(Spreadsheet.Row row, Column column, String text, Column item) {
        if (text.isEmpty()) {
            return;
        }
        if (row.cell(item.index()).isEmpty()) {
            cellError(row, column, "kommentaren hör till " + item.itemCode() + ", som inte är besvarat på raden. Fyll i "
                    + "ett värde i kolumn " + Spreadsheet.columnName(item.index()) + " eller ta bort kommentaren.");
        }
        if (text.length() > Answer.MAX_COMMENT_LENGTH) {
            cellError(row, column, "kommentaren är " + text.length() + " tecken; den får vara högst " + Answer.MAX_COMMENT_LENGTH + " tecken.");
        }
    }

    private static @Nullable String comment(Spreadsheet.Row row, List<Column> columns, String itemCode) {
        return columns.stream().filter(column -> column.kind() == Kind.COMMENT && column.itemCode().equals(itemCode))
                .map(column -> row.cell(column.index())).filter(text -> !text.isEmpty()).findFirst().orElse(null);
    }

    private static Optional<Column> itemColumn(List<Column> columns, String itemCode) {
        return columns.stream().filter(column -> column.kind() == Kind.ITEM && column.itemCode().equals(itemCode)).findFirst();
    }

    private void columnError(Column column, String message) {
        errors.add(new Problem.FieldError(column.header(), "Kolumn " + column.describe() + ": " + message));
    }

    private void cellError(Spreadsheet.Row row, Column column, String message) {
        errors.add(new Problem.FieldError("rad " + row.number() + ", kolumn " + Spreadsheet.columnName(column.index()),
                "Rad " + row.number() + ", kolumn " + column.describe() + ": " + message));
    }

    private String itemCodes() {
        return instrument.parts().stream().flatMap(part -> part.items().stream())
                .map(InstrumentDefinition.Item::code).collect(Collectors.joining(", "));
    }

    private String firstItemCode() {
        return instrument.parts().get(0).items().get(0).code();
    }
}
