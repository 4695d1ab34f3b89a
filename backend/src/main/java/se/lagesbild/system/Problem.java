package se.lagesbild.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An RFC 7807 problem document: every error the API answers has this shape, with a {@code detail} that
 * tells a person what to do, and for invalid input the offending fields, both in the language the request
 * asks for ({@link ProblemTexts}).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, @Nullable List<FieldError> errors) {

    public static final String CONTENT_TYPE = "application/problem+json";

    public Problem(String title, int status, String detail) {
        this("about:blank", title, status, detail, null);
    }

    /** One invalid input field and what is wrong with it. */
    @Serdeable
    public record FieldError(String field, String message) {
    }
}
