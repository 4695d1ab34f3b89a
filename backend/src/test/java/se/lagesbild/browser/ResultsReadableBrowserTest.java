package se.lagesbild.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import se.lagesbild.support.Api;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The results and comparison pages read as a project lead reads them, on a laptop (1366 px): the checklist's
 * total as "16 av 40" with its mean and the comments beside the items; Skatta läget with two decimals, no
 * "Summa" of means, the roles as a chart and a table, and a comparison that headlines only the clear changes.
 * No page scrolls sideways. {@link ResultsReadableOnPhoneBrowserTest} runs the same at 360 px.
 */
@MicronautTest(transactional = false)
class ResultsReadableBrowserTest extends BrowserTest {


    @Override
    int[] windowSize() {
        return new int[] {1366, 900};
    }

    String size() {
        return windowSize()[0] + "px";
    }

    @Test
    void theChecklistShowsItsSumOutOfFortyTheMeanAndTheCommentsBesideTheItems() throws IOException {
        long organisationId = api.createOrganisation("Vimmerby kommun");
        long roundId = api.createRound(organisationId, "checklist-systematik", "2025");
        long responseId = api.startResponse(roundId);
        int[] values = {1, 2, 2, 1, 2, 1, 1, 1, 2, 3};
        for (int i = 0; i < values.length; i++) {
            api.answer(responseId, String.format("CS-%02d", i + 1), values[i],
                    i == 0 ? "Beslut i kommunfullmäktige den 12 mars 2024, § 45" : null);
        }
        api.post("/api/responses/" + responseId + "/submit", Map.of());

        open("/omgangar/" + roundId + "/resultat");
        waitForText("total-sum", "16 av 40");
        assertEquals("1,60", byTestId("total-mean").getText());
        String firstComment = browser.findElements(By.cssSelector("[data-testid=item-comment]")).get(0).getText();
        assertEquals("Beslut i kommunfullmäktige den 12 mars 2024, § 45", firstComment);
        assertEquals("Ingen kommentar", browser.findElements(By.cssSelector("[data-testid=item-comment]")).get(1).getText());
        assertTrue(byTestId("export-report-pdf").getAttribute("href").endsWith("/api/rounds/" + roundId + "/report.pdf"));
        assertNoSidewaysScrolling("checklist result");
        screenshot("results-checklist-" + size());
    }

    @Test
    void skattaLagetShowsTwoDecimalsNoSumTheRolesAndOnlyClearChangesAsNews() throws IOException {
        long organisationId = api.createOrganisation("Västerviks kommun");
        long round2025 = api.importSkattaLagetRound(organisationId, "2025", 0);
        long round2028 = api.importSkattaLagetRound(organisationId, "2028", 1);

        open("/omgangar/" + round2025 + "/resultat");
        waitForText("total-mean", "2,00");
        assertFalse(browser.findElement(By.tagName("main")).getText().contains("Summa"), "no sum of means where many answer");
        assertTrue(byTestId("role-chart").isDisplayed());
        assertEquals(3, browser.findElements(By.cssSelector("[data-testid=role-row]")).size());
        String roleRow = browser.findElements(By.cssSelector("[data-testid=role-row]")).get(0).getText();
        assertTrue(roleRow.matches("(?s).*\\d,\\d\\d.*"), "two decimals in the role table: " + roleRow);
        assertTrue(browser.findElements(By.cssSelector("[data-testid=item-comment]")).isEmpty(), "no comments where many answer");
        assertNoSidewaysScrolling("Skatta läget result");
        screenshot("results-skatta-laget-" + size());

        open("/jamfor?from=" + round2025 + "&to=" + round2028);
        byTestId("clear-change");
        List<String> headlines = browser.findElements(By.cssSelector("[data-testid=clear-change]")).stream()
                .map(element -> element.getText()).toList();
        assertTrue(headlines.get(0).startsWith("Totalt: tydlig förbättring (95 %:"), headlines.toString());
        assertTrue(headlines.stream().allMatch(line -> line.contains("tydlig förbättring")), headlines.toString());
        assertFalse(browser.findElement(By.tagName("main")).getText().contains("Störst"), "no largest mover as news");
        assertEquals(3, browser.findElements(By.cssSelector("[data-testid=role-change]")).size());
        assertTrue(byTestId("total-means").getText().matches("\\d,\\d\\d → \\d,\\d\\d"), byTestId("total-means").getText());
        assertNoSidewaysScrolling("comparison");
        screenshot("comparison-skatta-laget-" + size());
    }

    private void assertNoSidewaysScrolling(String where) {
        Object fits = browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth");
        assertEquals(Boolean.TRUE, fits, () -> where + " scrolls sideways at " + size() + ": scrollWidth "
                + browser.executeScript("return document.documentElement.scrollWidth") + " > "
                + browser.executeScript("return window.innerWidth"));
    }


}
