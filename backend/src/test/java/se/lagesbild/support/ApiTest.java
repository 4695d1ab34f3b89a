package se.lagesbild.support;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the tests that talk HTTP to the running application, as an outside client does, against the
 * suite's database. Subclasses are {@code @MicronautTest(transactional = false)}.
 */
public abstract class ApiTest extends DatabaseTest {

    @Inject
    @Client("/")
    protected HttpClient client;

    @Inject
    protected JsonMapper json;

    protected Api api;

    @BeforeAll
    void connectApi() {
        api = new Api(client.toBlocking(), json, null).asAdmin();
    }
}
