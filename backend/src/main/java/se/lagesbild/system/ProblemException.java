package se.lagesbild.system;

import io.micronaut.http.HttpStatus;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ends a request with a problem document; thrown by services for conditions the caller can act on. The
 * detail is a {@link Text}, put in the language the request asks for when the problem is answered; the
 * exception's own message is only the key, so that a log never repeats a name or an address from a detail.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final transient Text detail;
    private final transient List<Field> errors;
    private final transient Map<String, String> headers;

    public ProblemException(HttpStatus status, Text detail) {
        this(status, detail, null);
    }

    public ProblemException(HttpStatus status, Text detail, List<Field> errors) {
        this(status, detail, errors, Map.of());
    }

    private ProblemException(HttpStatus status, Text detail, List<Field> errors, Map<String, String> headers) {
        super(detail.key());
        this.status = status;
        this.detail = detail;
        this.errors = errors == null ? null : List.copyOf(errors);
        this.headers = headers;
    }

    public static ProblemException notFound(Text detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, detail);
    }

    public static ProblemException conflict(Text detail) {
        return new ProblemException(HttpStatus.CONFLICT, detail);
    }

    public static ProblemException badRequest(String field, Text detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, detail, List.of(new Field(field, detail)));
    }

    /** 429 with the whole seconds to wait in {@code Retry-After} (at least 1). */
    public static ProblemException tooManyRequests(Text detail, Duration wait) {
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

    public HttpStatus status() {
        return status;
    }

    public Text detail() {
        return detail;
    }

    /** The problem document in the language. */
    public Problem problem(Locale language) {
        return new Problem("about:blank", status.getReason(), status.getCode(), ProblemTexts.resolve(detail, language),
                errors == null ? null : errors.stream().map(error -> error.in(language)).toList());
    }

    /** One invalid input field and what is wrong with it, before it is put in a language. */
    public record Field(String field, Text message) {

        public Problem.FieldError in(Locale language) {
            return new Problem.FieldError(field, ProblemTexts.resolve(message, language));
        }
    }
}
