package se.lagesbild.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A project lead loads the organisation's 2025 checklist, done on paper, from an Excel file; fills in 2028
 * in the app; compares the two and reads which item moved most. By hand: CS-04 went from 1 to 4 (+3), more
 * than any other item (CS-06 +1, the rest unchanged).
 */
@MicronautTest(transactional = false)
class ImportAndCompareBrowserTest extends BrowserTest {

    private static final int[] VALUES_2025 = {1, 2, 2, 1, 2, 2, 2, 2, 2, 2};
    private static final int[] VALUES_2028 = {2, 2, 2, 4, 2, 3, 2, 2, 2, 2};

    @Test
    void leadImportsThe2025RoundFillsIn2028AndReadsTheItemThatMovedMostFirst() throws IOException {
        long organisationId = api.createOrganisation("Mörbylånga kommun");
        Path spreadsheet = checklistWorkbook(VALUES_2025);

        open("/organisationer/" + organisationId);
        byTestId("import-file").sendKeys(spreadsheet.toAbsolutePath().toString());
        new Select(byTestId("import-instrument")).selectByValue("checklist-systematik");
        byTestId("import-label").clear();
        byTestId("import-label").sendKeys("2025");
        click("import-go");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//a[@data-testid='round-link'][contains(., '2025')]")));
        assertAccessible("organisation page, after an import");

        var label = byTestId("round-label-input");
        label.clear();
        label.sendKeys("2028");
        new Select(byTestId("instrument-select")).selectByValue("checklist-systematik");
        click("round-create");
        click(By.xpath("//a[@data-testid='round-link'][contains(., '2028')]"));
        click("response-create");
        wait.until(ExpectedConditions.urlMatches("/svar/\\d+$"));
        for (int i = 0; i < VALUES_2028.length; i++) {
            choose(String.format("CS-%02d", i + 1), Integer.toString(VALUES_2028[i]));
        }
        click("review");
        click("submit");
        wait.until(ExpectedConditions.urlMatches("/omgangar/\\d+/resultat$"));

        List<Map<String, Object>> rounds = api.getList("/api/organisations/" + organisationId + "/rounds");
        String round2025 = roundId(rounds, "2025");
        String round2028 = roundId(rounds, "2028");
        open("/organisationer/" + organisationId);
        new Select(byTestId("compare-from")).selectByValue(round2025);
        new Select(byTestId("compare-to")).selectByValue(round2028);
        click("compare-go");

        assertTrue(byTestId("clear-single").getText().contains("besvaras av en person"),
                "one person's checklist has no clear changes to headline");
        assertEquals(10, browser.findElements(By.cssSelector("[data-testid=item-change]")).size());
        String first = browser.findElements(By.cssSelector("[data-testid=item-change]")).get(0).getText();
        assertTrue(first.contains("CS-04") && first.contains("+3,00"), "the item that rose most comes first: " + first);
        assertAccessible("comparison, imported 2025 and 2028");
        screenshot("comparison");
    }

    private static String roundId(List<Map<String, Object>> rounds, String label) {
        return rounds.stream().filter(round -> label.equals(round.get("label"))).map(round -> round.get("id").toString())
                .findFirst().orElseThrow(() -> new AssertionError("no round " + label + " in " + rounds));
    }

    private static Path checklistWorkbook(int[] values) throws IOException {
        Path file = Files.createTempFile("checklista-2025", ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Checklista 2025");
            Row header = sheet.createRow(0);
            Row answers = sheet.createRow(1);
            for (int i = 0; i < values.length; i++) {
                header.createCell(i).setCellValue(String.format("CS-%02d", i + 1));
                answers.createCell(i).setCellValue(values[i]);
            }
            workbook.write(out);
        }
        return file;
    }
}
