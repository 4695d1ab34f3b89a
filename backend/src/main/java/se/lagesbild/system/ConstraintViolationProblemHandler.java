package se.lagesbild.system;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Answers failed bean validation of a request with a 400 problem that lists each field and its message, in the asked-for language. */
@Singleton
@Produces(Problem.CONTENT_TYPE)
@Replaces(ConstraintExceptionHandler.class)
public class ConstraintViolationProblemHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ConstraintViolationException exception) {
        Locale language = ProblemTexts.language(request);
        List<Problem.FieldError> errors = exception.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(field(violation), message(violation, language)))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = ProblemTexts.resolve(Text.of("validation.correct-and-retry",
                errors.stream().map(Problem.FieldError::message).collect(Collectors.joining(" "))), language);
        return ProblemExceptionHandler.inLanguage(HttpResponse.<Problem>status(HttpStatus.BAD_REQUEST)
                .contentType(Problem.CONTENT_TYPE)
                .body(new Problem("about:blank", HttpStatus.BAD_REQUEST.getReason(), 400, detail, errors)), language);
    }

    /**
     * The constraint's message: its {@code message} attribute is the key of a problem text; a constraint
     * without one (none of ours) falls back to the framework's English wording.
     */
    private static String message(ConstraintViolation<?> violation, Locale language) {
        String key = violation.getMessageTemplate();
        return ProblemTexts.has(key) ? ProblemTexts.resolve(Text.of(key), language) : violation.getMessage();
    }

    /** The request field's name: the last node of a path such as {@code create.request.name}. */
    private static String field(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            name = node.getName();
        }
        return name == null ? "" : name;
    }
}
