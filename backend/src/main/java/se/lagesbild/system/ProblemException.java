package se.lagesbild.system;

import io.micronaut.http.HttpStatus;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Ends a request with a problem document; thrown by services for conditions the caller can act on. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ProblemException(HttpStatus status, String detail) {
        this(status, detail, null);
    }

    public ProblemException(HttpStatus status, String detail, List<Problem.FieldError> errors) {
        this(status, detail, errors, Map.of());
    }

    private ProblemException(HttpStatus status, String detail, List<Problem.FieldError> errors, Map<String, String> headers) {
        super(detail);
        this.problem = new Problem("about:blank", status.getReason(), status.getCode(), detail, errors);
        this.headers = headers;
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

    /** 429 with the whole seconds to wait in {@code Retry-After} (at least 1). */
    public static ProblemException tooManyRequests(String detail, Duration wait) {
        return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, detail, null, Map.of("Retry-After", String.valueOf(wholeSeconds(wait))));
    }

    /** A wait in whole seconds, rounded up and at least 1, as Retry-After and the detail name it. */
    public static long wholeSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** Headers the answer carries besides the problem document. */
    public Map<String, String> headers() {
        return headers;
    }

    public Problem problem() {
        return problem;
    }
}
