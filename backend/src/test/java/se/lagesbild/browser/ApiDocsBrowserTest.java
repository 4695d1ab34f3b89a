package se.lagesbild.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API viewer at /api/docs runs in the browser under its Content-Security-Policy (script-src 'self', no
 * inline script) with nothing fetched from elsewhere, and shows the operations of the generated document.
 */
@MicronautTest(transactional = false)
class ApiDocsBrowserTest extends BrowserTest {

    @Test
    void theViewerShowsEveryOperationOfTheGeneratedDocument() {
        open("/api/docs");
        wait.until(driver -> driver.findElements(By.cssSelector(".opblock")).size() >= 25);
        String text = browser.findElement(By.tagName("body")).getText();
        assertTrue(text.contains("Lägesbild API"), "title shown");
        assertTrue(text.contains("/api/responses/{responseId}/answers/{itemCode}"), "the answer endpoint is listed");
        Object external = browser.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(location.origin))");
        assertTrue(((java.util.List<?>) external).isEmpty(), "fetched from elsewhere: " + external);
    }
}
