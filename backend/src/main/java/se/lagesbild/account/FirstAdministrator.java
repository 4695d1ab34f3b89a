package se.lagesbild.account;

import se.lagesbild.access.Roles;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.lagesbild.system.EmbeddedDatabaseConfigurer;
import se.lagesbild.system.ProblemException;
import se.lagesbild.system.Text;

import java.util.List;

/**
 * Where the first administrator comes from: {@code LAGESBILD_ADMIN_USERNAME} and {@code LAGESBILD_ADMIN_PASSWORD}
 * at start-up, or, on the embedded default database without them, the web app's first-run page. Once an
 * administrator exists neither does anything.
 */
@Singleton
public class FirstAdministrator {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);

    private final Accounts accounts;
    private final EmbeddedDatabaseConfigurer database;
    private final String username;
    private final String password;
    private final boolean setupOnExternalDatabase;
    private final String publicAddress;

    public FirstAdministrator(Accounts accounts, EmbeddedDatabaseConfigurer database,
                              @Value("${lagesbild.admin.username:}") String username,
                              @Value("${lagesbild.admin.password:}") String password,
                              @Value("${lagesbild.setup.on-external-database:false}") boolean setupOnExternalDatabase,
                              @Value("${micronaut.server.port:8080}") int port,
                              @Value("${lagesbild.public-url:}") String publicUrl) {
        this.accounts = accounts;
        this.database = database;
        this.username = username;
        this.password = password;
        this.setupOnExternalDatabase = setupOnExternalDatabase;
        this.publicAddress = publicUrl.isBlank() ? "http://localhost:" + port + "/" : publicUrl.replaceAll("/*$", "/");
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (accounts.administratorExists()) {
            return;
        }
        if (!username.isBlank() && !password.isBlank()) {
            try {
                accounts.create(null, username, password, List.of(new Accounts.RoleAssignment(null, Roles.ADMIN)));
                LOG.info("Created the first administrator {} from LAGESBILD_ADMIN_USERNAME", username);
            } catch (ProblemException e) {
                LOG.error("Could not create the first administrator from LAGESBILD_ADMIN_USERNAME/PASSWORD: {}", e.getMessage());
            } catch (DataAccessException e) {
                // Another instance starting at the same moment created it first (the username is unique)
                LOG.info("The first administrator {} was created by another instance", username);
            }
        } else if (setupAllowed()) {
            // Expected on a first start: the next step, not a warning.
            LOG.info("No administrator yet: open {}forsta-start in a browser to create one", publicAddress);
        } else {
            LOG.error("No administrator exists: set LAGESBILD_ADMIN_USERNAME and LAGESBILD_ADMIN_PASSWORD and restart");
        }
    }

    /** Whether the first-run page may create the first administrator now. */
    public boolean setupNeeded() {
        return setupAllowed() && !accounts.administratorExists();
    }

    private boolean setupAllowed() {
        return database.embeddedInUse() || setupOnExternalDatabase;
    }

    /** Creates the first administrator from the first-run page; refused once one exists. */
    @Transactional
    public Accounts.SignedIn setUp(String username, String password) {
        if (!setupNeeded()) {
            throw ProblemException.conflict(accounts.administratorExists()
                    ? Text.of("setup.administrator-exists")
                    : Text.of("setup.administrator-from-environment"));
        }
        return accounts.signIn(accounts.create(null, username, password, List.of(new Accounts.RoleAssignment(null, Roles.ADMIN))));
    }
}
