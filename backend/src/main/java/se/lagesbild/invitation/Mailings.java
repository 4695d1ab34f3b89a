package se.lagesbild.invitation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.lagesbild.access.AuditTrail;
import se.lagesbild.access.Caller;
import se.lagesbild.access.Permission;
import se.lagesbild.instrument.InstrumentCatalog;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.organisation.Organisations;
import se.lagesbild.round.Round;
import se.lagesbild.round.RoundService;
import se.lagesbild.system.Mailer;
import se.lagesbild.system.ProblemException;
import se.lagesbild.system.Text;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Mails a round's personal links: the invitation to every link not mailed yet, or a reminder to every link not
 * submitted. Each link is claimed in the database before its mail goes out and released if the server refuses
 * it, so a retried or concurrent send never mails one address twice. A send runs in the background and reports
 * its progress ({@link Progress}); the texts are the round's own ({@link MailTexts}), Swedish or English by default.
 */
@Singleton
public class Mailings {

    private static final Logger LOG = LoggerFactory.getLogger(Mailings.class);

    private final RespondentLinkRepository links;
    private final MailTextsRepository texts;
    private final RespondentLinks respondentLinks;
    private final RoundService rounds;
    private final InstrumentCatalog instruments;
    private final Organisations organisations;
    private final Mailer mailer;
    private final AuditTrail audit;
    private final ExecutorService executor;
    private final Map<String, Progress> jobs = new ConcurrentHashMap<>();

