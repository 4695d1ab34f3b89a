package se.lagesbild.system;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns the framework's own errors (invalid JSON, failed bean validation, unknown route, wrong method)
 * into problem documents, so that a client meets one error format whatever went wrong.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    static final String SERVER_ERROR_DETAIL = "Något gick fel i servern. Försök igen om en stund.";

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        List<Problem.FieldError> fields = context.getErrors().stream()
                .filter(error -> error.getPath().isPresent())
                .map(error -> new Problem.FieldError(fieldName(error.getPath().get()), error.getMessage()))
                .toList();
        Problem problem = new Problem("about:blank", status.getReason(), status.getCode(),
                detail(status, context), fields.isEmpty() ? null : fields);
        return response.contentType(Problem.CONTENT_TYPE).body(problem);
    }

    private static String detail(HttpStatus status, ErrorContext context) {
        return switch (status) {
            case NOT_FOUND -> "Adressen " + context.getRequest().getPath() + " finns inte.";
            case METHOD_NOT_ALLOWED -> "Metoden " + context.getRequest().getMethodName() + " går inte att använda på "
                    + context.getRequest().getPath() + ".";
            case UNSUPPORTED_MEDIA_TYPE -> "Skicka begäran som JSON (Content-Type: application/json), eller som "
                    + "multipart/form-data där en fil läses in.";
            case REQUEST_ENTITY_TOO_LARGE -> "Begäran är för stor för att tas emot.";
            case BAD_REQUEST -> "Begäran kunde inte tolkas: " + context.getErrors().stream()
                    .map(ProblemErrorResponseProcessor::describe).collect(Collectors.joining("; "));
            case INTERNAL_SERVER_ERROR -> SERVER_ERROR_DETAIL;
            default -> context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        };
    }

    private static String describe(Error error) {
        return error.getPath().map(path -> fieldName(path) + ": " + error.getMessage()).orElse(error.getMessage());
    }

    /** Bean validation reports paths such as {@code create.request.label}; the client knows the field as {@code label}. */
    private static String fieldName(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
