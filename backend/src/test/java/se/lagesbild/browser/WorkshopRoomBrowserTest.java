package se.lagesbild.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.lagesbild.support.Api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A workshop run in front of a room: the facilitator's control view (this test's browser), the presenter view on
 * a projector (a browser of its own at 1920×1080, then 1366×768) and three phones at 360 px. The control view
 * steps through a three-activity agenda; the phones follow without reload; the presenter is driven by keys.
 */
@MicronautTest(transactional = false)
class WorkshopRoomBrowserTest extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration LIVE = Duration.ofSeconds(5);
    private static final String QUESTION = "Vad tar du med dig från i dag?";
    private final List<ChromeDriver> others = new ArrayList<>();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        // Three phones may see a distribution here; the rule itself is tested over HTTP.
        properties.put("lagesbild.anonymity-threshold", "3");
        return properties;
    }

    @AfterAll
    void closeOthers() {
        others.forEach(ChromeDriver::quit);
    }

    @Test
    void aRoomFollowsAThreeActivityAgendaOnTheProjectorAndTheirPhones() throws IOException {
        open("/workshoppar");
        Object created = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/workshops', { method: 'POST', headers: { 'Content-Type': 'application/json' },
                  body: JSON.stringify({ title: 'Förvaltningsdag: jämställd socialtjänst', instrumentCode: 'jamstalldhetstrappan',
                    activities: [ { kind: 'placement', itemCode: 'JT' }, { kind: 'openQuestion', text: '%s' },
                                  { kind: 'groupReflection', promptIndex: 1 } ] }) })
                  .then((r) => r.json()).then((w) => done(String(w.id)))""".formatted(QUESTION));
        String id = (String) created;
        open("/workshoppar/" + id);
        String code = byTestId("workshop-code").getText();

        ChromeDriver presenter = Browser.start(1920, 1080);
        others.add(presenter);
        viewport(presenter, 1920, 1080);
        signInOn(presenter);
        presenter.get(server.getURL() + "/workshoppar/" + id + "/visning");
        WebDriverWait onScreen = new WebDriverWait(presenter, LIVE);
        onScreen.until(ExpectedConditions.textToBe(testId("workshop-code"), code));
        assertVisibleWithoutScrolling(presenter, "workshop-code");
        assertNoChrome(presenter);
        assertTrue(fontSize(presenter, ".presenter") >= 28, "body text on the projector");
        save(presenter, "workshop-presenter-join-1920x1080");
        assertAccessible(presenter, "workshop presenter, join screen");

        click("workshop-open");
        waitForText("workshop-status", "Öppen");

        List<ChromeDriver> phones = new ArrayList<>();
        String[] typed = {code.toLowerCase(), code.substring(0, 3) + " " + code.substring(3), " " + code};
        for (int i = 0; i < 3; i++) {
            ChromeDriver phone = Browser.start(360, 640);
            others.add(phone);
            viewport(phone, 360, 640);
            phones.add(phone);
            WebDriverWait phoneWait = new WebDriverWait(phone, Duration.ofSeconds(20));
            phone.get(server.getURL() + "/w");
            if (i == 0) {
                phoneWait.until(ExpectedConditions.visibilityOfElementLocated(testId("code-input"))).sendKeys("ABC234");
                phone.findElement(testId("code-submit")).click();
                phoneWait.until(ExpectedConditions.visibilityOfElementLocated(testId("code-error")));
                assertTrue(phone.findElement(testId("code-error")).getText().contains("Det finns ingen workshop med koden ABC234"));
                phone.findElement(testId("code-input")).clear();
                assertAccessible(phone, "workshop join, wrong code");
            }
            phoneWait.until(ExpectedConditions.visibilityOfElementLocated(testId("code-input"))).sendKeys(typed[i]);
            phone.findElement(testId("code-submit")).click();
            phoneWait.until(ExpectedConditions.visibilityOfElementLocated(testId("join-group"))).sendKeys("Bord 7");
            phone.findElement(testId("join-button")).click();
            phoneWait.until(ExpectedConditions.textToBePresentInElementLocated(testId("participant-question"), "jämställdhetstrappan"));
            WebElement label = phone.findElement(By.cssSelector("label:has([data-testid=option-JT-" + (i + 2) + "])"));
            phone.executeScript("arguments[0].scrollIntoView({block: 'center'})", label);
            label.click();
            phoneWait.until(ExpectedConditions.textToBe(testId("answer-status-JT"), "Sparat"));
        }
        onScreen.until(ExpectedConditions.textToBePresentInElementLocated(testId("presenter-responses"), "3 av 3"));
        Object phoneLoads = phones.get(0).executeScript("return performance.getEntriesByType('navigation').length");

        new Actions(presenter).sendKeys(" ").perform();
        onScreen.until(ExpectedConditions.visibilityOfElementLocated(testId("presenter-distribution")));
        onScreen.until(ExpectedConditions.textToBePresentInElementLocated(testId("presenter-distribution-step-3"), "1"));
        assertChartFits(presenter, 1920, 1080);
        save(presenter, "workshop-presenter-result-1920x1080");
        viewport(presenter, 1366, 768);
        assertChartFits(presenter, 1366, 768);
        save(presenter, "workshop-presenter-result-1366x768");
        assertAccessible(presenter, "workshop presenter, revealed distribution");
        ChromeDriver firstPhone = phones.get(0);
        new WebDriverWait(firstPhone, LIVE).until(ExpectedConditions.visibilityOfElementLocated(testId("participant-distribution")));
        assertTrue(firstPhone.findElement(testId("participant-distribution-step-2")).getText().startsWith("1"));
        saveShot(firstPhone, "workshop-phone-result-360");
        assertAccessible(firstPhone, "workshop participant, revealed distribution");

        click("workshop-next");
        for (int i = 0; i < 3; i++) {
            ChromeDriver phone = phones.get(i);
            new WebDriverWait(phone, LIVE).until(ExpectedConditions.textToBe(testId("participant-question"), QUESTION));
            write(phone, i == 1 ? "Könsuppdelad statistik" : i == 0 ? "Fler analyser" : "Gemensamma begrepp");
        }
        waitForText("current-responses", "3 texter");
        assertAccessible("workshop control view, open question");

        new Actions(presenter).sendKeys(Keys.ARROW_RIGHT).perform();
        for (int i = 0; i < 3; i++) {
            ChromeDriver phone = phones.get(i);
            new WebDriverWait(phone, LIVE).until(ExpectedConditions.textToBe(testId("participant-question"),
                    "Vilka fallgropar kan få arbetet att stanna av?"));
            write(phone, new String[] {"Arbetet stannar när projektet slutar", "Ingen äger frågan", "Tidsbrist"}[i]);
        }
        assertAccessible(phones.get(2), "workshop participant, group reflection");
        new Actions(presenter).sendKeys(" ").perform();
        onScreen.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-testid=presenter-texts] li"), 3));
        String group = presenter.findElement(testId("presenter-texts-group")).getText();
        for (String text : List.of("Bord 7", "Arbetet stannar när projektet slutar", "Ingen äger frågan", "Tidsbrist")) {
            assertTrue(group.contains(text), group);
        }
        save(presenter, "workshop-presenter-reflection-1366x768");
        assertAccessible(presenter, "workshop presenter, group reflection");
        assertEquals(phoneLoads, phones.get(0).executeScript("return performance.getEntriesByType('navigation').length"),
                "the phone followed every step without a reload");
        assertEquals(server.getURL() + "/w/" + code, phones.get(0).getCurrentUrl());

        click("workshop-close");
        assertTrue(byTestId("close-confirmation").getText().contains("inte tar emot fler deltagare"));
        click("workshop-close-confirm");
        waitForText("workshop-status", "Avslutad");
        click("workshop-reopen");
        waitForText("workshop-status", "Öppen");
    }

    private void write(ChromeDriver phone, String text) {
        WebElement box = phone.findElement(testId("participant-text"));
        phone.executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
        box.sendKeys(text);
        phone.findElement(testId("participant-text-save")).click();
        new WebDriverWait(phone, LIVE).until(ExpectedConditions.textToBe(testId("participant-text-status"), "Sparat"));
    }

    private void signInOn(ChromeDriver driver) {
        driver.get(server.getURL() + "/logga-in");
        WebDriverWait signing = new WebDriverWait(driver, Duration.ofSeconds(15));
        signing.until(ExpectedConditions.visibilityOfElementLocated(testId("login-username"))).sendKeys(Api.ADMIN_USERNAME);
        driver.findElement(testId("login-password")).sendKeys(Api.ADMIN_PASSWORD);
        driver.findElement(testId("login-submit")).click();
        signing.until(d -> !d.getCurrentUrl().contains("/logga-in"));
    }

    private static void viewport(ChromeDriver driver, int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 800));
    }

    private static void assertNoChrome(ChromeDriver driver) {
        assertTrue(driver.findElements(By.cssSelector(".app-header, .app-footer, [data-testid=user-menu], [data-testid=logout]")).isEmpty(),
                "no app header, footer or user menu on the projector");
        assertFalse(driver.getPageSource().contains(Api.ADMIN_USERNAME), "no e-mail address on the projector");
    }

    private static void assertVisibleWithoutScrolling(ChromeDriver driver, String testId) {
        Map<?, ?> box = (Map<?, ?>) driver.executeScript("""
                const r = document.querySelector(`[data-testid="${arguments[0]}"]`).getBoundingClientRect();
                return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: innerHeight, width: innerWidth,
                         scroll: document.scrollingElement.scrollHeight };""", testId);
        double bottom = ((Number) box.get("bottom")).doubleValue();
        double right = ((Number) box.get("right")).doubleValue();
        assertTrue(((Number) box.get("top")).doubleValue() >= 0 && bottom <= ((Number) box.get("height")).doubleValue()
                && right <= ((Number) box.get("width")).doubleValue(), testId + " within the screen: " + box);
        assertTrue(((Number) box.get("scroll")).doubleValue() <= ((Number) box.get("height")).doubleValue() + 1,
                "nothing below the fold: " + box);
    }

    private static void assertChartFits(ChromeDriver driver, int width, int height) {
        assertEquals(width, ((Number) driver.executeScript("return innerWidth")).intValue());
        assertEquals(height, ((Number) driver.executeScript("return innerHeight")).intValue());
        assertNoChrome(driver);
        assertVisibleWithoutScrolling(driver, "presenter-distribution");
        assertVisibleWithoutScrolling(driver, "workshop-code");
        assertTrue(fontSize(driver, ".presenter") >= 28, "body text at " + width + "×" + height);
        for (WebElement label : driver.findElements(By.cssSelector("[data-testid=presenter-distribution] li span"))) {
            double size = Double.parseDouble(label.getCssValue("font-size").replace("px", ""));
            assertTrue(size >= 20, "chart label " + label.getText() + " at " + size + " px, " + width + "×" + height);
        }
    }

    private static double fontSize(ChromeDriver driver, String selector) {
        return Double.parseDouble(driver.findElement(By.cssSelector(selector)).getCssValue("font-size").replace("px", ""));
    }

    private static void save(ChromeDriver driver, String name) throws IOException {
        saveShot(driver, name);
    }

    private static void saveShot(ChromeDriver driver, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    private static By testId(String id) {
        return By.cssSelector("[data-testid=\"" + id + "\"]");
    }
}
