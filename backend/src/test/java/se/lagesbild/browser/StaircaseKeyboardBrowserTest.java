package se.lagesbild.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A workshop participant places themselves on Jämställdhetstrappan on a 360 px wide phone, with the
 * keyboard alone: Tab into the steps, arrow keys to move, Enter on the buttons.
 */
@MicronautTest(transactional = false)
class StaircaseKeyboardBrowserTest extends BrowserTest {

    @Override
    int[] windowSize() {
        return new int[] {360, 800};
    }

    @Test
    void aParticipantPlacesThemselvesOnTheStaircaseWithTheKeyboardOnAPhone() throws IOException {
        long roundId = api.createRound(api.createOrganisation("Ronneby kommun"), "jamstalldhetstrappan", "2025");
        long responseId = api.startResponse(roundId);
        open("/svar/" + responseId);
        byTestId("item-JT");
        assertEquals(4, browser.findElements(org.openqa.selenium.By.cssSelector("[data-testid^=option-JT-]")).size());
        assertTrue(byTestId("item-JT").getText().contains("Jämställdhet är en självklar del av mitt ordinarie arbete."),
                "each step shows its description");
        assertTrue(byTestId("reflection-prompts").getText().contains("Hur förbereder vi oss på bästa sätt?"));
        assertEquals(360L, browser.executeScript("return window.innerWidth"));
        Object overflow = browser.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        assertTrue(((Number) overflow).intValue() <= 0, "no sideways scrolling at 360 px: " + overflow);

        tabUntil(element -> element.getAttribute("data-testid") != null && element.getAttribute("data-testid").startsWith("option-JT-"));
        press(Keys.SPACE);
        press(Keys.ARROW_DOWN);
        press(Keys.ARROW_DOWN);
        wait.until(driver -> option("JT", "3").isSelected());
        waitForSaved("JT");
        assertAccessible("response, staircase on a phone");
        screenshot("staircase-phone");

        tabUntil(element -> "review".equals(element.getAttribute("data-testid")));
        press(Keys.ENTER);
        tabUntil(element -> "submit".equals(element.getAttribute("data-testid")));
        press(Keys.ENTER);
        wait.until(ExpectedConditions.urlMatches("/omgangar/\\d+/resultat$"));

        Map<String, Object> response = api.get("/api/responses/" + responseId);
        assertEquals("submitted", response.get("status"));
        assertEquals(List.of(3), ((List<Map<String, Object>>) response.get("answers")).stream().map(a -> a.get("value")).toList());
        // One placement is fewer than five: the room's distribution is withheld, not shown as a single person's step.
        byTestId("staircase-suppressed");
        assertAccessible("result, staircase withheld");
    }
}