    public Mailings(RespondentLinkRepository links, MailTextsRepository texts, RespondentLinks respondentLinks,
                    RoundService rounds, InstrumentCatalog instruments, Organisations organisations, Mailer mailer,
                    AuditTrail audit) {
        this.links = links;
        this.texts = texts;
        this.respondentLinks = respondentLinks;
        this.rounds = rounds;
        this.instruments = instruments;
        this.organisations = organisations;
        this.mailer = mailer;
        this.audit = audit;
        // A thread of its own, outside any request's transaction and context: a send outlives the request that started it.
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mailings");
            thread.setDaemon(true);
            return thread;
        });
    }

    public enum Kind { INVITATION, REMINDER }

    /** How far a send has come: {@code done} once every link was tried; {@code failed} lists refused addresses. */
    @Serdeable
    public record Progress(String id, long roundId, Kind kind, int reminder, int total, int sent, int failed,
                           boolean done, List<String> failedAddresses) {
    }

    public boolean enabled() {
        return mailer.enabled();
    }

    /** The round's texts: the lead's own, or the default ones in the lead's language. */
    public MailTexts texts(Caller lead, long roundId, String language) {
        Round round = rounds.get(roundId, lead, Permission.MANAGE);
        return texts.findById(roundId).orElseGet(() -> defaults(round, language));
    }

    @Transactional
    public MailTexts saveTexts(Caller lead, long roundId, String invitationSubject, String invitationBody,
                               String reminderSubject, String reminderBody) {
        rounds.get(roundId, lead, Permission.MANAGE);
        int reminders = texts.findById(roundId).map(MailTexts::remindersStarted).orElse(0);
        MailTexts edited = new MailTexts(roundId, invitationSubject.strip(), invitationBody.strip(), reminderSubject.strip(),
                reminderBody.strip(), reminders);
        return texts.existsById(roundId) ? texts.update(edited) : texts.save(edited);
    }

    /**
     * Starts mailing. A reminder is numbered: when the last one reached every address it was for, this is the
     * next; when some were refused, this retries the same one (those it reached get nothing).
     */
    @Transactional
    public Progress start(Caller lead, long roundId, Kind kind, String publicAddress, String language) {
        Round round = rounds.get(roundId, lead, Permission.MANAGE);
        if (!mailer.enabled()) {
            throw ProblemException.conflict(Text.of("mailing.no-mail"));
        }
        if (!round.acceptsAnswers()) {
            throw ProblemException.conflict(Text.of("mailing.round-closed", round.label()));
        }
        MailTexts roundTexts = texts.findByIdForUpdate(roundId).orElseGet(() -> texts.save(defaults(round, language)));
        List<RespondentLink> personal = links.findByRoundIdAndKindOrderById(roundId, RespondentLink.Kind.PERSONAL).stream()
                .filter(link -> link.email() != null).toList();
        int reminder = 0;
        List<RespondentLink> due;
        if (kind == Kind.INVITATION) {
            due = personal.stream().filter(link -> link.mailedAt() == null).toList();
        } else {
            int last = roundTexts.remindersStarted();
            boolean lastUnfinished = last > 0 && personal.stream().anyMatch(link -> !link.submitted() && link.remindersSent() < last);
            reminder = lastUnfinished ? last : last + 1;
            if (reminder != last) {
                texts.update(roundTexts.withReminder(reminder));
            }
            int number = reminder;
            due = personal.stream().filter(link -> !link.submitted() && link.remindersSent() < number).toList();
        }
        Progress progress = new Progress(UUID.randomUUID().toString(), roundId, kind, reminder, due.size(), 0, 0, due.isEmpty(), List.of());
        jobs.put(progress.id(), progress);
        audit.record(lead, round.organisationId(), kind == Kind.INVITATION ? "links.mailed" : "links.reminded", "round", roundId,
                String.valueOf(due.size()));
        if (!due.isEmpty()) {
            int number = reminder;
            MailTexts sending = roundTexts.withReminder(Math.max(reminder, roundTexts.remindersStarted()));
            executor.execute(() -> send(progress.id(), sending, due, number, publicAddress));
        }
        return progress;
    }

    public Progress progress(Caller lead, long roundId, String jobId) {
        rounds.get(roundId, lead, Permission.MANAGE);
        Progress progress = jobs.get(jobId);
        if (progress == null || progress.roundId() != roundId) {
            throw ProblemException.notFound(Text.of("mailing.unknown"));
        }
        return progress;
    }

    private void send(String jobId, MailTexts roundTexts, List<RespondentLink> due, int reminder, String publicAddress) {
        try {
            sendAll(jobId, roundTexts, due, reminder, publicAddress);
        } catch (RuntimeException e) {
            // The database went away mid-send: what was claimed and sent stays so; a new send picks up the rest.
            LOG.error("Mailing round {} stopped", roundTexts.roundId(), e);
            jobs.computeIfPresent(jobId, (id, p) -> new Progress(id, p.roundId(), p.kind(), p.reminder(), p.total(), p.sent(),
                    p.total() - p.sent(), true, p.failedAddresses()));
        }
    }

    private void sendAll(String jobId, MailTexts roundTexts, List<RespondentLink> due, int reminder, String publicAddress) {
        AtomicInteger sent = new AtomicInteger();
        List<String> failed = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (RespondentLink link : due) {
            boolean claimed = reminder == 0
                    ? links.claimInvitation(link.id(), Instant.now().truncatedTo(ChronoUnit.MILLIS)) == 1
                    : links.claimReminder(link.id(), reminder) == 1;
            if (claimed) {
                String url = publicAddress + "/s/" + respondentLinks.personalToken(link.roundId(), link.email());
                try {
                    mailer.send(link.email(), reminder == 0 ? roundTexts.invitationSubject() : roundTexts.reminderSubject(),
                            MailTexts.withLink(reminder == 0 ? roundTexts.invitationBody() : roundTexts.reminderBody(), url));
                    sent.incrementAndGet();
                } catch (RuntimeException e) {
                    LOG.warn("Mailing a link of round {} failed: {}", link.roundId(), e.getMessage());
                    if (reminder == 0) {
                        links.releaseInvitation(link.id());
                    } else {
                        links.releaseReminder(link.id(), link.remindersSent());
                    }
                    failed.add(link.email());
                }
            }
            jobs.computeIfPresent(jobId, (id, p) -> new Progress(id, p.roundId(), p.kind(), p.reminder(), p.total(), sent.get(),
                    failed.size(), false, List.copyOf(failed)));
        }
        jobs.computeIfPresent(jobId, (id, p) -> new Progress(id, p.roundId(), p.kind(), p.reminder(), p.total(), sent.get(),
                failed.size(), true, List.copyOf(failed)));
    }

    private MailTexts defaults(Round round, @Nullable String language) {
        InstrumentDefinition instrument = instruments.version(round.instrumentCode(), round.instrumentVersion());
        String organisation = organisations.get(round.organisationId()).name();
        if ("en".equals(language)) {
            String title = instrument.titleEn() == null ? instrument.title() : instrument.titleEn();
            return new MailTexts(round.id(), title + " " + round.label() + ": your answers, please",
                    "Hello,\n\n" + organisation + " is taking stock of its gender equality work with " + title + " (" + round.label()
                            + "). Please answer through your own link; no account or password is needed, and you can come back "
                            + "to it until you send it in:\n\n" + MailTexts.LINK + "\n\nNo one, not the project lead either, can see "
                            + "how you answered; only figures over at least five people are shown.\n\nThank you!\n",
                    "Reminder: " + title + " " + round.label(),
                    "Hello,\n\nA reminder: your answers to " + title + " (" + round.label() + ") have not been sent in yet. "
                            + "Your link:\n\n" + MailTexts.LINK + "\n\nIf you have already answered, thank you, and please ignore this message.\n",
                    0);
        }
        return new MailTexts(round.id(), instrument.title() + " " + round.label() + ": vi vill gärna ha dina svar",
                "Hej!\n\n" + organisation + " gör en lägesbild av arbetet med jämställdhet med " + instrument.title() + " ("
                        + round.label() + "). Svara gärna via din egen länk. Du behöver inget konto eller lösenord, och du kan "
                        + "komma tillbaka till länken tills du skickar in:\n\n" + MailTexts.LINK + "\n\nIngen, inte heller "
                        + "projektledaren, kan se hur just du har svarat; resultat visas bara för grupper om minst fem personer."
                        + "\n\nTack!\n",
                "Påminnelse: " + instrument.title() + " " + round.label(),
                "Hej!\n\nEn påminnelse: dina svar på " + instrument.title() + " (" + round.label() + ") är inte inskickade än. "
                        + "Din länk:\n\n" + MailTexts.LINK + "\n\nHar du redan svarat? Tack, då kan du bortse från det här meddelandet.\n",
                0);
    }
}
