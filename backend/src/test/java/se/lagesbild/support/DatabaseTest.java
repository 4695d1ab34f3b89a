package se.lagesbild.support;

import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

/** Base of every test that runs the application: points it at the suite's one database server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatabaseTest implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        Map<String, Object> database = isolatedSchema() == null
                ? TestDatabase.properties() : TestDatabase.isolatedProperties(isolatedSchema());
        database.forEach((key, value) -> {
            if (key.startsWith("datasources.")) {
                properties.put(key, String.valueOf(value));
            }
        });
        return properties;
    }

    /** A schema of the test class's own, for tests that change what all tests see; null shares the common one. */
    protected String isolatedSchema() {
        return null;
    }
}
