package se.lagesbild.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A manager fills in the ten-point checklist in the built frontend, as a person would: creates the
 * organisation and the round, answers, reloads halfway, finishes, submits and reads the total.
 */
@MicronautTest(transactional = false)
class ChecklistInBrowserTest extends BrowserTest {

    @Test
    void managerAnswersAllTenItemsAcrossAReloadAndReadsTheTotal() throws IOException {
        open("/");
        String organisation = "Lunds kommun " + System.nanoTime();
        type("org-name-input", organisation);
        click("org-create");
        click(By.xpath("//a[@data-testid='org-link'][contains(., '" + organisation + "')]"));

        WebElement instrument = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=instrument-select]")));
        wait.until(driver -> instrument.getAttribute("value").equals("checklist-systematik"));
        WebElement label = browser.findElement(By.cssSelector("[data-testid=round-label-input]"));
        label.clear();
        label.sendKeys("2025");
        click("round-create");
        assertAccessible("organisation page, one round");
        click("round-link");
        click("response-create");
        wait.until(ExpectedConditions.urlMatches("/svar/\\d+$"));

        Map<String, Integer> chosen = new LinkedHashMap<>();
        int[] values = {3, 2, 4, 1, 2, 3, 3, 4, 2, 1};
        for (int i = 0; i < values.length; i++) {
            chosen.put(String.format("CS-%02d", i + 1), values[i]);
        }
        var firstHalf = chosen.entrySet().stream().limit(5).toList();
        firstHalf.forEach(answer -> choose(answer.getKey(), answer.getValue().toString()));
        type("comment-CS-01", "Beslut i socialnämnden 2024");
        browser.findElement(By.cssSelector("[data-testid=comment-CS-02]")).click();
        waitForSaved("CS-01");
        assertAccessible("response, half filled in");
        screenshot("response-half");

        browser.navigate().refresh();
        waitForText("progress", "5 av 10 besvarade");
        for (var answer : firstHalf) {
            assertTrue(option(answer.getKey(), answer.getValue().toString()).isSelected(),
                    answer.getKey() + " kept its answer over the reload");
        }
        assertEquals("Beslut i socialnämnden 2024", browser.findElement(By.cssSelector("[data-testid=comment-CS-01]")).getAttribute("value"));

        chosen.entrySet().stream().skip(5).forEach(answer -> choose(answer.getKey(), answer.getValue().toString()));
        waitForText("progress", "10 av 10 besvarade");

        click("review");
        WebElement unanswered = byTestId("unanswered-list");
        assertTrue(unanswered.findElements(By.tagName("li")).isEmpty(), "nothing left unanswered");
        assertAccessible("response, review");
        click("submit");

        wait.until(ExpectedConditions.urlMatches("/omgangar/\\d+/resultat$"));
        int expectedSum = chosen.values().stream().mapToInt(Integer::intValue).sum();
        waitForText("total-sum", expectedSum + " av 40");
        assertEquals(3, browser.findElements(By.cssSelector("[data-testid=part-row]")).size());
        assertTrue(browser.findElement(By.cssSelector("[data-testid=part-chart]")).isDisplayed());
        assertAccessible("result, checklist");
        screenshot("result");
    }
}
