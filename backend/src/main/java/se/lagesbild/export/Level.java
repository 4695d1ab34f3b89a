package se.lagesbild.export;

import java.util.ArrayList;
import java.util.List;

/** What a row of a results table is about: the whole instrument, one part, or one item. */
enum Level {
    TOTAL("Totalt"), PART("Område"), ITEM("Påstående");

    /** The columns that every results table starts with. */
    static final List<String> HEADERS = List.of("Nivå", "Kod", "Text");

    private final String label;

    Level(String label) {
        this.label = label;
    }

    /** A row: this level, the code and text of what it is about, then its figures. */
    List<Cell> row(String code, String text, List<Cell> figures) {
        List<Cell> row = new ArrayList<>(List.of(Cell.text(label), Cell.text(code), Cell.text(text)));
        row.addAll(figures);
        return row;
    }
}
