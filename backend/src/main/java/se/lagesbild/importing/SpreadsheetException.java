package se.lagesbild.importing;

import se.lagesbild.system.Problem;

import java.util.List;

/** A spreadsheet that cannot be read as a round: what a person is told, and every place that is wrong. */
public class SpreadsheetException extends RuntimeException {

    private final transient List<Problem.FieldError> errors;

    public SpreadsheetException(String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    /** A problem with the file as a whole, reported on the field {@code file}. */
    public static SpreadsheetException ofFile(String message) {
        return new SpreadsheetException(message, List.of(new Problem.FieldError("file", message)));
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
