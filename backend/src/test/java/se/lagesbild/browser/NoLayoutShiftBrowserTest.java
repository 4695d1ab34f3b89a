package se.lagesbild.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing on the page jumps: not while it loads (the header keeps the size it will have once the signed-in
 * user is known) and not when the language is switched (the page's heading stays where it was, on a phone and
 * on an office screen), and the page's description follows the language. Measured in the browser: the Layout Instability API's cumulative layout shift (CLS)
 * while loading, the heading's position around pressing "English".
 */
@MicronautTest(transactional = false)
class NoLayoutShiftBrowserTest extends BrowserTest {

    /** "Good" CLS is below 0.1 by Google's measure; our pages should not move at all. */
    private static final double NO_SHIFT = 0.01;

    private final Map<String, String> pages = new LinkedHashMap<>();

    @BeforeAll
    void seed() {
        long organisation = api.createOrganisation("Vimmerby kommun");
        long round = api.checklistRound(organisation, "2025", 1, 2, 2, 1, 2, 2, 2, 2, 2, null);
        pages.put("start page", "/");
        pages.put("organisation", "/organisationer/" + organisation);
        pages.put("result", "/omgangar/" + round + "/resultat");
        pages.put("workshops", "/workshoppar");
        pages.put("accessibility statement", "/tillganglighet");
    }

    @Test
    void pagesDoNotShiftWhileLoadingNorWhenTheLanguageIsSwitched() {
        List<String> shifts = new ArrayList<>();
        try {
            for (int width : new int[] {360, 1366}) {
                browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 800,
                        "deviceScaleFactor", 1, "mobile", width < 800));
                for (var page : pages.entrySet()) {
                    String where = page.getKey() + " at " + width + " px";
                    open(page.getValue());
                    waitForPage();
                    Map<?, ?> loading = layoutShifts();
                    if (((Number) loading.get("sum")).doubleValue() > NO_SHIFT) {
                        shifts.add(where + ": layout shift " + loading.get("sum") + " while loading: " + loading.get("moved"));
                    }
                    Map<?, ?> before = headingBox();
                    click("lang-en");
                    wait.until(driver -> "en".equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
                    Map<?, ?> after = headingBox();
                    if (!before.equals(after)) {
                        shifts.add(where + ": the heading moved from " + before + " to " + after + " on switching to English");
                    }
                    String description = browser.findElement(By.cssSelector("meta[name=description]")).getAttribute("content");
                    assertTrue(description.contains("gender mainstreaming"), where + ": the page's description in English: " + description);
                    click("lang-sv");
                    wait.until(driver -> "sv".equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
                }
            }
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
        assertEquals(List.of(), shifts, "layout shifts");
    }

    /**
     * The sum of the page's layout shifts so far that no input caused (the CLS of a short visit) and the
     * elements that moved, for the failure message.
     */
    private Map<?, ?> layoutShifts() {
        return (Map<?, ?>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                let sum = 0;
                const moved = [];
                new PerformanceObserver((list) => {
                  for (const entry of list.getEntries()) {
                    if (entry.hadRecentInput) continue;
                    sum += entry.value;
                    for (const s of entry.sources || []) moved.push((s.node ? s.node.nodeName + '.' + (s.node.className || '') : '?')
                      + ' ' + JSON.stringify(s.previousRect) + ' → ' + JSON.stringify(s.currentRect));
                  }
                }).observe({ type: 'layout-shift', buffered: true });
                setTimeout(() => done({ sum, moved: moved.join('; ') }), 300);
                """);
    }

    /** Where the page's heading starts, in whole CSS pixels. */
    private Map<?, ?> headingBox() {
        return (Map<?, ?>) browser.executeScript("""
                const box = document.querySelector('main h1').getBoundingClientRect();
                return { top: Math.round(box.top + window.scrollY), left: Math.round(box.left) };
                """);
    }

    private void waitForPage() {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));
        wait.until(driver -> driver.findElements(By.cssSelector("main .loading")).isEmpty());
    }
}
