package se.lagesbild.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.Api;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A staff member loses the connection in the middle of Skatta läget, keeps answering, changes an answer,
 * reloads the page while still offline, and comes back online: the server then holds every answer exactly
 * once, in the last state chosen. Offline is DevTools' network emulation while answering, and a server out
 * of reach ({@link ServerUnreachable}) over the reload, which the emulation does not outlast.
 */
@MicronautTest(transactional = false)
class SkattaLagetOfflineBrowserTest extends BrowserTest {

    @Test
    void answersGivenOfflineSurviveAReloadAndReachTheServerOnceInTheirLastState() throws IOException {
        long roundId = api.createRound(api.createOrganisation("Lunds kommun"), "skatta-laget", "2025");
        long responseId = Api.id(api.post("/api/rounds/" + roundId + "/responses", Map.of("respondentRole", "medarbetare")));

        open("/svar/" + responseId);
        byTestId("item-SL-A1");
        // The service worker that lets the page reload without a connection is in place.
        assertEquals(true, browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "navigator.serviceWorker.ready.then(() => done(true), () => done(false));"));
        choose("SL-A1", "3");
        choose("SL-A2", "2");

        network(true);
        chooseWithoutWaiting("SL-A3", "4");
        chooseWithoutWaiting("SL-A4", "1");
        chooseWithoutWaiting("SL-B1", "2");
        chooseWithoutWaiting("SL-A3", "2");
        waitForText("save-status-SL-A3", "Inte sparat än – vi försöker igen");
        assertAccessible("response, offline with unsent answers");
        screenshot("offline-before-reload");
        assertEquals(Map.of("SL-A1", 3, "SL-A2", 2), serverAnswers(responseId), "nothing reached the server while offline");

        ServerUnreachable.cut = true;
        try {
            browser.navigate().refresh();
            byTestId("item-SL-A3");
            byTestId("offline-note");
            assertTrue(option("SL-A3", "2").isSelected(), "the last choice is kept on the device over the reload");
            assertTrue(option("SL-A4", "1").isSelected());
            assertTrue(option("SL-B1", "2").isSelected());
            assertTrue(option("SL-A1", "3").isSelected());
            waitForText("save-status-SL-B1", "Inte sparat än – vi försöker igen");
            screenshot("offline-after-reload");
            network(true);
        } finally {
            ServerUnreachable.cut = false;
        }
        assertEquals(Map.of("SL-A1", 3, "SL-A2", 2), serverAnswers(responseId), "nothing reached the server while offline");

        network(false);
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(45))
                .until(driver -> "Sparat".equals(byTestId("save-status-global").getText()));
        waitForSaved("SL-A3");
        screenshot("back-online");

        List<Map<String, Object>> answers = (List<Map<String, Object>>) api.get("/api/responses/" + responseId).get("answers");
        assertEquals(5, answers.size(), "each answer exactly once: " + answers);
        assertEquals(Map.of("SL-A1", 3, "SL-A2", 2, "SL-A3", 2, "SL-A4", 1, "SL-B1", 2), serverAnswers(responseId));
    }

    /** DevTools network emulation of the page (lost when the page reloads). */
    private void network(boolean offline) {
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    private Map<String, Object> serverAnswers(long responseId) {
        return ((List<Map<String, Object>>) api.get("/api/responses/" + responseId).get("answers")).stream()
                .collect(Collectors.toMap(answer -> (String) answer.get("itemCode"), answer -> answer.get("value")));
    }
}
