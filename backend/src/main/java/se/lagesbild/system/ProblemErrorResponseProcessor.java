package se.lagesbild.system;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the framework's own errors (invalid JSON, failed bean validation, unknown route, wrong method)
 * into problem documents, in the language the request asks for, so that a client meets one error format
 * whatever went wrong.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    /** The framework's own wording of a value it could not read: it names Java types and parser internals. */
    private static final Pattern CONVERSION = Pattern.compile("Failed to convert argument \\[([^\\]]+)]");
    private static final Pattern MISSING = Pattern.compile("Required \\w+ \\[([^\\]]+)] not specified");
    private static final Pattern LOCATION = Pattern.compile("line: (\\d+), column: (\\d+)");
    private static final Pattern INTERNALS = Pattern.compile("java\\.|io\\.micronaut|com\\.fasterxml|Exception|Source: ");

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        Locale language = ProblemTexts.language(context.getRequest());
        List<Problem.FieldError> fields = context.getErrors().stream()
                .filter(error -> error.getPath().isPresent())
                .map(error -> new Problem.FieldError(fieldName(error.getPath().get()),
                        ProblemTexts.resolve(message(error.getMessage()), language)))
                .toList();
        Problem problem = new Problem("about:blank", status.getReason(), status.getCode(),
                ProblemTexts.resolve(detail(status, context), language), fields.isEmpty() ? null : fields);
        return ProblemExceptionHandler.inLanguage(response.contentType(Problem.CONTENT_TYPE).body(problem), language);
    }

    private static Text detail(HttpStatus status, ErrorContext context) {
        String method = context.getRequest().getMethodName();
        String path = context.getRequest().getPath();
        return switch (status) {
            case UNAUTHORIZED -> Text.of("request.unauthorized");
            case FORBIDDEN -> Text.of("request.forbidden", method, path);
            case NOT_FOUND -> Text.of("request.not-found", path);
            case METHOD_NOT_ALLOWED -> Text.of("request.method-not-allowed", method, path);
            case UNSUPPORTED_MEDIA_TYPE -> Text.of("request.unsupported-media-type");
            case REQUEST_ENTITY_TOO_LARGE -> Text.of("request.too-large");
            case BAD_REQUEST -> Text.of("request.unreadable", joined(context.getErrors().stream()
                    .map(ProblemErrorResponseProcessor::describe).toList()));
            case INTERNAL_SERVER_ERROR -> Text.of("server.error");
            default -> joined(context.getErrors().stream().map(error -> message(error.getMessage())).toList());
        };
    }

    /** The texts one after the other, separated by semicolons. */
    private static Text joined(List<Text> texts) {
        return texts.isEmpty() ? Text.of("request.unknown-error") : (Text) Text.joined("list.semicolon", texts);
    }

    private static Text describe(Error error) {
        return error.getPath().map(path -> Text.of("request.field", fieldName(path), message(error.getMessage())))
                .orElse(message(error.getMessage()));
    }

    /**
     * The framework's message, in words a client can act on: a value it could not read becomes what to send
     * instead, with the place in the JSON text where there is one; Java types and parser internals never
     * reach the client. Any other message of the framework is passed on in its own (English) words.
     */
    static Text message(String message) {
        if (message == null) {
            return Text.of("request.unknown-error");
        }
        Matcher missing = MISSING.matcher(message);
        if (missing.find()) {
            return Text.of("request.missing", missing.group(1));
        }
        Matcher conversion = CONVERSION.matcher(message);
        Matcher location = LOCATION.matcher(message);
        boolean located = location.find();
        if (located || message.contains("deserialize") || message.contains("JSON")) {
            return located ? Text.of("request.not-json-at", location.group(1), location.group(2)) : Text.of("request.not-json");
        }
        if (conversion.find()) {
            return Text.of("request.wrong-form", conversion.group(1));
        }
        if (INTERNALS.matcher(message).find()) {
            return Text.of("request.unreadable-content");
        }
        return Text.of("as-is", message);
    }

    /** Bean validation reports paths such as {@code create.request.label}; the client knows the field as {@code label}. */
    private static String fieldName(String path) {
        int dot = path.lastIndexOf('.');
        String name = dot < 0 ? path : path.substring(dot + 1);
        return name.startsWith("/") ? name.substring(1) : name;
    }
}
