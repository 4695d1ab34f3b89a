package se.lagesbild.system;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.Locale;

/** Answers a {@link ProblemException} with its problem document, in the language the request asks for. */
@Singleton
@Produces(Problem.CONTENT_TYPE)
@Requires(classes = {ProblemException.class, ExceptionHandler.class})
public class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
        Locale language = ProblemTexts.language(request);
        MutableHttpResponse<Problem> response = inLanguage(HttpResponse.<Problem>status(exception.status())
                .contentType(Problem.CONTENT_TYPE)
                .body(exception.problem(language)), language);
        exception.headers().forEach(response::header);
        return response;
    }

    /** Marks a problem answer with its language, and caches of it as depending on the asked-for language. */
    static <T> MutableHttpResponse<T> inLanguage(MutableHttpResponse<T> response, Locale language) {
        return response.header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }
}
