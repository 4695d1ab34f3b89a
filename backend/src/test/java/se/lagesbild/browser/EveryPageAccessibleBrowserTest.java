package se.lagesbild.browser;

import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import se.lagesbild.support.Api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every routed page, in its empty, filled, error and result states, passes axe-core's WCAG 2.1 A/AA rules in
 * Swedish and, after switching language on the page itself, in English; after the switch no Swedish UI text
 * is left on the page and {@code <html lang>} says "en". Each page also fits a window as wide as a 1280 px
 * screen at 200 % zoom without sideways scrolling.
 */
@MicronautTest(transactional = false)
class EveryPageAccessibleBrowserTest extends BrowserTest {

    /** Shorter Swedish texts ("Öppen", "Språk") could also be part of user data or English; these are telling. */
    private static final int MEANINGFUL_LENGTH = 12;

    private final Map<String, String> pages = new LinkedHashMap<>();
    private List<String> swedishOnlyTexts;

    @BeforeAll
    void seed() throws IOException {
        swedishOnlyTexts = swedishOnlyTexts();
        long organisation = api.createOrganisation("Kalmar kommun");
        long empty = api.createOrganisation("Nybro kommun");
        long round2025 = api.checklistRound(organisation, "2025", 1, 2, 2, 1, 2, 2, 2, 2, 2, null);
        long round2028 = api.checklistRound(organisation, "2028", 2, 2, 3, 4, 2, 3, 2, 2, 2, 2);
        long round2031 = api.checklistRound(organisation, "2031", 3, 3, 3, 4, 3, 3, 2, 3, 3, 3);
        api.post("/api/rounds/" + round2025 + "/actions", Map.of("itemCode", "CS-04", "what", "Ta fram en plan för analys av statistik"));
        long skatta = api.skattaLagetRound(organisation, "2025", 5);
        long staircase = api.createRound(organisation, "jamstalldhetstrappan", "2025");
        for (int step = 1; step <= 5; step++) {
            long response = api.startResponse(staircase);
            api.answer(response, "JT", 1 + step % 4, null);
            api.post("/api/responses/" + response + "/submit", Map.of());
        }
        long openRound = api.createRound(empty, "checklist-systematik", "2025");
        long draft = api.startResponse(openRound);
        long filled = Api.id(api.post("/api/rounds/" + skatta + "/responses", Map.of("respondentRole", "ledning")));
        api.answer(filled, "SL-A1", 3, "Vi har en plan");
        api.answer(filled, "SL-A2", null, null);

        pages.put("start page, with organisations", "/");
        pages.put("instruments", "/instrument");
        pages.put("regional overview, empty", "/regional");
        pages.put("regional overview, heat map", "/regional?instrument=checklist-systematik&label=2025");
        pages.put("organisation, with rounds and trend", "/organisationer/" + organisation);
        pages.put("organisation, one open round", "/organisationer/" + empty);
        pages.put("organisation, not found", "/organisationer/987654321");
        pages.put("round page, open without responses", "/omgangar/" + openRound);
        pages.put("round page, Skatta läget with responses", "/omgangar/" + skatta);
        pages.put("response, empty checklist", "/svar/" + draft);
        pages.put("response, Skatta läget partly filled", "/svar/" + filled);
        pages.put("result, checklist", "/omgangar/" + round2028 + "/resultat");
        pages.put("result, Skatta läget by role", "/omgangar/" + skatta + "/resultat");
        pages.put("result, staircase", "/omgangar/" + staircase + "/resultat");
        pages.put("result, no responses yet", "/omgangar/" + openRound + "/resultat");
        pages.put("comparison", "/jamfor?from=" + round2025 + "&to=" + round2031);
        pages.put("comparison, rounds missing", "/jamfor");
        pages.put("accessibility statement", "/tillganglighet");
        pages.put("privacy and anonymity", "/integritet");
        pages.put("forgotten password", "/glomt-losenord");
        long someone = Api.id(api.post("/api/users", Map.of("username", "glomsk-" + java.util.UUID.randomUUID() + "@nybro.se",
                "password", Api.USER_PASSWORD, "roles", java.util.List.of())));
        String reset = (String) api.post("/api/users/" + someone + "/password-reset", Map.of()).get("link");
        pages.put("new password through a link", reset.substring(reset.indexOf("/nytt-losenord/")));
        java.util.List<Map<String, Object>> links = (java.util.List<Map<String, Object>>) api.post("/api/rounds/" + skatta + "/links",
                Map.of("emails", java.util.List.of("ny-" + java.util.UUID.randomUUID() + "@nybro.se",
                        "klar-" + java.util.UUID.randomUUID() + "@nybro.se"))).get("links");
        String fresh = (String) links.get(0).get("url");
        String done = (String) links.get(1).get("url");
        String doneToken = done.substring(done.lastIndexOf('/') + 1);
        api.anonymous().post("/api/s/" + doneToken + "/response", Map.of("respondentRole", "medarbetare"));
        api.anonymous().post("/api/s/" + doneToken + "/submit", Map.of());
        pages.put("survey link, choosing a role", fresh.substring(fresh.indexOf("/s/")));
        pages.put("survey link, thank you", done.substring(done.indexOf("/s/")));
        pages.put("administration, users", "/admin/anvandare");
        String link = (String) api.post("/api/rounds/" + openRound + "/invitations", Map.of("email", "ny@nybro.se")).get("link");
        pages.put("invitation, set a password", link.substring(link.indexOf("/inbjudan/")));
        pages.put("invitation, unknown link", "/inbjudan/" + "x".repeat(43));
        pages.put("login", "/logga-in");
        pages.put("sign-in through a provider failed", "/inloggning-misslyckades?orsak=state");
        long earlierWorkshop = workshopWithAnswers(organisation, "Trappan 2025", 5, true);
        long workshop = workshopWithAnswers(organisation, "Trappan 2028", 5, false);
        String workshopCode = (String) api.get("/api/workshops/" + workshop).get("code");
        pages.put("workshops", "/workshoppar");
        pages.put("workshop control, results hidden", "/workshoppar/" + workshop);
        pages.put("workshop control, revealed", "/workshoppar/" + earlierWorkshop);
        pages.put("workshop presenter, revealed", "/workshoppar/" + earlierWorkshop + "/visning");
        pages.put("workshop join, code box", "/w");
        pages.put("workshop summary", "/workshoppar/" + earlierWorkshop + "/sammanfattning");
        pages.put("workshops compared", "/workshoppar/jamfor?from=" + earlierWorkshop + "&to=" + workshop);
        pages.put("workshop participant, joining", "/w/" + workshopCode);
        pages.put("first run, closed", "/forsta-start");
        pages.put("page not found", "/finns-inte");

        // Each role's own start, for the screenshots: where a project lead, a respondent and a facilitator land.
        roleUsers.put("project lead", user("PROJECT_LEAD", organisation));
        roleUsers.put("respondent", user("RESPONDENT", organisation));
        roleUsers.put("facilitator", user("FACILITATOR", organisation));
        presenterHidden = "/workshoppar/" + workshop + "/visning";
    }

