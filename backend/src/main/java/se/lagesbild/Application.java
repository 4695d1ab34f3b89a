package se.lagesbild;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import liquibase.Scope;
import liquibase.ui.LoggerUIService;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.util.Map;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Starts Lägesbild: the JSON API under /api and the single-page frontend. */
@OpenAPIDefinition(info = @Info(
        title = "Lägesbild API",
        version = "1",
        description = "Rounds of self-assessment instruments for gender mainstreaming: instruments, organisations, "
                + "rounds, responses and answers, scores, comparisons, improvement actions, imports and exports, "
                + "and live workshops. Errors are RFC 7807 application/problem+json whose detail (and field messages) "
                + "are written in the language the request asks for with Accept-Language: Swedish by default, "
                + "English when the client prefers it; Content-Language names the language used."),
        servers = @Server(url = "/", description = "This installation (the document is served by the app it describes)"),
        tags = {
            @Tag(name = "Accounts", description = "Signing in and out, the first administrator, users and their roles, new passwords"),
            @Tag(name = "Organisations", description = "Organisations and their audit trail"),
            @Tag(name = "Instruments", description = "The self-assessment instruments and their versions"),
            @Tag(name = "Rounds and scores", description = "Rounds of an instrument, their results and item comments"),
            @Tag(name = "Responses and answers", description = "Answering a round with an account"),
            @Tag(name = "Reaching respondents", description = "Personal and open links, invitations, e-mail texts and mailings"),
            @Tag(name = "Survey links (respondents, no account)", description = "Answering a round through a link, without an account"),
            @Tag(name = "Comparisons", description = "Comparing two rounds, trends over years and the regional view"),
            @Tag(name = "Improvement actions", description = "Actions decided for the items of a round"),
            @Tag(name = "Imports", description = "Reading a past round from a spreadsheet"),
            @Tag(name = "Exports", description = "Answers, results and comparisons as CSV, XLSX and PDF"),
            @Tag(name = "Workshops", description = "Live workshops run by a facilitator"),
            @Tag(name = "Workshop participants (no account)", description = "Joining and answering a workshop with its code"),
            @Tag(name = "Personal data", description = "What the platform holds about a person, and erasing it"),
            @Tag(name = "Documentation", description = "This document and its viewer")
        })
@SecurityScheme(name = "session", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.COOKIE, paramName = "lagesbild_session",
        description = "The web app's HttpOnly session cookie, set by POST /api/auth/login")
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The accessToken from POST /api/auth/login, for API clients")
@SecurityScheme(name = "participantCookie", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.COOKIE,
        paramName = "lagesbild_participant",
        description = "A workshop participant's anonymous token as the HttpOnly cookie that POST /api/w/{code}/join sets")
@SecurityScheme(name = "participantToken", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        paramName = "X-Participant-Token",
        description = "The same participant token, sent as a header by clients that keep it themselves")
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        // Liquibase and a few libraries log through java.util.logging: into logback with everything else.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        // Liquibase writes its progress to the console unless its scope says to use its logger (kept at WARN in
        // logback.xml); the migrations run on this thread while the application context starts.
        System.setProperty("liquibase.command.showSummaryOutput", "LOG");
        try {
            Scope.enter(Map.of(Scope.Attr.ui.name(), new LoggerUIService()));
        } catch (Exception e) {
            throw new IllegalStateException("Liquibase's scope could not be set", e);
        }
        Micronaut.run(Application.class, args);
    }
}
