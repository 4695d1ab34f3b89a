package se.lagesbild.invitation;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A round's invitation and reminder e-mail, as the lead edited them; {@code {länk}} (or {@code {link}}) in a body
 * becomes the person's own link. {@code remindersStarted} numbers the reminders, so a retried one reaches nobody twice.
 */
@Serdeable
@MappedEntity("round_mail_texts")
public record MailTexts(@Id long roundId, String invitationSubject, String invitationBody, String reminderSubject,
                        String reminderBody, int remindersStarted) {

    static final String LINK = "{länk}";

    MailTexts withReminder(int number) {
        return new MailTexts(roundId, invitationSubject, invitationBody, reminderSubject, reminderBody, number);
    }

    /** The body with the link in place of {@link #LINK} (or {@code {link}}), or after it where the lead left it out. */
    static String withLink(String body, String link) {
        if (body.contains(LINK) || body.contains("{link}")) {
            return body.replace(LINK, link).replace("{link}", link);
        }
        return body.strip() + "\n\n" + link + "\n";
    }
}
