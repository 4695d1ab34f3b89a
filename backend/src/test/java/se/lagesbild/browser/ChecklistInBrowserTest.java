package se.lagesbild.browser;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.lagesbild.support.DatabaseTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A manager fills in the ten-point checklist in the built frontend, as a person would: creates the
 * organisation and the round, answers, reloads halfway, finishes, submits and reads the total.
 */
@MicronautTest(transactional = false)
class ChecklistInBrowserTest extends DatabaseTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Inject
    EmbeddedServer server;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeAll
    void startBrowser() {
        assertNotNull(getClass().getClassLoader().getResource("public/index.html"),
                "The built frontend (classpath:public/index.html) is missing: build the frontend module first");
        browser = Browser.start(1280, 1000);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void managerAnswersAllTenItemsAcrossAReloadAndReadsTheTotal() throws IOException {
        browser.get(server.getURL() + "/");
        String organisation = "Lunds kommun " + System.nanoTime();
        type(By.cssSelector("[data-testid=org-name-input]"), organisation);
        click(By.cssSelector("[data-testid=org-create]"));
        click(By.xpath("//a[@data-testid='org-link'][contains(., '" + organisation + "')]"));

        WebElement instrument = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=instrument-select]")));
        wait.until(driver -> instrument.getAttribute("value").equals("checklist-systematik"));
        WebElement label = browser.findElement(By.cssSelector("[data-testid=round-label-input]"));
        label.clear();
        label.sendKeys("2025");
        click(By.cssSelector("[data-testid=round-create]"));
        click(By.cssSelector("[data-testid=round-link]"));
        click(By.cssSelector("[data-testid=response-create]"));
        wait.until(ExpectedConditions.urlMatches("/svar/\\d+$"));

        Map<String, Integer> chosen = new LinkedHashMap<>();
        int[] values = {3, 2, 4, 1, 2, 3, 3, 4, 2, 1};
        for (int i = 0; i < values.length; i++) {
            chosen.put(String.format("CS-%02d", i + 1), values[i]);
        }
        var firstHalf = chosen.entrySet().stream().limit(5).toList();
        firstHalf.forEach(answer -> choose(answer.getKey(), answer.getValue()));
        type(By.cssSelector("[data-testid=comment-CS-01]"), "Beslut i socialnämnden 2024");
        browser.findElement(By.cssSelector("[data-testid=comment-CS-02]")).click();
        waitForSaved("CS-01");
        screenshot("response-half");

        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=progress]"), "5 av 10 besvarade"));
        for (var answer : firstHalf) {
            assertTrue(browser.findElement(option(answer.getKey(), answer.getValue())).isSelected(),
                    answer.getKey() + " kept its answer over the reload");
        }
        assertEquals("Beslut i socialnämnden 2024", browser.findElement(By.cssSelector("[data-testid=comment-CS-01]")).getAttribute("value"));

        chosen.entrySet().stream().skip(5).forEach(answer -> choose(answer.getKey(), answer.getValue()));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=progress]"), "10 av 10 besvarade"));

        click(By.cssSelector("[data-testid=review]"));
        WebElement unanswered = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=unanswered-list]")));
        assertTrue(unanswered.findElements(By.tagName("li")).isEmpty(), "nothing left unanswered");
        click(By.cssSelector("[data-testid=submit]"));

        wait.until(ExpectedConditions.urlMatches("/omgangar/\\d+/resultat$"));
        int expectedSum = chosen.values().stream().mapToInt(Integer::intValue).sum();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=total-sum]"), Integer.toString(expectedSum)));
        assertEquals(3, browser.findElements(By.cssSelector("[data-testid=part-row]")).size());
        assertTrue(browser.findElement(By.cssSelector("[data-testid=part-chart]")).isDisplayed());
        screenshot("result");
    }

    private void choose(String itemCode, int value) {
        WebElement labelOfOption = browser.findElement(By.cssSelector("label:has(> [data-testid=option-" + itemCode + "-" + value + "]), "
                + "label:has([data-testid=option-" + itemCode + "-" + value + "])"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", labelOfOption);
        labelOfOption.click();
        waitForSaved(itemCode);
        assertTrue(browser.findElement(option(itemCode, value)).isSelected());
    }

    private void waitForSaved(String itemCode) {
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=save-status-" + itemCode + "]"), "Sparat"));
    }

    private static By option(String itemCode, int value) {
        return By.cssSelector("[data-testid=option-" + itemCode + "-" + value + "]");
    }

    private void type(By locator, String text) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
        field.sendKeys(text);
    }

    private void click(By locator) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(locator));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
