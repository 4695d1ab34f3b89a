package se.lagesbild.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A live workshop in six browsers: the facilitator's control view, and five participants, each a browser
 * of its own (a separate cookie jar, like five phones). All five place themselves on the staircase; the
 * control view counts them and, once revealed, shows the distribution; a group's reflection reaches it.
 */
@MicronautTest(transactional = false)
class WorkshopBrowserTest extends BrowserTest {

    private static final Duration LIVE_WITHIN = Duration.ofSeconds(2);
    private final List<ChromeDriver> phones = new ArrayList<>();

    @AfterAll
    void closePhones() {
        phones.forEach(ChromeDriver::quit);
    }

    @Test
    void fiveParticipantsAnswerAndTheProjectorShowsTheDistributionAndTheReflection() throws IOException {
        open("/workshoppar");
        type("workshop-title", "Jämställdhetstrappan med socialtjänsten");
        click("workshop-create");
        wait.until(ExpectedConditions.urlMatches("/workshoppar/\\d+$"));
        click("workshop-open");
        waitForText("workshop-status", "Öppen");
        String code = byTestId("workshop-code").getText();
        assertTrue(code.matches("[A-Z2-9]{6}"), code);
        waitForText("projector-answers", "0");

        int[] steps = {1, 2, 2, 3, 4};
        for (int i = 0; i < steps.length; i++) {
            ChromeDriver phone = Browser.start(360, 640);
            phones.add(phone);
            WebDriverWait phoneWait = new WebDriverWait(phone, Duration.ofSeconds(20));
            phone.get(server.getURL() + "/w/" + code.toLowerCase());
            phoneWait.until(ExpectedConditions.visibilityOfElementLocated(testId("join-group"))).sendKeys("Bord-" + (1 + i % 2));
            phone.findElement(testId("join-button")).click();
            WebElement label = phoneWait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("label:has([data-testid=option-JT-" + steps[i] + "])")));
            phone.executeScript("arguments[0].scrollIntoView({block: 'center'})", label);
            label.click();
            phoneWait.until(ExpectedConditions.textToBe(testId("answer-status-JT"), "Sparat"));
        }
        long lastAnswer = System.nanoTime();

        new WebDriverWait(browser, LIVE_WITHIN).until(ExpectedConditions.textToBe(testId("projector-answers"), "5"));
        Duration seen = Duration.ofNanos(System.nanoTime() - lastAnswer);
        assertEquals("5", byTestId("projector-participants").getText());
        byTestId("results-withheld");
        assertAccessible("workshop projector, live, results hidden");
        assertAccessible(phones.get(0), "workshop participant, answered");

        // A participant changes their mind: still five answers, the distribution follows.
        ChromeDriver last = phones.get(4);
        last.findElement(By.cssSelector("label:has([data-testid=option-JT-3])")).click();
        new WebDriverWait(last, Duration.ofSeconds(10)).until(d -> last.findElement(testId("option-JT-3")).isSelected());

        click("workshop-reveal");
        WebDriverWait live = new WebDriverWait(browser, LIVE_WITHIN.plusSeconds(1));
        live.until(ExpectedConditions.textToBePresentInElementLocated(testId("projector-distribution-step-3"), "2"));
        assertTrue(byTestId("projector-distribution-step-1").getText().endsWith("1"));
        assertTrue(byTestId("projector-distribution-step-2").getText().endsWith("2"));
        assertTrue(byTestId("projector-distribution-step-4").getText().endsWith("0"));
        assertEquals("Median: steg 2", byTestId("projector-distribution-median").getText());
        screenshot("workshop-projector");

        // The template's last activity: the group reflection "Hur förbereder vi oss på bästa sätt?".
        click("agenda-go-3");
        ChromeDriver writer = phones.get(0);
        new WebDriverWait(writer, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(testId("participant-question"),
                "Hur förbereder vi oss på bästa sätt?"));
        WebElement reflection = writer.findElement(testId("participant-text"));
        writer.executeScript("arguments[0].scrollIntoView({block: 'center'})", reflection);
        reflection.sendKeys("Boka en halvdag för könsuppdelad statistik");
        writer.findElement(testId("participant-text-save")).click();
        new WebDriverWait(writer, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(testId("participant-text-status"), "Sparat"));

        new WebDriverWait(browser, LIVE_WITHIN.plusSeconds(1)).until(ExpectedConditions.textToBePresentInElementLocated(
                testId("control-texts"), "Boka en halvdag för könsuppdelad statistik"));
        assertTrue(byTestId("control-texts").getText().contains("Bord-1"));
        assertTrue(seen.compareTo(LIVE_WITHIN) <= 0, "the projector counted the answers after " + seen);
    }

    private static By testId(String id) {
        return By.cssSelector("[data-testid=\"" + id + "\"]");
    }
}
