package se.lagesbild.importing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import se.lagesbild.access.AuditTrail;
import se.lagesbild.access.Caller;
import se.lagesbild.access.Permission;
import se.lagesbild.instrument.InstrumentCatalog;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.organisation.Organisations;
import se.lagesbild.response.GivenResponse;
import se.lagesbild.response.ResponseService;
import se.lagesbild.round.Round;
import se.lagesbild.round.RoundService;
import se.lagesbild.system.ProblemException;
import se.lagesbild.system.Text;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Loads a round that was answered outside the platform (on paper, in Excel) from a spreadsheet, so that a
 * later round can be compared with it. All or nothing: the file is read and checked completely first, then
 * the round, its submitted responses and their answers are stored and the round is closed in one
 * transaction.
 */
@Singleton
public class RoundImportService {

    public static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    public static final int MAX_RESPONSES = 5000;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,9}");
    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    private final RoundService rounds;
    private final Organisations organisations;
    private final ResponseService responses;
    private final InstrumentCatalog instruments;
    private final AuditTrail audit;

    public RoundImportService(RoundService rounds, Organisations organisations, ResponseService responses, InstrumentCatalog instruments, AuditTrail audit) {
        this.audit = audit;
        this.rounds = rounds;
        this.organisations = organisations;
        this.responses = responses;
        this.instruments = instruments;
    }

    /** An uploaded file: its name as the person's computer called it, its declared type and its bytes. */
    public record UploadedFile(String name, @Nullable String contentType, byte[] content) {
    }

    /** The imported round, closed, and how many responses and answers it got. */
    @Serdeable
    public record ImportedRound(Round round, int responses, int answers) {
    }

    /**
     * @param instrumentVersion the version the round was answered on, as the person wrote it; blank for the newest
     */
    @Transactional
    public ImportedRound importRound(Caller caller, long organisationId, String instrumentCode, @Nullable String instrumentVersion,
                                     String label, UploadedFile file) {
        organisations.require(organisationId, caller, Permission.MANAGE);
        InstrumentDefinition instrument = instrument(instrumentCode, instrumentVersion);
        if (file.content().length > MAX_FILE_BYTES) {
            throw new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, Text.of("import.file-too-large", file.name(),
                    megabytes(file.content().length), megabytes(MAX_FILE_BYTES)));
        }
        List<GivenResponse> given;
        try {
            given = SpreadsheetRound.read(instrument, Spreadsheet.read(file.name(), file.contentType(), file.content(), MAX_RESPONSES));
        } catch (SpreadsheetException e) {
            throw e.toProblem();
        }
        Round round = rounds.start(organisationId, instrument, label);
        int answers = responses.storeSubmitted(round.id(), given, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        audit.record(caller, organisationId, "round.imported", "round", round.id(), instrument.code() + " " + round.label()
                + ": " + given.size() + " svar från " + file.name());
        return new ImportedRound(rounds.close(round.id(), caller), given.size(), answers);
    }

    private InstrumentDefinition instrument(String code, @Nullable String version) {
        if (version == null || version.isBlank()) {
            return instruments.latest(code);
        }
        if (!WHOLE_NUMBER.matcher(version.strip()).matches()) {
            throw ProblemException.badRequest("instrumentVersion", Text.of("import.version-not-a-number"));
        }
        return instruments.version(code, Integer.parseInt(version.strip()));
    }

    /** Megabytes with one decimal, "6,2" in Swedish and "6.2" in English; a whole number without decimals: "5". */
    private static Text.Either megabytes(long bytes) {
        return new Text.Either(megabytes(bytes, SWEDISH), megabytes(bytes, Locale.ENGLISH));
    }

    private static String megabytes(long bytes, Locale language) {
        String text = String.format(language, "%.1f", bytes / (1024.0 * 1024.0));
        return text.endsWith("0") && text.length() > 2 && !Character.isDigit(text.charAt(text.length() - 2))
                ? text.substring(0, text.length() - 2) : text;
    }
}
