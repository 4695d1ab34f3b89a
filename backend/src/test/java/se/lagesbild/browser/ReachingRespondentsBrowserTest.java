package se.lagesbild.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.lagesbild.support.Api;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A project lead reaches the staff with links instead of accounts: pastes addresses on the round page
 * (one line is no address), and three people answer Skatta läget from their personal links on a 360 px
 * phone, without any password; one of them goes on in a second browser, in the same response; a fourth
 * answers through the round's open link. Each sees the thank-you page; a used link submitted again makes
 * no second response, and the lead's participation panel counts four.
 */
@MicronautTest(transactional = false)
class ReachingRespondentsBrowserTest extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private final List<ChromeDriver> phones = new ArrayList<>();

    @AfterAll
    void stopPhones() {
        phones.forEach(ChromeDriver::quit);
    }

    @Test
    void respondentsAnswerFromTheirLinksOnAPhoneAndTheLeadSeesTheCounts() throws IOException {
        long organisationId = api.createOrganisation("Växjö kommun");
        long roundId = api.createRound(organisationId, "skatta-laget", "2025");
        String lead = "lead-" + UUID.randomUUID() + "@test.lagesbild.se";
        api.post("/api/users", Map.of("username", lead, "password", Api.USER_PASSWORD,
                "roles", List.of(Map.of("organisationId", organisationId, "role", "PROJECT_LEAD"))));
        signOut();
        signIn(lead, Api.USER_PASSWORD);
        browser.manage().window().setSize(new Dimension(1366, 1000));

        open("/omgangar/" + roundId);
        type("link-addresses", "anna@vaxjo.se\ninte en adress\nbo@vaxjo.se, cecilia@vaxjo.se\ndavid@vaxjo.se\nemma@vaxjo.se");
        click("link-submit");
        waitForText("link-count", "5 personliga länkar. 5 har inte svarat.");
        assertTrue(byTestId("link-rejected-line").getText().startsWith("Rad 2: ”inte en adress”"),
                byTestId("link-rejected-line").getText());
        assertTrue(byTestId("link-result").getText().contains("5 länkar är klara."));
        assertEquals("/api/rounds/" + roundId + "/links.csv", URI.create(byTestId("links-csv").getAttribute("href")).getPath());
        click("open-link-show");
        String openLink = byTestId("open-link-url").getAttribute("value");
        assertTrue(openLink.contains("/s/"), openLink);
        assertAccessible("round page, lead's links panel");
        screenshot("reach-lead-panel-1366");

        List<String> links = api.login(lead, Api.USER_PASSWORD).getList("/api/rounds/" + roundId + "/links").stream()
                .map(link -> URI.create((String) link.get("url")).getPath()).toList();
        assertEquals(5, links.size());

        // Anna starts on her phone and goes on in another browser, in the same response.
        Phone anna = phone();
        anna.open(links.get(0));
        anna.byTestId("role-picker");
        anna.assertNoSidewaysScrolling("role choice");
        assertAccessible(anna.driver, "survey link, role choice");
        anna.screenshot("survey-phone-role");
        anna.chooseRole("medarbetare");
        anna.choose("SL-A1", "3");
        anna.choose("SL-A2", "2");
        anna.assertNoSidewaysScrolling("answering");
        assertAccessible(anna.driver, "survey link, answering");
        anna.screenshot("survey-phone-answering");

        Phone annasComputer = phone();
        annasComputer.open(links.get(0));
        annasComputer.byTestId("item-SL-A1");
        assertTrue(annasComputer.option("SL-A1", "3").isSelected(), "the answers given on the phone are there");
        assertTrue(annasComputer.option("SL-A2", "2").isSelected());
        assertEquals("Du svarar som: Medarbetare", annasComputer.byTestId("response-role").getText());
        annasComputer.choose("SL-A3", "4");
        annasComputer.submit();
        annasComputer.assertNoSidewaysScrolling("thank-you page");
        assertAccessible(annasComputer.driver, "survey link, thank-you page");
        annasComputer.screenshot("survey-phone-thanks");
        anna.driver.navigate().refresh();
        anna.byTestId("survey-thanks");

        for (int i = 1; i <= 2; i++) {
            Phone person = phone();
            person.open(links.get(i));
            person.chooseRole(i == 1 ? "ledning" : "stodfunktion");
            person.choose("SL-A1", String.valueOf(i + 1));
            person.submit();
        }

        // The open link: this phone gets a token of its own, and the address changes to it.
        Phone visitor = phone();
        String openPath = URI.create(openLink).getPath();
        visitor.open(openPath);
        visitor.byTestId("role-picker");
        assertTrue(!URI.create(visitor.driver.getCurrentUrl()).getPath().equals(openPath), "joined: a token of its own");
        visitor.chooseRole("medarbetare");
        visitor.choose("SL-B1", "1");
        visitor.submit();
        visitor.assertNoSidewaysScrolling("thank-you page, open link");

        // A used link submitted again: no second response; it still opens on the thank-you page.
        String usedToken = links.get(1).substring("/s/".length());
        Api anonymous = api.anonymous();
        assertEquals("submitted", anonymous.post("/api/s/" + usedToken + "/submit", Map.of()).get("status"));
        assertEquals("submitted", anonymous.post("/api/s/" + usedToken + "/response", Map.of()).get("status"));
        Map<String, Object> participation = api.get("/api/rounds/" + roundId + "/participation");
        assertEquals(5, ((Number) participation.get("invited")).intValue());
        assertEquals(4, ((Number) participation.get("started")).intValue());
        assertEquals(4, ((Number) participation.get("submitted")).intValue());
        assertEquals(3, ((Number) participation.get("invitedSubmitted")).intValue());
        assertEquals(1, ((Number) participation.get("openLinkSubmitted")).intValue());

        open("/omgangar/" + roundId);
        waitForText("participation-headline", "3 av 5 inbjudna har svarat");
        waitForText("participation-others", "Dessutom 1 svar utan personlig inbjudan (1 via den öppna länken).");
        waitForText("link-count", "5 personliga länkar. 2 har inte svarat.");
        assertEquals(0, browser.findElements(By.cssSelector("[data-testid=response-role]")).size(),
                "no list of responses with roles for the lead");
        browser.executeScript("arguments[0].scrollIntoView({block: 'start'})", byTestId("participation"));
        assertAccessible("round page, participation");
        screenshot("reach-lead-participation-1366");
    }

    private Phone phone() {
        ChromeDriver driver = Browser.start(800, 800);
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 740, "deviceScaleFactor", 2, "mobile", true));
        phones.add(driver);
        return new Phone(driver, new WebDriverWait(driver, Duration.ofSeconds(20)));
    }

    /** A respondent's own browser, with no account. */
    private final class Phone {
        final ChromeDriver driver;
        final WebDriverWait wait;

        Phone(ChromeDriver driver, WebDriverWait wait) {
            this.driver = driver;
            this.wait = wait;
        }

        void open(String path) {
            driver.get(server.getURL() + path);
        }

        WebElement byTestId(String testId) {
            return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=" + testId + "]")));
        }

        WebElement option(String itemCode, String value) {
            return driver.findElement(By.cssSelector("[data-testid=option-" + itemCode + "-" + value + "]"));
        }

        void tap(By locator) {
            WebElement element = wait.until(ExpectedConditions.elementToBeClickable(locator));
            driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
            element.click();
        }

        void chooseRole(String role) {
            tap(By.cssSelector("label:has([data-testid=role-" + role + "])"));
            tap(By.cssSelector("[data-testid=role-confirm]"));
            byTestId("item-SL-A1");
        }

        void choose(String itemCode, String value) {
            tap(By.cssSelector("label:has([data-testid=option-" + itemCode + "-" + value + "])"));
            wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=save-status-" + itemCode + "]"), "Sparat"));
        }

        void submit() {
            tap(By.cssSelector("[data-testid=review]"));
            tap(By.cssSelector("[data-testid=submit]"));
            assertEquals("Tack för ditt svar!", byTestId("survey-thanks").findElement(By.tagName("h1")).getText());
        }

        void assertNoSidewaysScrolling(String where) {
            Number width = (Number) driver.executeScript("return document.documentElement.scrollWidth");
            assertTrue(width.intValue() <= 360, where + ": no sideways scrolling at 360 px, but the page is " + width + " px wide");
        }

        void screenshot(String name) throws IOException {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        }
    }
}
