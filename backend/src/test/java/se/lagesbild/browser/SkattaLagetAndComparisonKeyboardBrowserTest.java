package se.lagesbild.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A staff member with the keyboard alone answers all of Skatta läget (Tab into each question, Space and the
 * arrow keys to choose, Enter on the buttons) as the fifth respondent of 2028, then compares 2025 with 2028
 * on the organisation's page; after each page change focus is on the new page's heading, every control of
 * the comparison page is reached with Tab and shows its focus, and axe finds nothing on the way.
 */
@MicronautTest(transactional = false)
class SkattaLagetAndComparisonKeyboardBrowserTest extends BrowserTest {

    @Test
    void aStaffMemberAnswersSkattaLagetAndComparesTwoRoundsWithTheKeyboardAlone() throws IOException {
        long organisation = api.createOrganisation("Växjö kommun");
        api.skattaLagetRound(organisation, "2025", 5);
        long round2028 = api.skattaLagetRound(organisation, "2028", 4);
        List<String> items = itemCodes();

        open("/omgangar/" + round2028);
        byTestId("response-create");
        tabUntil("response-create");
        press(Keys.ENTER);
        tabUntil(element -> "radio".equals(element.getAttribute("type")) && "respondent-role".equals(element.getAttribute("name")));
        press(Keys.SPACE);
        wait.until(driver -> driver.switchTo().activeElement().isSelected());
        assertAccessible("round page, choosing the role");
        tabUntil("role-confirm");
        press(Keys.ENTER);
        wait.until(ExpectedConditions.urlMatches("/svar/\\d+$"));
        wait.until(driver -> "H1".equals(driver.switchTo().activeElement().getTagName().toUpperCase()));

        for (String item : items) {
            tabUntil(element -> element.getAttribute("data-testid") != null
                    && element.getAttribute("data-testid").startsWith("option-" + item + "-"));
            assertTrue(focusVisible(), "focus shows on " + item);
            press(Keys.SPACE);
            press(Keys.ARROW_DOWN);
            press(Keys.ARROW_DOWN);
            wait.until(driver -> option(item, "3").isSelected());
            waitForSaved(item);
        }
        waitForText("progress", items.size() + " av " + items.size() + " besvarade");
        assertAccessible("response, Skatta läget filled in");
        tabUntil("review");
        press(Keys.ENTER);
        tabUntil("submit");
        press(Keys.ENTER);
        wait.until(ExpectedConditions.urlMatches("/omgangar/\\d+/resultat$"));
        wait.until(driver -> "H1".equals(driver.switchTo().activeElement().getTagName().toUpperCase()));
        assertAccessible("result, Skatta läget after submitting");

        open("/organisationer/" + organisation);
        byTestId("compare-go");
        tabUntil("compare-from");
        tabUntil("compare-go");
        press(Keys.ENTER);
        wait.until(ExpectedConditions.urlMatches("/jamfor\\?"));
        WebElement heading = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));
        wait.until(driver -> heading.equals(driver.switchTo().activeElement()));
        assertTrue(heading.getText().contains("2025") && heading.getText().contains("2028"), heading.getText());
        assertTrue(byTestId("total-means").isDisplayed());
        assertAccessible("comparison page, reached by keyboard");
        screenshot("comparison-keyboard");

        List<String> unseen = new ArrayList<>();
        List<String> reached = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            press(Keys.TAB);
            WebElement active = browser.switchTo().activeElement();
            String name = active.getTagName() + " " + active.getText().strip().split("\n")[0] + " " + active.getAttribute("data-testid");
            if (active.getTagName().equalsIgnoreCase("body") || reached.contains(active.toString())) {
                break;
            }
            reached.add(active.toString());
            if (!focusVisible()) {
                unseen.add(name);
            }
        }
        assertTrue(reached.size() >= 5, "Tab reaches the page's controls after the heading: " + reached.size());
        assertEquals(List.of(), unseen, "controls whose focus does not show");
    }

    @SuppressWarnings("unchecked")
    private List<String> itemCodes() {
        Map<String, Object> instrument = api.get("/api/instruments/skatta-laget");
        return ((List<Map<String, Object>>) instrument.get("parts")).stream()
                .flatMap(part -> ((List<Map<String, Object>>) part.get("items")).stream())
                .map(item -> (String) item.get("code")).toList();
    }
}
