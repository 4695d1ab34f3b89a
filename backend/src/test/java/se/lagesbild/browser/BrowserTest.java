package se.lagesbild.browser;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.lagesbild.support.Api;
import se.lagesbild.support.ApiTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Base of the tests that use the built frontend in headless Chromium, as a person would, against the
 * running application and its real database. Subclasses are {@code @MicronautTest(transactional = false)}.
 */
abstract class BrowserTest extends ApiTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Inject
    EmbeddedServer server;

    ChromeDriver browser;
    WebDriverWait wait;

    /** The browser window's size; a phone test narrows it. */
    int[] windowSize() {
        return new int[] {1280, 1000};
    }

    @BeforeAll
    void startBrowser() {
        assertNotNull(getClass().getClassLoader().getResource("public/index.html"),
                "The built frontend (classpath:public/index.html) is missing: build the frontend module first");
        browser = Browser.start(Math.max(windowSize()[0], 800), windowSize()[1]);
        if (windowSize()[0] < 800) {
            // A desktop window cannot be made phone-narrow; emulate the phone's viewport instead.
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", windowSize()[0],
                    "height", windowSize()[1], "deviceScaleFactor", 2, "mobile", true));
        }
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        if (signInAsAdministratorAtStart()) {
            signIn(Api.ADMIN_USERNAME, Api.ADMIN_PASSWORD);
        }
    }

    /** Most browser tests work as the administrator; a test of signing in itself says no. */
    boolean signInAsAdministratorAtStart() {
        return true;
    }

    /** Signs in on the login page, as a person does, and waits until the app has left it. */
    void signIn(String username, String password) {
        open("/logga-in");
        type("login-username", username);
        type("login-password", password);
        click("login-submit");
        wait.until(driver -> !driver.getCurrentUrl().contains("/logga-in"));
        byTestId("user-menu");
    }

    void signOut() {
        click("logout");
        wait.until(ExpectedConditions.urlContains("/logga-in"));
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    void open(String path) {
        browser.get(server.getURL() + path);
    }

    /** Chooses a value by clicking its label, as a person taps it, and waits until the page says it is saved. */
    void choose(String itemCode, String value) {
        chooseWithoutWaiting(itemCode, value);
        waitForSaved(itemCode);
    }

    void chooseWithoutWaiting(String itemCode, String value) {
        WebElement label = browser.findElement(By.cssSelector("label:has([data-testid=option-" + itemCode + "-" + value + "])"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", label);
        label.click();
        wait.until(driver -> option(itemCode, value).isSelected());
    }

    WebElement option(String itemCode, String value) {
        return browser.findElement(By.cssSelector("[data-testid=option-" + itemCode + "-" + value + "]"));
    }

    void waitForSaved(String itemCode) {
        waitForText("save-status-" + itemCode, "Sparat");
    }

    void waitForText(String testId, String text) {
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=" + testId + "]"), text));
    }

    WebElement byTestId(String testId) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=" + testId + "]")));
    }

    void type(String testId, String text) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=" + testId + "]"))).sendKeys(text);
    }

    void click(By locator) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(locator));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    void click(String testId) {
        click(By.cssSelector("[data-testid=" + testId + "]"));
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
