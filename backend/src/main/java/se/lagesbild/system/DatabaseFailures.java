package se.lagesbild.system;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.transaction.exceptions.TransactionException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

/**
 * Failures of the database as problems: while the database cannot be reached (stopped, restarting, network
 * cut, the pool waited its connection timeout in vain) the API answers 503 with a Retry-After, so that a
 * client (the browser's outbox) keeps what it sent and tries again; the application itself recovers as soon
 * as the pool gets connections again. Any other database failure is a 500 problem, logged with its cause.
 * The framework reports the failure through one of four exception types, hence one handler for each.
 */
public final class DatabaseFailures {

    /** Seconds a client is asked to wait before it retries. */
    static final int RETRY_AFTER_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFailures.class);

    private DatabaseFailures() {
    }

    /** True when the failure is that no connection to the database could be had or kept. */
    static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException || cause instanceof ConnectException
                    || cause instanceof ConnectionException || cause instanceof CannotGetJdbcConnectionException) {
                return true;
            }
            // SQLSTATE class 08: connection exception (the MySQL driver's "communications link failure").
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    static HttpResponse<Problem> answer(HttpRequest<?> request, RuntimeException failure) {
        Locale language = ProblemTexts.language(request);
        if (isUnavailable(failure)) {
            LOG.warn("{} {}: the database is unavailable ({})", request.getMethodName(), LoggedPath.of(request), rootMessage(failure));
            return ProblemExceptionHandler.inLanguage(HttpResponse.<Problem>status(HttpStatus.SERVICE_UNAVAILABLE)
                    .contentType(Problem.CONTENT_TYPE)
                    .header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS))
                    .body(new Problem(HttpStatus.SERVICE_UNAVAILABLE.getReason(), 503,
                            ProblemTexts.resolve(Text.of("database.unavailable"), language))), language);
        }
        LOG.error("{} {} failed in the database", request.getMethodName(), LoggedPath.of(request), failure);
        return ProblemExceptionHandler.inLanguage(HttpResponse.<Problem>status(HttpStatus.INTERNAL_SERVER_ERROR)
                .contentType(Problem.CONTENT_TYPE)
                .body(new Problem(HttpStatus.INTERNAL_SERVER_ERROR.getReason(), 500,
                        ProblemTexts.resolve(Text.of("server.error"), language))), language);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** A repository call failed. */
    @Singleton
    @Produces(Problem.CONTENT_TYPE)
    public static class DataAccessHandler implements ExceptionHandler<DataAccessException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, DataAccessException exception) {
            return answer(request, exception);
        }
    }

    /** No connection could be opened for a repository call outside a transaction. */
    @Singleton
    @Produces(Problem.CONTENT_TYPE)
    public static class ConnectionHandler implements ExceptionHandler<ConnectionException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ConnectionException exception) {
            return answer(request, exception);
        }
    }

    /** The pool gave no connection within its connection timeout (the usual sign of a database away). */
    @Singleton
    @Produces(Problem.CONTENT_TYPE)
    public static class NoConnectionHandler implements ExceptionHandler<CannotGetJdbcConnectionException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, CannotGetJdbcConnectionException exception) {
            return answer(request, exception);
        }
    }

    /** A transaction could not begin (no connection) or end (the connection was lost before the commit). */
    @Singleton
    @Produces(Problem.CONTENT_TYPE)
    public static class TransactionHandler implements ExceptionHandler<TransactionException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, TransactionException exception) {
            return answer(request, exception);
        }
    }
}