    private final Map<String, String> roleUsers = new LinkedHashMap<>();
    private String presenterHidden;

    /** A new account with one role in the organisation; answers its username (the password is Api.USER_PASSWORD). */
    private String user(String role, long organisation) {
        String username = role.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + java.util.UUID.randomUUID()
                + "@kalmar.se";
        api.post("/api/users", Map.of("username", username, "password", Api.USER_PASSWORD,
                "roles", List.of(Map.of("organisationId", organisation, "role", role))));
        return username;
    }

    /** A staircase workshop of the organisation, open, with this many participants' answers, revealed or not. */
    private long workshopWithAnswers(long organisation, String title, int participants, boolean revealed) {
        long id = Api.id(api.post("/api/workshops", Map.of("title", title, "organisationId", organisation)));
        api.post("/api/workshops/" + id + "/open", Map.of());
        String code = (String) api.get("/api/workshops/" + id).get("code");
        for (int i = 0; i < participants; i++) {
            String token = (String) api.anonymous().post("/api/w/" + code + "/join", Map.of("group", "Bord " + (1 + i % 2)))
                    .get("participantToken");
            api.anonymous().send(io.micronaut.http.HttpRequest.PUT("/api/w/" + code + "/answer", Map.of("value", 1 + i % 4))
                    .header("X-Participant-Token", token));
        }
        if (revealed) {
            api.post("/api/workshops/" + id + "/reveal", Map.of());
        }
        return id;
    }

