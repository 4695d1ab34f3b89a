package se.lagesbild.system;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the framework's own errors (invalid JSON, failed bean validation, unknown route, wrong method)
 * into problem documents, so that a client meets one error format whatever went wrong.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    /** The framework's own wording of a value it could not read: it names Java types and parser internals. */
    private static final Pattern CONVERSION = Pattern.compile("Failed to convert argument \\[([^\\]]+)]");
    private static final Pattern MISSING = Pattern.compile("Required \\w+ \\[([^\\]]+)] not specified");
    private static final Pattern LOCATION = Pattern.compile("line: (\\d+), column: (\\d+)");
    private static final Pattern INTERNALS = Pattern.compile("java\\.|io\\.micronaut|com\\.fasterxml|Exception|Source: ");
    static final String SERVER_ERROR_DETAIL = "Något gick fel i servern. Försök igen om en stund.";

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        List<Problem.FieldError> fields = context.getErrors().stream()
                .filter(error -> error.getPath().isPresent())
                .map(error -> new Problem.FieldError(fieldName(error.getPath().get()), message(error.getMessage())))
                .toList();
        Problem problem = new Problem("about:blank", status.getReason(), status.getCode(),
                detail(status, context), fields.isEmpty() ? null : fields);
        return response.contentType(Problem.CONTENT_TYPE).body(problem);
    }

    private static String detail(HttpStatus status, ErrorContext context) {
        return switch (status) {
            case UNAUTHORIZED -> "Logga in för att fortsätta (sessionscookie eller Authorization: Bearer <accessToken>).";
            case FORBIDDEN -> "Din roll ger inte behörighet till " + context.getRequest().getMethodName() + " "
                    + context.getRequest().getPath() + ".";
            case NOT_FOUND -> "Adressen " + context.getRequest().getPath() + " finns inte.";
            case METHOD_NOT_ALLOWED -> "Metoden " + context.getRequest().getMethodName() + " går inte att använda på "
                    + context.getRequest().getPath() + ".";
            case UNSUPPORTED_MEDIA_TYPE -> "Skicka begäran som JSON (Content-Type: application/json), eller som "
                    + "multipart/form-data där en fil läses in.";
            case REQUEST_ENTITY_TOO_LARGE -> "Begäran är för stor för att tas emot.";
            case BAD_REQUEST -> "Begäran kunde inte tolkas: " + context.getErrors().stream()
                    .map(ProblemErrorResponseProcessor::describe).collect(Collectors.joining("; "));
            case INTERNAL_SERVER_ERROR -> SERVER_ERROR_DETAIL;
            default -> context.getErrors().stream().map(error -> message(error.getMessage())).collect(Collectors.joining("; "));
        };
    }

    private static String describe(Error error) {
        return error.getPath().map(path -> fieldName(path) + ": " + message(error.getMessage())).orElse(message(error.getMessage()));
    }

    /**
     * The framework's message, in words a client can act on: a value it could not read becomes what to send
     * instead, with the place in the JSON text where there is one; Java types and parser internals never
     * reach the client.
     */
    static String message(String message) {
        if (message == null) {
            return "okänt fel";
        }
        Matcher missing = MISSING.matcher(message);
        if (missing.find()) {
            return "uppgiften " + missing.group(1) + " saknas";
        }
        Matcher conversion = CONVERSION.matcher(message);
        Matcher location = LOCATION.matcher(message);
        boolean located = location.find();
        if (located || message.contains("deserialize") || message.contains("JSON")) {
            String where = located ? " (rad " + location.group(1) + ", tecken " + location.group(2) + ")" : "";
            return "innehållet är inte JSON av rätt form" + where + ". Skicka hel JSON i UTF-8 där varje fält har rätt typ "
                    + "(tal som tal, text inom citattecken, tider som 2025-03-04T14:05:12Z).";
        }
        if (conversion.find()) {
            return "värdet för " + conversion.group(1) + " har fel form (ett id är ett heltal, till exempel 12)";
        }
        if (INTERNALS.matcher(message).find()) {
            return "innehållet kunde inte läsas";
        }
        return message;
    }

    /** Bean validation reports paths such as {@code create.request.label}; the client knows the field as {@code label}. */
    private static String fieldName(String path) {
        int dot = path.lastIndexOf('.');
        String name = dot < 0 ? path : path.substring(dot + 1);
        return name.startsWith("/") ? name.substring(1) : name;
    }
}
