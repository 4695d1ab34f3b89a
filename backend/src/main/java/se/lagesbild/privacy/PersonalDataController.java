package se.lagesbild.privacy;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import se.lagesbild.access.Caller;
import se.lagesbild.access.Roles;
import se.lagesbild.apidocs.ClientProblems;
import se.lagesbild.apidocs.SignInRequired;

/** An administrator answers a person's request for their data, or to have it erased. */
@Tag(name = "Personal data")
@SignInRequired
@ClientProblems
@Controller("/api/personal-data")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class PersonalDataController {

    private final PersonalData personalData;

    public PersonalDataController(PersonalData personalData) {
        this.personalData = personalData;
    }

    /** Everything held about the person with this e-mail address (their export). */
    @Get
    public PersonalData.Held exportPersonalData(@QueryValue @NotBlank(message = "validation.person-email-needed")
                                    @Size(max = 254, message = "validation.address-too-long")
                                    @Email(message = "invitation.email-needed") String email) {
        return personalData.of(email);
    }

    /** Erases what is held about the person: account (kept under an erased name), invitations, link addresses, their name in the audit trail. */
    @Delete
    public PersonalData.Erased erase(@QueryValue @NotBlank(message = "validation.person-email-needed")
                                     @Size(max = 254, message = "validation.address-too-long")
                                     @Email(message = "invitation.email-needed") String email,
                                     Caller caller) {
        return personalData.erase(caller, email);
    }
}