    /** Switches the language with the header's switch; for a bare page, on another page, then back to it. */
    private void switchLanguage(String language, String barePage) {
        if (barePage != null) {
            open("/tillganglighet");
            waitForPage();
        }
        click("lang-" + language);
        wait.until(driver -> language.equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
        if (barePage != null) {
            open(barePage);
            wait.until(driver -> language.equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
        }
    }

    @Test
    void everyPageAndStateHasNoViolationsInSwedishOrEnglishAndNoSwedishLeftAfterSwitching() {
        for (var page : pages.entrySet()) {
            open(page.getValue());
            waitForPage();
            assertEquals("sv", browser.findElement(By.tagName("html")).getAttribute("lang"));
            assertAccessible(page.getKey() + ", Swedish");

            // A page without the app's header (the workshop's presenter view) follows the language chosen elsewhere.
            boolean bare = browser.findElements(By.cssSelector("[data-testid=lang-en]")).isEmpty();
            switchLanguage("en", bare ? page.getValue() : null);
            waitForPage();
            assertNoSwedishUiText(page.getKey());
            assertAccessible(page.getKey() + ", English");
            switchLanguage("sv", bare ? page.getValue() : null);
        }
    }

    @Test
    void errorStatesOfTheFormsHaveNoViolations() {
        open("/");
        waitForPage();
        click("org-create");
        assertAlertTiedTo("org-name-input");
        assertAccessible("start page, name missing");

        open("/instrument");
        waitForPage();
        click("instrument-upload");
        assertAlertTiedTo("instrument-text");
        assertAccessible("instruments, nothing to upload");

        open("/regional");
        waitForPage();
        // Selection and deletion as a person types them (clear() fires no input event for Vue's v-model).
        byTestId("regional-label").sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        click("regional-go");
        assertAlertTiedTo("regional-label");
        assertAccessible("regional overview, label missing");
    }

    /**
     * Every page and state, on a phone (360 px), a tablet (768 px) and an office screen (1366 px), in Swedish and in
     * English: no page wider than the window, and no button or link cut off by its edge (unless it sits in a
     * scroll container it belongs to, such as a wide table's on a tablet); on the phone (where tables stack into
     * cards) and the office screen no table hides columns to the right. Fails naming the page, the state and the
     * element.
     */
    @Test
    void everyPageFitsPhoneTabletAndOfficeScreensInSwedishAndEnglish() {
        List<String> problems = new ArrayList<>();
        try {
            for (String language : List.of("sv", "en")) {
                open("/tillganglighet");
                browser.executeScript("window.localStorage.setItem('lagesbild.locale', arguments[0])", language);
                for (int width : new int[] {360, 768, 1366}) {
                    browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 800,
                            "deviceScaleFactor", 1, "mobile", width < 800));
                    for (var page : pages.entrySet()) {
                        open(page.getValue());
                        waitForPage();
                        String where = page.getKey() + ", " + language + ", " + width + " px: ";
                        // A table may scroll sideways on a tablet; below 768 px it stacks, on an office screen it fits.
                        ((List<?>) browser.executeScript(LAYOUT_PROBLEMS, width != 768)).forEach(problem -> problems.add(where + problem));
                    }
                }
            }
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            browser.executeScript("window.localStorage.setItem('lagesbild.locale', 'sv')");
        }
        assertEquals(List.of(), problems, "layout problems");
    }

