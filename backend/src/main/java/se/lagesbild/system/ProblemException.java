package se.lagesbild.system;

import io.micronaut.http.HttpStatus;

import java.util.List;

/** Ends a request with a problem document; thrown by services for conditions the caller can act on. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(HttpStatus status, String detail) {
        this(status, detail, null);
    }

    public ProblemException(HttpStatus status, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.problem = new Problem("about:blank", status.getReason(), status.getCode(), detail, errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, detail);
    }

    public static ProblemException badRequest(String field, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, detail, List.of(new Problem.FieldError(field, detail)));
    }

    public Problem problem() {
        return problem;
    }
}
