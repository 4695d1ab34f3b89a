package se.lagesbild.importing;

import io.micronaut.core.annotation.Nullable;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.response.Answer;
import se.lagesbild.response.GivenResponse;
import se.lagesbild.system.ProblemException;
import se.lagesbild.system.Text;

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
    private final List<ProblemException.Field> errors = new ArrayList<>();

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
            throw SpreadsheetException.ofFile(Text.of("import.empty", itemCodes()));
        }
        Spreadsheet.Row header = sheet.rows().get(0);
        List<Spreadsheet.Row> rows = sheet.rows().subList(1, sheet.rows().size());
        List<Column> columns = columns(header, rows);
        if (rows.isEmpty()) {
            errors.add(new ProblemException.Field("file", Text.of("import.no-responses", header.number())));
        }
        List<GivenResponse> responses = rows.stream().map(row -> response(row, columns)).toList();
        if (!errors.isEmpty()) {
            throw new SpreadsheetException(summary(), errors.subList(0, Math.min(errors.size(), LISTED_ERRORS)));
        }
        return responses;
    }

    private Text summary() {
        int count = errors.size();
        if (count == 1) {
            return Text.of("import.one-error", errors.get(0).message());
        }
        return count > LISTED_ERRORS ? Text.of("import.errors-first-listed", count, LISTED_ERRORS) : Text.of("import.errors", count);
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
                columnError(column.get(), Text.of("import.duplicate-header", Spreadsheet.columnName(first.index())));
            } else {
                columns.add(column.get());
            }
        }
        reportUnheadedColumnsWithValues(header, rows);
        if (columns.stream().noneMatch(column -> column.kind() == Kind.ITEM) && !unknownColumns) {
            errors.add(new ProblemException.Field("file", Text.of("import.no-item-column", header.number(), itemCodes())));
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
        columnError(new Column(index, text, Kind.ITEM, null), Text.of("import.unknown-header",
                comment.matches() ? comment.group(1) : text, instrument.titled(), instrument.version(),
                itemCodes() + (instrument.asksForRespondentRole() ? ", " + ROLE_HEADER : ""), firstItemCode()));
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
                    errors.add(new ProblemException.Field("kolumn " + name, Text.of("import.unheaded-column", name, row.number()))));
        }
    }

    private void checkRoleColumn(List<Column> columns) {
        Optional<Column> role = columns.stream().filter(column -> column.kind() == Kind.ROLE).findFirst();
        if (instrument.asksForRespondentRole() && role.isEmpty()) {
            errors.add(new ProblemException.Field(ROLE_HEADER, Text.of("import.role-column-missing", ROLE_HEADER, instrument.titled(),
                    instrument.describeRespondentRoles())));
        }
        if (!instrument.asksForRespondentRole() && role.isPresent()) {
            columnError(role.get(), Text.of("import.role-column-unwanted", instrument.titled()));
            columns.remove(role.get());
        }
    }

    private void checkCommentColumns(List<Column> columns) {
        List<Column> orphans = columns.stream().filter(column -> column.kind() == Kind.COMMENT
                && itemColumn(columns, column.itemCode()).isEmpty()).toList();
        for (Column orphan : orphans) {
            columnError(orphan, Text.of("import.comment-without-item-column", orphan.itemCode()));
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
            cellError(row, column, role == null
                    ? Text.of("import.role-missing", instrument.describeRespondentRoles())
                    : Text.of("import.unknown-role", role, instrument.titled(), instrument.describeRespondentRoles()));
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
            Text allowed = instrument.describeAcceptedValues(instrument.dontKnow());
            cellError(row, column, NUMBER.matcher(text).matches()
                    ? Text.of("import.number-off-scale", text, allowed) : Text.of("import.text-off-scale", text, allowed));
            return Optional.empty();
        }
        return Optional.of(new GivenResponse.GivenAnswer(column.itemCode(), value, comment));
    }

    private void checkComment(Spreadsheet.Row row, Column column, String text, Column item) {
        if (text.isEmpty()) {
            return;
        }
        if (row.cell(item.index()).isEmpty()) {
            cellError(row, column, Text.of("import.comment-without-answer", item.itemCode(), Spreadsheet.columnName(item.index())));
        }
        if (text.length() > Answer.MAX_COMMENT_LENGTH) {
            cellError(row, column, Text.of("import.comment-too-long", text.length(), Answer.MAX_COMMENT_LENGTH));
        }
    }

    private static @Nullable String comment(Spreadsheet.Row row, List<Column> columns, String itemCode) {
        return columns.stream().filter(column -> column.kind() == Kind.COMMENT && column.itemCode().equals(itemCode))
                .map(column -> row.cell(column.index())).filter(text -> !text.isEmpty()).findFirst().orElse(null);
    }

    private static Optional<Column> itemColumn(List<Column> columns, String itemCode) {
        return columns.stream().filter(column -> column.kind() == Kind.ITEM && column.itemCode().equals(itemCode)).findFirst();
    }

    private void columnError(Column column, Text message) {
        errors.add(new ProblemException.Field(column.header(), Text.of("import.in-column", column.describe(), message)));
    }

    private void cellError(Spreadsheet.Row row, Column column, Text message) {
        errors.add(new ProblemException.Field("rad " + row.number() + ", kolumn " + Spreadsheet.columnName(column.index()),
                Text.of("import.in-cell", row.number(), column.describe(), message)));
    }

    private String itemCodes() {
        return instrument.parts().stream().flatMap(part -> part.items().stream())
                .map(InstrumentDefinition.Item::code).collect(Collectors.joining(", "));
    }

    private String firstItemCode() {
        return instrument.parts().get(0).items().get(0).code();
    }
}
