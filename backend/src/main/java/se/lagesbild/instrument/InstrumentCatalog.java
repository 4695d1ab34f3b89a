package se.lagesbild.instrument;

import io.micronaut.context.annotation.Context;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micronaut.http.HttpStatus;
import se.lagesbild.system.ProblemException;
import se.lagesbild.system.Text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every instrument version the platform knows. At start-up it reads the definition files shipped under
 * {@code instruments/<code>/v<version>.yaml}, validates them (a broken file stops start-up), stores new
 * versions in the database and refuses a file that changed a version already stored: a released version
 * never changes, a new wording is a new version.
 */
@Context
public class InstrumentCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(InstrumentCatalog.class);
    private static final String ROOT = "instruments";
    private static final Pattern FILE = Pattern.compile(".*/instruments/([^/]+)/v(\\d+)\\.ya?ml");

    private final StoredInstrumentVersionRepository repository;
    private final JsonMapper json;
    private final Map<String, NavigableMap<Integer, InstrumentDefinition>> versionsByCode = new ConcurrentHashMap<>();

    public InstrumentCatalog(StoredInstrumentVersionRepository repository, JsonMapper json) {
        this.repository = repository;
        this.json = json;
    }

    @PostConstruct
    void load() {
        for (ShippedFile file : shippedFiles()) {
            InstrumentDefinition definition = InstrumentFileParser.parse(file.name(), file.text());
            if (!definition.code().equals(file.code()) || definition.version() != file.version()) {
                throw new InstrumentDefinitionException(file.name() + ": declares " + definition.code() + " v"
                        + definition.version() + "; the file must be named instruments/" + definition.code()
                        + "/v" + definition.version() + ".yaml");
            }
            if (store(definition, file.name()) == Outcome.CONFLICT) {
                throw new InstrumentDefinitionException(file.name() + ": " + definition.code() + " v" + definition.version()
                        + " differs from the version already stored in the database. A released version never changes "
                        + "(only English texts may be added): restore the file and publish the change as v"
                        + (definition.version() + 1) + ".");
            }
        }
        for (StoredInstrumentVersion stored : repository.findAll()) {
            remember(read(stored));
        }
        LOG.info("Instruments loaded: {}", versionsByCode.entrySet().stream()
                .map(e -> e.getKey() + " v" + e.getValue().keySet()).sorted().toList());
    }

    /**
     * The newest version of every instrument. Asked of the database every time, as {@link #latest} is: a
     * version uploaded through another instance of the application counts at once.
     */
    public List<InstrumentDefinition> latestVersions() {
        return repository.findLatestVersions().stream()
                .map(latest -> version(latest.code(), latest.version()))
                .sorted(java.util.Comparator.comparing(InstrumentDefinition::code)).toList();
    }

    public InstrumentDefinition latest(String code) {
        return repository.findLatestVersions().stream().filter(latest -> latest.code().equals(code)).findFirst()
                .map(latest -> version(code, latest.version()))
                .orElseThrow(() -> ProblemException.notFound(Text.of("instrument.unknown", code, String.join(", ",
                        repository.findLatestVersions().stream().map(StoredInstrumentVersionRepository.LatestVersion::code).sorted().toList()))));
    }

    /**
     * One version. Versions never change once stored (only English texts may be added), so each is read from
     * the database once per instance and kept.
     */
    public InstrumentDefinition version(String code, int version) {
        NavigableMap<Integer, InstrumentDefinition> versions = versionsByCode.get(code);
        InstrumentDefinition known = versions == null ? null : versions.get(version);
        if (known != null) {
            return known;
        }
        // Uploaded through another instance of the application after this one started.
        return repository.findByCodeAndVersion(code, version).map(this::read).map(definition -> {
            remember(definition);
            return definition;
        }).orElseThrow(() -> ProblemException.notFound(Text.of("instrument.unknown-version", code, version, latest(code).version())));
    }

    /**
     * Loads an uploaded definition file as a new version, validated exactly as the shipped files are.
     * Uploading a version that is already stored with the same content changes nothing (English texts may be
     * added); one with other content is refused.
     */
    public Publication publish(String source, String text) {
        InstrumentDefinition definition;
        try {
            definition = InstrumentFileParser.parse(source, text);
        } catch (InstrumentDefinitionException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, Text.of("instrument.unreadable-file", e.getMessage()),
                    List.of(new ProblemException.Field(e.field() == null ? "file" : e.field(), Text.of("as-is", e.getMessage()))));
        }
        Outcome outcome = store(definition, source);
        if (outcome == Outcome.CONFLICT) {
            int next = Math.max(definition.version(), latest(definition.code()).version()) + 1;
            throw ProblemException.conflict(Text.of("instrument.version-taken", definition.titled(), definition.version(), next));
        }
        remember(definition);
        return new Publication(definition, outcome == Outcome.CREATED);
    }

    /** The result of an upload: the version now stored, and whether it is new. */
    public record Publication(InstrumentDefinition definition, boolean created) {
    }

    /** All stored versions of an instrument, oldest first. */
    public List<InstrumentDefinition> versions(String code) {
        latest(code);
        return repository.findVersionNumbers(code).stream().map(version -> version(code, version)).toList();
    }

    private enum Outcome { CREATED, UNCHANGED, TRANSLATIONS_UPDATED, CONFLICT }

    private Outcome store(InstrumentDefinition definition, String source) {
        String definitionJson = write(definition);
        Optional<StoredInstrumentVersion> stored = repository.findByCodeAndVersion(definition.code(), definition.version());
        if (stored.isEmpty()) {
            try {
                repository.save(new StoredInstrumentVersion(null, definition.code(), definition.version(),
                        definition.title(), definition.kind(), definitionJson, sha256(definitionJson), source, Instant.now()));
                LOG.info("Stored the new instrument version {} v{} from {}", definition.code(), definition.version(), source);
                return Outcome.CREATED;
            } catch (DataAccessException e) {
                // Another instance stored it at the same moment; compare with what it stored.
                stored = repository.findByCodeAndVersion(definition.code(), definition.version());
                if (stored.isEmpty()) {
                    throw e;
                }
            }
        }
        InstrumentDefinition known = read(stored.get());
        if (!known.withoutTranslations().equals(definition.withoutTranslations())) {
            return Outcome.CONFLICT;
        }
        if (known.equals(definition)) {
            return Outcome.UNCHANGED;
        }
        StoredInstrumentVersion current = stored.get();
        repository.update(new StoredInstrumentVersion(current.id(), current.code(), current.version(), current.title(),
                current.kind(), definitionJson, sha256(definitionJson), source, Instant.now()));
        LOG.info("Updated the English texts of {} v{} from {}", definition.code(), definition.version(), source);
        return Outcome.TRANSLATIONS_UPDATED;
    }

    private void remember(InstrumentDefinition definition) {
        versionsByCode.computeIfAbsent(definition.code(), code -> Collections.synchronizedNavigableMap(new TreeMap<>()))
                .put(definition.version(), definition);
    }

    private InstrumentDefinition read(StoredInstrumentVersion stored) {
        try {
            return json.readValue(stored.definitionJson(), InstrumentDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The stored instrument " + stored.code() + " v" + stored.version() + " cannot be read", e);
        }
    }

    private String write(InstrumentDefinition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A definition file found on the classpath, named by its path below the classpath root. */
    private record ShippedFile(String name, String code, int version, String text) {
    }

    private static List<ShippedFile> shippedFiles() {
        List<ShippedFile> files = new ArrayList<>();
        try {
            var roots = InstrumentCatalog.class.getClassLoader().getResources(ROOT);
            while (roots.hasMoreElements()) {
                collect(roots.nextElement(), files);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the instrument definition files", e);
        }
        files.sort(java.util.Comparator.comparing(ShippedFile::name));
        return files;
    }

    private static void collect(URL root, List<ShippedFile> files) throws IOException {
        URI uri;
        try {
            uri = root.toURI();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if ("jar".equals(uri.getScheme())) {
            FileSystem jar;
            try {
                jar = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                jar = FileSystems.getFileSystem(uri);
            }
            walk(jar.getPath("/" + ROOT), files);
        } else {
            walk(Path.of(uri), files);
        }
    }

    private static void walk(Path root, List<ShippedFile> files) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                String normalized = path.toString().replace('\\', '/');
                Matcher name = FILE.matcher(normalized);
                if (!name.matches()) {
                    if (!normalized.endsWith(".md")) {
                        throw new InstrumentDefinitionException(normalized + ": not a definition file name; "
                                + "expected instruments/<code>/v<version>.yaml");
                    }
                    continue;
                }
                String relative = normalized.substring(normalized.lastIndexOf("/" + ROOT + "/") + 1);
                files.add(new ShippedFile(relative, name.group(1), Integer.parseInt(name.group(2)),
                        Files.readString(path, StandardCharsets.UTF_8)));
            }
        }
    }
}
