package se.lagesbild.invitation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import se.lagesbild.access.Caller;
import se.lagesbild.export.Cell;
import se.lagesbild.export.Download;
import se.lagesbild.export.Export;
import se.lagesbild.export.Table;
import se.lagesbild.export.TableFormat;
import se.lagesbild.system.PublicAddress;
import se.lagesbild.system.QrCode;

import java.util.List;
import java.util.Locale;
import se.lagesbild.apidocs.ClientProblems;
import se.lagesbild.apidocs.ConflictProblem;
import se.lagesbild.apidocs.SignInRequired;

/** The project lead reaches a round's respondents: personal links, the open link, e-mail, and who has answered (counts). */
@Tag(name = "Reaching respondents")
@SignInRequired
@ClientProblems
@ConflictProblem
@Controller("/api/rounds/{roundId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class RespondentLinkController {

    private static final String LANGUAGE = "language är sv eller en.";
    private static final String NOT_SUBMITTED = "notSubmitted är true (bara de som inte har svarat) eller false.";

    private final RespondentLinks links;
    private final Mailings mailings;
    private final PublicAddress publicAddress;

    public RespondentLinkController(RespondentLinks links, Mailings mailings, PublicAddress publicAddress) {
        this.links = links;
        this.mailings = mailings;
        this.publicAddress = publicAddress;
    }

    /** A personal link for each address (one per line, or separated by commas); lines that are not addresses come back in {@code rejected}. */
    @Post("/links")
    public HttpResponse<CreatedLinks> createLinks(long roundId, @Valid @Body NewLinks request, Caller caller, HttpRequest<?> http) {
        RespondentLinks.Created created = links.create(caller, roundId, request.lines());
        String base = publicAddress.of(http);
        return HttpResponse.created(new CreatedLinks(created.links().stream().map(link -> LinkView.of(link, base)).toList(),
                created.rejected(), mailings.enabled()));
    }

    /** The round's personal links, for the lead to send by their own e-mail while addresses are kept; {@code notSubmitted} for a reminder. */
    @Get("/links")
    public List<LinkView> listLinks(long roundId, @Nullable @QueryValue @Pattern(regexp = "true|false", message = NOT_SUBMITTED) String notSubmitted, Caller caller, HttpRequest<?> http) {
        String base = publicAddress.of(http);
        return links.personalLinks(caller, roundId, "true".equals(notSubmitted)).stream().map(link -> LinkView.of(link, base)).toList();
    }

    /** The links as a CSV or Excel file (address, link) for a mail merge. */
    @Get("/links.{format}")
    @Produces({Download.CSV, Download.XLSX})
    public HttpResponse<byte[]> download(long roundId, String format, @Nullable @QueryValue @Pattern(regexp = "true|false", message = NOT_SUBMITTED) String notSubmitted, Caller caller,
                                         HttpRequest<?> http) {
        TableFormat tableFormat = TableFormat.of(format);
        String base = publicAddress.of(http);
        List<List<Cell>> rows = links.personalLinks(caller, roundId, "true".equals(notSubmitted)).stream()
                .map(link -> List.<Cell>of(new Cell.Text(link.email()), new Cell.Text(LinkView.of(link, base).url()))).toList();
        Table table = new Table("Länkar", List.of("e-post", "länk"), rows);
        return tableFormat.download(new Export("true".equals(notSubmitted)
                ? "lankar-ej-svarat-omgang-" + roundId : "lankar-omgang-" + roundId, table)).response();
    }

    /** The round's one open link (the same each time), for a QR code at a staff meeting. */
    @Post("/open-link")
    public OpenLinkView openLink(long roundId, Caller caller, HttpRequest<?> http) {
        return new OpenLinkView(publicAddress.of(http) + "/s/" + links.openLink(caller, roundId));
    }

    /** The open link's QR code (SVG), to show on a screen at a staff meeting. */
    @Get("/open-link/qr")
    @Produces("image/svg+xml")
    public HttpResponse<String> openLinkQr(long roundId, Caller caller, HttpRequest<?> http) {
        return HttpResponse.ok(QrCode.svg(publicAddress.of(http) + "/s/" + links.openLink(caller, roundId))).contentType("image/svg+xml");
    }

    /** Invited, started and submitted, as counts; by role only where every role reaches the anonymity threshold. */
    @Get("/participation")
    public RespondentLinks.Participation participation(long roundId, Caller caller) {
        return links.participation(caller, roundId);
    }

    /** The round's invitation and reminder texts ({@code language}: sv or en, for the defaults). */
    @Get("/mail-texts")
    public MailTextsView texts(long roundId, @Nullable @QueryValue @Pattern(regexp = "sv|en", message = LANGUAGE) String language, Caller caller) {
        return MailTextsView.of(mailings.texts(caller, roundId, language(language)), mailings.enabled());
    }

    /** Saves the texts of the round's invitation and reminder e-mails. */
    @Put("/mail-texts")
    public MailTextsView saveTexts(long roundId, @Valid @Body EditedTexts request, Caller caller) {
        return MailTextsView.of(mailings.saveTexts(caller, roundId, request.invitationSubject(), request.invitationBody(),
                request.reminderSubject(), request.reminderBody()), mailings.enabled());
    }

    /** Mails the invitation to every link not mailed yet (202 with the progress to follow). */
    @Post("/mailings")
    public HttpResponse<Mailings.Progress> send(long roundId, @Valid @Body NewMailing request, Caller caller, HttpRequest<?> http) {
        return HttpResponse.accepted().body(mailings.start(caller, roundId, request.kind(), publicAddress.of(http),
                language(request.language())));
    }

    /** How far a mailing has come. */
    @Get("/mailings/{jobId}")
    public Mailings.Progress progress(long roundId, String jobId, Caller caller) {
        return mailings.progress(caller, roundId, jobId);
    }

    private static String language(@Nullable String language) {
        return language != null && language.toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "sv";
    }

    @Serdeable
    public record NewLinks(@NotNull(message = "validation.emails-needed")
                           @Size(max = 5000, message = "validation.too-many-lines") List<String> emails) {
        List<String> lines() {
            return emails.stream().flatMap(entry -> entry == null ? java.util.stream.Stream.empty() : entry.lines()).toList();
        }
    }

    @Serdeable
    public record LinkView(String email, String url) {
        static LinkView of(RespondentLinks.Link link, String base) {
            return new LinkView(link.email(), base + "/s/" + link.token());
        }
    }

    @Serdeable
    public record CreatedLinks(List<LinkView> links, List<RespondentLinks.Rejected> rejected, boolean mailEnabled) {
    }

    @Serdeable
    public record OpenLinkView(String url) {
    }

    @Serdeable
    public record MailTextsView(String invitationSubject, String invitationBody, String reminderSubject, String reminderBody,
                                int remindersSent, boolean mailEnabled) {
        static MailTextsView of(MailTexts texts, boolean mailEnabled) {
            return new MailTextsView(texts.invitationSubject(), texts.invitationBody(), texts.reminderSubject(), texts.reminderBody(),
                    texts.remindersStarted(), mailEnabled);
        }
    }

    @Serdeable
    public record EditedTexts(
            @NotBlank(message = "validation.invitation-subject-needed") @Size(max = 200, message = "validation.subject-too-long") String invitationSubject,
            @NotBlank(message = "validation.invitation-body-needed") @Size(max = 10000, message = "validation.text-too-long") String invitationBody,
            @NotBlank(message = "validation.reminder-subject-needed") @Size(max = 200, message = "validation.subject-too-long") String reminderSubject,
            @NotBlank(message = "validation.reminder-body-needed") @Size(max = 10000, message = "validation.text-too-long") String reminderBody) {
    }

    @Serdeable
    public record NewMailing(@NotNull(message = "validation.mailing-kind-needed") Mailings.Kind kind,
                             @Nullable @Pattern(regexp = "sv|en", message = LANGUAGE) String language) {
    }
}
