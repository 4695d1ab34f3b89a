package se.lagesbild.apidocs;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import se.lagesbild.system.Problem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * In the OpenAPI document: the operations of a controller (or one operation) need a signed-in user, by the
 * session cookie or the bearer token, and answer 401 without one and 403 when the role does not allow it.
 * Put it where {@code @Secured} asks for more than {@code isAnonymous()}; OpenApiDocumentApiTest checks that
 * the two agree.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@SecurityRequirement(name = "session")
@SecurityRequirement(name = "bearer")
@ApiResponse(responseCode = "401", description = "Not signed in (no session cookie or bearer token, or it has expired)",
        content = @Content(mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "403", description = "Signed in, but the role does not allow this",
        content = @Content(mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class)))
public @interface SignInRequired {
}
