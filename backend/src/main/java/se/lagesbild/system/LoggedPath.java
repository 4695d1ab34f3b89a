package se.lagesbild.system;

import io.micronaut.http.HttpRequest;

import java.util.regex.Pattern;

/**
 * A request's path as the log may show it: the tokens in survey links ({@code /api/s/{token}}), invitation and
 * password-reset links are replaced by "…", because a token in a log could lead from a mailed address to answers.
 */
public final class LoggedPath {

    private static final Pattern TOKEN = Pattern.compile("^(/api/(?:s|invitations|auth/password-reset)/)[^/]+");

    private LoggedPath() {
    }

    public static String of(HttpRequest<?> request) {
        return of(request.getPath());
    }

    static String of(String path) {
        return TOKEN.matcher(path).replaceFirst("$1…");
    }
}
