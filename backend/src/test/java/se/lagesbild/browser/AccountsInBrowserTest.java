package se.lagesbild.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import se.lagesbild.support.Api;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The accounts from end to end in the browser: the administrator creates an organisation and its project lead;
 * the lead starts a round and invites a respondent; the respondent opens the link, sets a password, answers and
 * submits the checklist; the lead sees the scores; the lead of another organisation sees none of it.
 */
@MicronautTest(transactional = false)
class AccountsInBrowserTest extends BrowserTest {

    private static final String LEAD_PASSWORD = "projektledarens-lösenord";
    private static final String RESPONDENT_PASSWORD = "respondentens-lösenord";

    @Override
    boolean signInAsAdministratorAtStart() {
        return false;
    }

    @Test
    void adminLeadAndInvitedRespondentRunAChecklistRoundThatAnotherOrganisationCannotSee() throws IOException {
        String stamp = Long.toString(System.nanoTime());
        String organisation = "Kalmar kommun " + stamp;
        String lead = "lead-" + stamp + "@kalmar.se";
        String respondent = "resp-" + stamp + "@kalmar.se";

        // Nobody signed in: the app asks for a login
        open("/");
        wait.until(ExpectedConditions.urlContains("/logga-in"));

        // The administrator creates the organisation and its project lead
        signIn(Api.ADMIN_USERNAME, Api.ADMIN_PASSWORD);
        open("/");
        type("org-name-input", organisation);
        click("org-create");
        byTestId("org-link");
        open("/admin/anvandare");
        type("admin-user-username", lead);
        type("admin-user-password", LEAD_PASSWORD);
        click("admin-user-add-role");
        new Select(byTestId("admin-user-role-0")).selectByValue("PROJECT_LEAD");
        WebElement organisationSelect = byTestId("admin-user-role-org-0");
        wait.until(driver -> !new Select(organisationSelect).getOptions().stream()
                .filter(option -> option.getText().equals(organisation)).toList().isEmpty());
        new Select(organisationSelect).selectByVisibleText(organisation);
        click("admin-user-create");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=admin-user-list]"), lead));
        screenshot("admin-users");
        signOut();

        // The lead starts a round and invites a respondent
        signIn(lead, LEAD_PASSWORD);
        wait.until(ExpectedConditions.urlMatches("/organisationer/\\d+$"));
        WebElement label = byTestId("round-label-input");
        label.clear();
        label.sendKeys("2025");
        click("round-create");
        click("round-link");
        wait.until(ExpectedConditions.urlMatches("/omgangar/\\d+$"));
        String roundPath = browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
        type("invite-email", respondent);
        click("invite-submit");
        WebElement linkField = byTestId("invitation-link");
        wait.until(driver -> linkField.getAttribute("value").contains("/inbjudan/"));
        String invitationLink = linkField.getAttribute("value");
        screenshot("invitation");
        signOut();

        // The respondent opens the link, sets a password and lands in the response
        browser.get(invitationLink.replaceFirst("^https?://[^/]+", server.getURL().toString()));
        waitForText("invitation-organisation", organisation);
        type("invitation-password", RESPONDENT_PASSWORD);
        type("invitation-password-repeat", RESPONDENT_PASSWORD);
        click("invitation-submit");
        wait.until(ExpectedConditions.urlMatches("/svar/\\d+$"));
        int[] values = {3, 2, 4, 1, 2, 3, 3, 4, 2, 1};
        for (int i = 0; i < values.length; i++) {
            choose(String.format("CS-%02d", i + 1), Integer.toString(values[i]));
        }
        waitForText("progress", "10 av 10 besvarade");
        click("review");
        click("submit");
        wait.until(ExpectedConditions.urlMatches("/omgangar/\\d+/resultat$"));
        signOut();

        // The lead sees the scores
        signIn(lead, LEAD_PASSWORD);
        open(roundPath + "/resultat");
        waitForText("total-sum", "25 av 40");
        signOut();

        // The lead of another organisation sees none of it
        long otherOrganisation = api.createOrganisation("Borgholms kommun " + stamp);
        String otherLead = "lead-" + stamp + "@borgholm.se";
        api.post("/api/users", Map.of("username", otherLead, "password", LEAD_PASSWORD,
                "roles", List.of(Map.of("organisationId", otherOrganisation, "role", "PROJECT_LEAD"))));
        signIn(otherLead, LEAD_PASSWORD);
        open("/");
        wait.until(ExpectedConditions.urlMatches("/organisationer/" + otherOrganisation + "$"));
        assertTrue(browser.findElements(By.xpath("//*[contains(., '" + organisation + "')]")).stream()
                .noneMatch(WebElement::isDisplayed), "the other organisation's name shows up");
        open(roundPath + "/resultat");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=alert]")));
        assertTrue(error.getText().contains("finns inte"), error.getText());
        assertEquals(0, browser.findElements(By.cssSelector("[data-testid=total-sum]")).size());
    }
}
