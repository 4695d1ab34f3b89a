package se.lagesbild.importing;

import io.micronaut.http.HttpStatus;
import se.lagesbild.system.ProblemException;
import se.lagesbild.system.Text;

import java.util.List;

/** A spreadsheet that cannot be read as a round: what a person is told, and every place that is wrong. */
public class SpreadsheetException extends RuntimeException {

    private final transient Text detail;
    private final transient List<ProblemException.Field> errors;

    public SpreadsheetException(Text detail, List<ProblemException.Field> errors) {
        super(detail.key());
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    /** A problem with the file as a whole, reported on the field {@code file}. */
    public static SpreadsheetException ofFile(Text message) {
        return new SpreadsheetException(message, List.of(new ProblemException.Field("file", message)));
    }

    /** The 400 problem the caller is answered with. */
    public ProblemException toProblem() {
        return new ProblemException(HttpStatus.BAD_REQUEST, detail, errors);
    }
}
