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
 * In the OpenAPI document: a workshop participant's operation, which needs the anonymous participant token
 * that joining gave (its HttpOnly cookie, or the X-Participant-Token header), and answers 403 without it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@SecurityRequirement(name = "participantCookie")
@SecurityRequirement(name = "participantToken")
@ApiResponse(responseCode = "403", description = "Not joined to the workshop on this device: join with the code first",
        content = @Content(mediaType = Problem.CONTENT_TYPE, schema = @Schema(implementation = Problem.class)))
public @interface ParticipantTokenRequired {
}