    /**
     * The page's width over the window's, every visible button or link partly outside the window and, when
     * the argument is true, every table that needs sideways scrolling to show all its columns.
     */
    private static final String LAYOUT_PROBLEMS = """
            const problems = [];
            const width = window.innerWidth;
            const overflow = document.documentElement.scrollWidth - width;
            if (overflow > 0) problems.push('the page is ' + overflow + ' px wider than the window');
            const inScrollContainer = (element) => {
              for (let parent = element.parentElement; parent; parent = parent.parentElement) {
                const style = getComputedStyle(parent);
                if (style.overflowX === 'auto' || style.overflowX === 'scroll') return true;
              }
              return false;
            };
            for (const element of document.querySelectorAll('a[href], button')) {
              const box = element.getBoundingClientRect();
              if (box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === 'hidden') continue;
              const clipped = (box.left < -1 && box.right > 0) || (box.left < width && box.right > width + 1);
              if (clipped && !inScrollContainer(element)) {
                const name = (element.getAttribute('data-testid') || element.textContent || '').trim().slice(0, 40);
                problems.push(element.tagName.toLowerCase() + ' "' + name + '" cut off at ' + Math.round(box.left) + '–'
                    + Math.round(box.right) + ' px');
              }
            }
            if (arguments[0]) {
              for (const table of document.querySelectorAll('.table-wrap')) {
                const hidden = table.scrollWidth - table.clientWidth;
                if (hidden > 1) problems.push('the table "' + (table.querySelector('caption')?.textContent || '').trim().slice(0, 40)
                    + '" hides ' + hidden + ' px to the right');
              }
            }
            return problems;
            """;

