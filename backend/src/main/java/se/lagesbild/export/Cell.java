package se.lagesbild.export;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * One value of an exported table, typed so that each writer can show it its own way: a number stays a
 * number in a spreadsheet, and a CSV file writes it as Swedish Excel reads it.
 */
public sealed interface Cell permits Cell.Text, Cell.Whole, Cell.Decimal, Cell.Time, Cell.Empty {

    /** Written where a figure is withheld to protect the respondents: never a number. */
    Cell WITHHELD = new Text("Dolt");

    Cell EMPTY = new Empty();

    /** Moments are shown as the people who answered saw their clocks. */
    ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    record Text(String value) implements Cell {
    }

    record Whole(long value) implements Cell {
    }

    /** A figure with decimals, such as a mean; shown with two decimals. */
    record Decimal(double value) implements Cell {
    }

    /** A moment in Swedish local time. */
    record Time(LocalDateTime value) implements Cell {
    }

    record Empty() implements Cell {
    }

    static Cell text(String value) {
        return value == null ? EMPTY : new Text(value);
    }

    static Cell whole(Number value) {
        return value == null ? EMPTY : new Whole(value.longValue());
    }

    static Cell decimal(Double value) {
        return value == null ? EMPTY : new Decimal(value);
    }

    static Cell time(Instant value) {
        return value == null ? EMPTY : new Time(LocalDateTime.ofInstant(value, SWEDEN));
    }

    /** A figure of a group, or "Dolt" when the group's figures are withheld. */
    static Cell figure(boolean withheld, Cell value) {
        return withheld ? WITHHELD : value;
    }
}
