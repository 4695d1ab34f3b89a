package se.lagesbild.browser;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pages a visitor without an account must reach (DOS-lagen: the accessibility statement is public; a workshop
 * participant following the footer link is no user): opened with no session, they stay, never the login page.
 */
@MicronautTest(transactional = false)
class PublicPagesBrowserTest extends BrowserTest {

    @Test
    void theAccessibilityStatementPrivacyPageAndWorkshopCodeBoxOpenWithoutASession() {
        for (Map.Entry<String, String> page : Map.of(
                "/tillganglighet", "Tillgänglighetsredogörelse",
                "/integritet", "Integritet och anonymitet",
                "/w", "workshop").entrySet()) {
            // As a browser asks for a page (the server answers other clients' unknown paths with a problem document).
            HttpResponse<String> served = api.anonymous().exchange(HttpRequest.GET(page.getKey()).accept(MediaType.TEXT_HTML), String.class);
            assertEquals(200, served.code(), page.getKey());
            assertTrue(served.body().contains("<div id=\"app\">"), "the web app's page: " + page.getKey());

            open(page.getKey());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
            String heading = browser.findElement(By.tagName("h1")).getText();
            assertTrue(heading.toLowerCase().contains(page.getValue().toLowerCase()), page.getKey() + " shows " + heading);
            assertFalse(browser.getCurrentUrl().contains("/logga-in"), page.getKey() + " sent a visitor to the login page");
            assertAccessible(page.getKey() + " without a session");
        }
    }
}
