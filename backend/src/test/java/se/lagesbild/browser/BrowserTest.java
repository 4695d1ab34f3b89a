package se.lagesbild.browser;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.lagesbild.support.Api;
import se.lagesbild.support.ApiTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Base of the tests that use the built frontend in headless Chromium, as a person would, against the
 * running application and its real database. Subclasses are {@code @MicronautTest(transactional = false)}.
 */
abstract class BrowserTest extends ApiTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** axe-core from the frontend's devDependencies (npm ci of the frontend module puts it there). */
    private static final Path AXE = Path.of("..", "frontend", "node_modules", "axe-core", "axe.min.js");
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static String axeSource;

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
        openMenuOnAPhone();
        click("logout");
        wait.until(ExpectedConditions.urlContains("/logga-in"));
    }

    /** Below 640 px the navigation and "Logga ut" sit behind the menu button: open it, as a person would. */
    void openMenuOnAPhone() {
        List<WebElement> button = browser.findElements(By.cssSelector("[data-testid=menu-button]"));
        if (!button.isEmpty() && button.get(0).isDisplayed() && "false".equals(button.get(0).getAttribute("aria-expanded"))) {
            button.get(0).click();
        }
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
        // Waits for the question to be there: on a busy machine the page may still be rendering.
        WebElement label = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("label:has([data-testid=option-" + itemCode + "-" + value + "])")));
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

    /**
     * Runs axe-core on the page as it is now against the WCAG 2.1 A and AA rules and fails, naming each
     * violation (rule, what it asks, the elements), if there is any. {@code where} names the page and its
     * state in the failure, e.g. "round page, results".
     */
    void assertAccessible(String where) {
        assertAccessible(browser, where);
    }

    /** The same in another browser of the test (a participant's phone). */
    void assertAccessible(ChromeDriver browser, String where) {
        if (!Boolean.TRUE.equals(browser.executeScript("return typeof window.axe === 'object'"))) {
            browser.executeScript(axe());
        }
        List<?> violations = (List<?>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                window.axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
                  .then((r) => done(r.violations.map((v) => v.id + ' (' + v.impact + '): ' + v.help + ' ' + v.helpUrl
                    + v.nodes.map((n) => '\\n      ' + n.target.join(' ') + ' – ' + n.failureSummary.replace(/\\s+/g, ' ')).join(''))))
                  .catch((e) => done(['axe did not run: ' + e]));
                """, WCAG_21_AA);
        if (!violations.isEmpty()) {
            String report = where + " (" + browser.getCurrentUrl() + "): " + violations.size()
                    + " WCAG 2.1 A/AA violation(s):\n  " + String.join("\n  ", violations.stream().map(String::valueOf).toList());
            System.out.println(report);
            fail(report);
        }
    }

    private static synchronized String axe() {
        if (axeSource == null) {
            try {
                axeSource = Files.readString(AXE);
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core is missing at " + AXE.toAbsolutePath()
                        + ": build the frontend module first (npm ci installs it)", e);
            }
        }
        return axeSource;
    }

    void press(CharSequence key) {
        new Actions(browser).sendKeys(key).perform();
    }

    /** Presses Tab until the focused element is the wanted one; fails after 80 presses. */
    void tabUntil(Predicate<WebElement> focused) {
        for (int i = 0; i < 80; i++) {
            press(Keys.TAB);
            WebElement active = browser.switchTo().activeElement();
            if (focused.test(active)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached the wanted element; focus ended on "
                + browser.switchTo().activeElement().getAttribute("outerHTML"));
    }

    void tabUntil(String testId) {
        tabUntil(element -> testId.equals(element.getAttribute("data-testid")));
    }

    /** True when the focused element shows it: an outline or a ring (box-shadow), on itself or its label. */
    boolean focusVisible() {
        return Boolean.TRUE.equals(browser.executeScript("""
                const shows = (e) => { if (!e) return false; const s = getComputedStyle(e);
                  return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; };
                const active = document.activeElement;
                return shows(active) || shows(active.closest('label'));
                """));
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
