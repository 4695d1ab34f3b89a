package se.lagesbild.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import se.lagesbild.support.IdentityProvider;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signing in with the organisation's account, as a person does: the login page's "Logga in med Lunds kommun" →
 * the provider's own login form → back in Lägesbild, signed in. The first time the account is new and has no role,
 * and the start page says what to do; once an administrator has made the person a processledare, the same button
 * leads straight to the workshops, their start page. Logging out offers the provider's logout too.
 */
@MicronautTest(transactional = false)
class SingleSignOnBrowserTest extends BrowserTest {

    /** The provider, with its interactive login form; one per test class (the phone's too). */
    private IdentityProvider provider;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        provider = new IdentityProvider(true);
        properties.putAll(provider.properties(""));
        return properties;
    }

    @Override
    int[] windowSize() {
        return new int[] {1366, 900};
    }

    @Override
    boolean signInAsAdministratorAtStart() {
        return false;
    }

    @AfterAll
    void stopProvider() {
        provider.stop();
    }

    String size() {
        return "1366";
    }

    @Test
    void theProvidersButtonLeadsThroughItsLoginFormBackSignedInOnTheRolesStartPage() throws IOException {
        String stamp = Long.toString(System.nanoTime());
        String username = "sara-" + stamp + "@lund.se";

        open("/logga-in");
        assertEquals("Logga in med Lunds kommun", byTestId("login-provider-" + IdentityProvider.ID).getText());
        byTestId("login-form");
        assertAccessible("login page with a provider");
        screenshot("sso-login-" + size());

        signInAtTheProvider(stamp, username);
        // A new account without a role: the start page says so, and what happens next.
        String notice = byTestId("no-organisations").getText();
        assertTrue(notice.contains("Ditt konto är skapat") && notice.contains("administratör"), notice);
        screenshot("sso-first-sign-in-" + size());

        // The administrator makes the person a processledare in an organisation.
        long organisation = api.createOrganisation("Lunds kommun " + stamp);
        Map<String, Object> user = api.getList("/api/users").stream().filter(u -> username.equals(u.get("username"))).findFirst().orElseThrow();
        assertEquals(List.of("Lunds kommun"), user.get("signsInWith"));
        api.put("/api/users/" + user.get("id") + "/roles", Map.of("roles", List.of(Map.of("organisationId", organisation, "role", "FACILITATOR"))));

        // Logging out offers the provider's own logout.
        signOut();
        wait.until(ExpectedConditions.urlContains("utloggad=" + IdentityProvider.ID));
        assertTrue(byTestId("login-provider-logout").getText().contains("Logga ut även från Lunds kommun"));
        screenshot("sso-signed-out-" + size());

        signInAtTheProvider(stamp, username);
        wait.until(ExpectedConditions.urlContains("/workshoppar"));
        byTestId("user-menu");
        screenshot("sso-facilitator-start-" + size());

        // The administrator sees on the users page who signs in through the provider, and the password form's switch.
        signOut();
        signIn(se.lagesbild.support.Api.ADMIN_USERNAME, se.lagesbild.support.Api.ADMIN_PASSWORD);
        open("/admin/anvandare");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=admin-user-list]"),
                username + "\nLoggar in med Lunds kommun"));
        assertTrue(byTestId("sign-in-settings").getText().contains("Identitetsleverantörer: Lunds kommun."));
        browser.executeScript("arguments[0].scrollIntoView({block: 'start'})", byTestId("sign-in-settings"));
        screenshot("sso-users-page-" + size());
    }

    @Test
    void aSignInThatGoesWrongEndsOnAPageThatSaysWhyAndSignsNobodyIn() throws IOException {
        open("/api/auth/oidc/" + IdentityProvider.ID + "/callback?code=abc&state=nagon-annans");
        wait.until(ExpectedConditions.urlContains("/inloggning-misslyckades?orsak=state"));
        assertTrue(byTestId("sign-in-failed-reason").getText().contains("påbörjades i en annan webbläsare"));
        assertAccessible("sign-in error page");
        screenshot("sso-error-" + size());
        click("sign-in-failed-retry");
        wait.until(ExpectedConditions.urlContains("/logga-in"));
    }

    /** From the login page: the provider's button, its login form filled in, and back in Lägesbild. */
    private void signInAtTheProvider(String stamp, String username) throws IOException {
        click("login-provider-" + IdentityProvider.ID);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        if (!java.nio.file.Files.exists(java.nio.file.Path.of("target", "screenshots", "sso-provider-form-" + size() + ".png"))) {
            screenshot("sso-provider-form-" + size());
        }
        browser.findElement(By.name("username")).sendKeys("sara-" + stamp);
        browser.findElement(By.name("claims")).sendKeys("{\"preferred_username\": \"" + username + "\", \"name\": \"Sara Lind\"}");
        browser.findElement(By.cssSelector("input[type=submit]")).click();
        wait.until(driver -> driver.getCurrentUrl().startsWith(server.getURL().toString()) && !driver.getCurrentUrl().contains("/api/"));
        byTestId("user-menu");
    }
}
