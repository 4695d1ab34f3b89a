package se.lagesbild.system;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wording of problem details in Swedish and English ({@code i18n/problems_sv.properties} and
 * {@code problems_en.properties}), and the language a request asks for: English when its
 * {@code Accept-Language} prefers it, Swedish otherwise.
 */
public final class ProblemTexts {

    public static final Locale SWEDISH = Locale.forLanguageTag("sv");
    public static final Locale ENGLISH = Locale.forLanguageTag("en");
    static final List<Locale> LANGUAGES = List.of(SWEDISH, ENGLISH);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    private static final Map<Locale, Properties> WORDINGS = Map.of(SWEDISH, load("sv"), ENGLISH, load("en"));

    private ProblemTexts() {
    }

    /** The language of the answer: the first of Swedish and English the header ranks highest, Swedish without one. */
    public static Locale language(@Nullable String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return SWEDISH;
        }
        try {
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), List.of("sv", "en"));
            return "en".equals(tag) ? ENGLISH : SWEDISH;
        } catch (IllegalArgumentException malformed) {
            return SWEDISH;
        }
    }

    public static Locale language(HttpRequest<?> request) {
        return language(request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** The text in the language, its arguments filled in (a {@link Text} argument in the same language). */
    public static String resolve(Text text, Locale language) {
        Properties wording = WORDINGS.getOrDefault(language, WORDINGS.get(SWEDISH));
        String pattern = wording.getProperty(text.key());
        if (pattern == null) {
            throw new IllegalArgumentException("No wording for the problem text " + text.key() + " in " + language);
        }
        Matcher placeholder = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            int index = Integer.parseInt(placeholder.group(1));
            placeholder.appendReplacement(out, Matcher.quoteReplacement(argument(text.args().get(index), language)));
        }
        placeholder.appendTail(out);
        return out.toString();
    }

    /** True when both languages have a wording for the key. */
    public static boolean has(String key) {
        return WORDINGS.values().stream().allMatch(wording -> wording.containsKey(key));
    }

    /** The keys with a wording in the language, for the test that keeps both files complete and in use. */
    static Properties wording(Locale language) {
        return WORDINGS.get(language);
    }

    private static String argument(@Nullable Object value, Locale language) {
        if (value instanceof Text text) {
            return resolve(text, language);
        }
        if (value instanceof Text.Either either) {
            return ENGLISH.equals(language) && either.english() != null ? either.english() : either.swedish();
        }
        return String.valueOf(value);
    }

    private static Properties load(String language) {
        String name = "i18n/problems_" + language + ".properties";
        try (InputStream in = ProblemTexts.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }
}