    @Test
    void everyPageFitsA200PercentZoomWithoutSidewaysScrolling() {
        // A 1280 px wide window at 200 % zoom lays the page out in 640 CSS pixels.
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 640, "height", 500,
                "deviceScaleFactor", 2, "mobile", false));
        try {
            List<String> overflowing = new ArrayList<>();
            for (var page : pages.entrySet()) {
                open(page.getValue());
                waitForPage();
                Number overflow = (Number) browser.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
                if (overflow.intValue() > 0) {
                    overflowing.add(page.getKey() + " by " + overflow + " px");
                }
            }
            assertEquals(List.of(), overflowing, "pages wider than the window at 200 % zoom");
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /**
     * A picture of every page and state above, and of each role's start page, at 360 px (a phone) and 1366 px
     * (an office screen) in Swedish, at 360 px in English, and the workshop's presenter view also at 1920 px (a
     * projector): into target/screenshots/pages, with a README listing them, for docs/screenshots.sh to copy
     * into docs/images/pages.
     */
    @Test
    void screenshotsOfEveryPageOnAPhoneAndAnOfficeScreen() throws IOException {
        Files.createDirectories(PAGE_SHOTS);
        List<String> index = new ArrayList<>();
        try {
            for (String language : List.of("sv", "en")) {
                open("/tillganglighet");
                browser.executeScript("window.localStorage.setItem('lagesbild.locale', arguments[0])", language);
                for (int width : language.equals("sv") ? new int[] {360, 1366} : new int[] {360}) {
                    viewport(width, width < 800 ? 740 : 800);
                    for (var page : pages.entrySet()) {
                        index.add(shoot(page.getKey(), page.getValue(), language, width));
                    }
                }
            }
            browser.executeScript("window.localStorage.setItem('lagesbild.locale', 'sv')");
            viewport(1920, 1080);
            index.add(shoot("workshop presenter, revealed", pages.get("workshop presenter, revealed"), "sv", 1920));
            index.add(shoot("workshop presenter, results hidden", presenterHidden, "sv", 1920));
            for (var role : roleUsers.entrySet()) {
                browser.manage().deleteAllCookies();
                viewport(1366, 800);
                signIn(role.getValue(), Api.USER_PASSWORD);
                java.net.URI here = java.net.URI.create(browser.getCurrentUrl());
                String start = here.getRawPath() + (here.getRawQuery() == null ? "" : "?" + here.getRawQuery());
                for (int width : new int[] {360, 1366}) {
                    viewport(width, width < 800 ? 740 : 800);
                    index.add(shoot(role.getKey() + ", start page", start, "sv", width));
                }
            }
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            browser.executeScript("window.localStorage.setItem('lagesbild.locale', 'sv')");
            browser.manage().deleteAllCookies();
            signIn(Api.ADMIN_USERNAME, Api.ADMIN_PASSWORD);
        }
        Files.writeString(PAGE_SHOTS.resolve("README.md"), """
                # Every page, at 360 px and 1366 px

                Written by `EveryPageAccessibleBrowserTest` (backend/src/test/java/se/lagesbild/browser) and copied
                here by `docs/screenshots.sh`: each routed page and state at 360 px (a phone) and 1366 px (an office
                screen) in Swedish, at 360 px in English, the workshop's presenter view at 1920 px (a projector), and
                the start page of each role. The whole page, not only its first screen. Do not edit: run the script.

                | Page and state | Address | Pictures |
                | --- | --- | --- |
                """ + String.join("\n", index) + "\n");
        assertTrue(index.size() > pages.size() * 3, "pictures taken: " + index.size());
    }

    private static final Path PAGE_SHOTS = Path.of("target", "screenshots", "pages");

    private void viewport(int width, int height) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 800));
    }

    /** Opens the page, takes the whole of it as a PNG and answers its line in the README's table. */
    private String shoot(String name, String path, String language, int width) throws IOException {
        open(path);
        waitForPage();
        String file = slug(name) + "-" + (language.equals("sv") ? "" : language + "-") + width + ".png";
        Number height = (Number) browser.executeScript(
                "return Math.min(Math.max(document.documentElement.scrollHeight, window.innerHeight), 12000)");
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.write(PAGE_SHOTS.resolve(file), java.util.Base64.getDecoder().decode((String) shot.get("data")));
        String address = path.replaceAll("/(s|w|inbjudan|nytt-losenord)/[^/?]{6,}", "/$1/…");
        return "| " + name + " (" + language + ", " + width + " px) | `" + address + "` | [" + file + "](" + file + ") |";
    }

    private static String slug(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** The page's heading (or its error) is there and nothing is loading any more. */
    private void waitForPage() {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1, main .alert")));
        wait.until(driver -> driver.findElements(By.cssSelector("main .loading")).isEmpty());
    }

    private void assertAlertTiedTo(String fieldTestId) {
        var field = byTestId(fieldTestId);
        wait.until(driver -> "true".equals(field.getAttribute("aria-invalid")));
        String describedBy = field.getAttribute("aria-describedby");
        assertTrue(describedBy != null && !describedBy.isBlank(), fieldTestId + " names its error");
        boolean announced = false;
        for (String id : describedBy.split("\\s+")) {
            var described = browser.findElements(By.id(id));
            announced |= !described.isEmpty() && "alert".equals(described.get(0).getAttribute("role"));
        }
        assertTrue(announced, fieldTestId + " is described by an alert: " + describedBy);
    }

    private void assertNoSwedishUiText(String where) {
        // Text marked lang="sv" is Swedish on purpose: the language switch's "Svenska".
        String text = (String) browser.executeScript("""
                let text = document.body.innerText;
                for (const swedish of document.querySelectorAll('body [lang=sv]')) text = text.split(swedish.innerText).join(' ');
                return text;
                """);
        List<String> left = swedishOnlyTexts.stream().filter(text::contains).toList();
        assertEquals(List.of(), left, where + ": Swedish UI text still shown in English");
    }

    /**
     * The fixed parts (around {placeholders}) of sv.json's texts that differ from English, long enough to be
     * telling, and found in no English text.
     */
    private List<String> swedishOnlyTexts() throws IOException {
        Map<String, String> sv = flatten(messages("sv"), "");
        Map<String, String> en = flatten(messages("en"), "");
        List<String> texts = new ArrayList<>();
        sv.forEach((key, value) -> {
            if (value.equals(en.get(key))) {
                return;
            }
            for (String fragment : value.split("\\{[^}]*}")) {
                String trimmed = fragment.strip();
                if (trimmed.length() >= MEANINGFUL_LENGTH && en.values().stream().noneMatch(english -> english.contains(trimmed))) {
                    texts.add(trimmed);
                }
            }
        });
        assertTrue(texts.size() > 100, "Swedish texts to look for: " + texts.size());
        return texts;
    }

    private Map<String, Object> messages(String language) throws IOException {
        byte[] file = Files.readAllBytes(Path.of("..", "frontend", "src", "i18n", language + ".json"));
        return json.readValue(file, Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> flatten(Map<String, Object> messages, String prefix) {
        Map<String, String> flat = new LinkedHashMap<>();
        messages.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                flat.putAll(flatten((Map<String, Object>) nested, prefix + key + "."));
            } else {
                flat.put(prefix + key, String.valueOf(value));
            }
        });
        return flat;
    }
}
