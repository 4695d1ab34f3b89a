package se.lagesbild.system;

import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.lagesbild.system.ProblemTexts.ENGLISH;
import static se.lagesbild.system.ProblemTexts.SWEDISH;

/**
 * The problem texts are complete in both languages and exactly those the code uses: a key the code names
 * must have a Swedish and an English wording, and a wording no code names is dead.
 */
class ProblemTextsTest {

    /** Where the code names a key: {@code Text.of("key"}, {@code Text.joined("key"} and a constraint's {@code message = "key"}. */
    private static final Pattern USE = Pattern.compile("Text\\.(?:of|joined)\\(\\s*\"([^\"]+)\"|message = \"([^\"]+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    @Test
    void everyKeyTheCodeUsesHasBothLanguagesAndNoWordingIsUnused() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher use = USE.matcher(Files.readString(file));
                while (use.find()) {
                    used.add(use.group(1) != null ? use.group(1) : use.group(2));
                }
            }
        }
        assertEquals(used, keys(SWEDISH), "keys the code uses vs. problems_sv.properties");
        assertEquals(used, keys(ENGLISH), "keys the code uses vs. problems_en.properties");
    }

    @Test
    void bothLanguagesFillInTheSameValues() {
        for (String key : keys(SWEDISH)) {
            assertEquals(placeholders(ProblemTexts.wording(SWEDISH).getProperty(key)),
                    placeholders(ProblemTexts.wording(ENGLISH).getProperty(key)), key);
        }
    }

    @Test
    void englishOnlyWhenTheClientPrefersItToSwedish() {
        assertEquals(SWEDISH, ProblemTexts.language((String) null));
        assertEquals(SWEDISH, ProblemTexts.language(""));
        assertEquals(SWEDISH, ProblemTexts.language("sv-SE,sv;q=0.9,en;q=0.8"));
        assertEquals(ENGLISH, ProblemTexts.language("en"));
        assertEquals(ENGLISH, ProblemTexts.language("en-GB,en;q=0.9"));
        assertEquals(ENGLISH, ProblemTexts.language("de-DE, en;q=0.7, sv;q=0.5"));
        assertEquals(SWEDISH, ProblemTexts.language("en;q=0.4, sv;q=0.6"), "q-values, not order, decide");
        assertEquals(SWEDISH, ProblemTexts.language("fr-FR, de"), "a language we do not write falls back to Swedish");
        assertEquals(SWEDISH, ProblemTexts.language("en;q=nonsense"), "a malformed header falls back to Swedish");
    }

    @Test
    void argumentsAreFilledInTheSameLanguage() {
        Text offScale = Text.of("instrument.off-scale", 7, "CS-01",
                Text.of("list.or", "1, 2, 3, 4", Text.of("instrument.null-dont-know", new Text.Either("Vet inte", "Don't know"))));
        assertEquals("Värdet 7 finns inte på skalan för CS-01. Tillåtna värden: 1, 2, 3, 4 eller null (Vet inte).",
                ProblemTexts.resolve(offScale, SWEDISH));
        assertEquals("The value 7 is not on the scale for CS-01. Allowed values: 1, 2, 3, 4 or null (Don't know).",
                ProblemTexts.resolve(offScale, ENGLISH));
        assertEquals("Vet inte", ProblemTexts.resolve(Text.of("as-is", new Text.Either("Vet inte", null)), ENGLISH),
                "without English words the Swedish ones stand");
    }

    @Test
    void aProblemsOwnMessageIsItsKeySoThatALogNeverRepeatsANameOrAnAddressFromItsDetail() {
        ProblemException taken = new ProblemException(HttpStatus.CONFLICT, Text.of("user.username-taken", "anna.andersson@lund.se"));
        assertEquals("user.username-taken", taken.getMessage());
        assertEquals("Användarnamnet anna.andersson@lund.se är redan taget.", taken.problem(SWEDISH).detail(),
                "the person who asked still reads it");
    }

    private static Set<String> keys(java.util.Locale language) {
        return new TreeSet<>(ProblemTexts.wording(language).stringPropertyNames());
    }

    private static Set<String> placeholders(String wording) {
        return PLACEHOLDER.matcher(wording).results().map(match -> match.group()).collect(Collectors.toCollection(TreeSet::new));
    }
}
