package se.lagesbild.importing;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.lagesbild.system.ProblemTexts.SWEDISH;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Reading the cells of .xlsx and .csv files as a person sees them, numbered as the spreadsheet numbers its rows. */
class SpreadsheetTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Test
    void xlsxCellsReadAsTheyShowWholeNumbersWithoutDecimals() throws IOException {
        byte[] file;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Svar");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("CS-01");
            header.createCell(1).setCellValue("CS-02");
            header.createCell(2).setCellValue("CS-03");
            header.createCell(4).setCellValue("CS-04");
            Row answers = sheet.createRow(3);
            answers.createCell(0).setCellValue(3.0);
            answers.createCell(1).setCellValue("Vet inte");
            answers.createCell(2).setCellFormula("1+1");
            answers.createCell(4).setCellValue(2.5);
            sheet.createRow(5).createCell(0).setCellValue("  ");
            workbook.createSheet("Annat").createRow(0).createCell(0).setCellValue("inte läst");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
            file = out.toByteArray();
        }
        Spreadsheet sheet = Spreadsheet.read("omgång.xlsx", null, file, 10);
        assertEquals(List.of(new Spreadsheet.Row(1, List.of("CS-01", "CS-02", "CS-03", "", "CS-04")),
                new Spreadsheet.Row(4, List.of("3", "Vet inte", "2", "", "2.5"))), sheet.rows());
    }

    @Test
    void csvFromSwedishExcelHasABomAndSemicolons() {
        String text = "respondentRole;SL-A1;SL-A1 kommentar\r\nledning;4;\"Ja; i budgeten\r\noch i målen\"\r\n\r\nmedarbetare;2,0;Så är det\r\n";
        Spreadsheet sheet = Spreadsheet.read("skatta.csv", "text/csv", concat(BOM, text.getBytes(StandardCharsets.UTF_8)), 10);
        assertEquals(List.of(new Spreadsheet.Row(1, List.of("respondentRole", "SL-A1", "SL-A1 kommentar")),
                new Spreadsheet.Row(2, List.of("ledning", "4", "Ja; i budgeten\r\noch i målen")),
                new Spreadsheet.Row(4, List.of("medarbetare", "2,0", "Så är det"))), sheet.rows());
    }

    @Test
    void csvWithCommasAndWithoutBomReadsToo() {
        Spreadsheet sheet = Spreadsheet.read("round.csv", "application/vnd.ms-excel", "CS-01,CS-02\n3,\"Vet inte\"\n".getBytes(StandardCharsets.UTF_8), 10);
        assertEquals(List.of(new Spreadsheet.Row(1, List.of("CS-01", "CS-02")), new Spreadsheet.Row(2, List.of("3", "Vet inte"))), sheet.rows());
    }

    @Test
    void csvThatIsNotUtf8IsReadAsWindows1252() {
        byte[] file = "CS-01;CS-01 kommentar\n3;Årlig uppföljning\n".getBytes(Charset.forName("windows-1252"));
        assertEquals("Årlig uppföljning", Spreadsheet.read("round.csv", null, file, 10).rows().get(1).cell(1));
    }

    @Test
    void moreFilledRowsThanAllowedAreRefused() {
        byte[] threeRows = "CS-01\n1\n\n2\n3\n".getBytes(StandardCharsets.UTF_8);
        SpreadsheetException e = assertThrows(SpreadsheetException.class, () -> Spreadsheet.read("round.csv", null, threeRows, 2));
        assertEquals("Filen har fler än 2 ifyllda rader under rubrikraden. En omgång som läses in kan ha högst 2 svar.", e.toProblem().problem(SWEDISH).detail());
        assertEquals(4, Spreadsheet.read("round.csv", null, threeRows, 3).rows().size());
    }

    @Test
    void filesThatAreNoSpreadsheetAreRefused() {
        assertEquals("Filen round.xlsx är ingen Excel-fil som går att läsa. Spara den som Excel-arbetsbok (.xlsx) eller CSV och försök igen.",
                assertThrows(SpreadsheetException.class, () -> Spreadsheet.read("round.xlsx", null, "CS-01\n3\n".getBytes(StandardCharsets.UTF_8), 10)).toProblem().problem(SWEDISH).detail());
        assertEquals("Filen bild.png är varken en Excel-fil (.xlsx) eller en CSV-fil.",
                assertThrows(SpreadsheetException.class, () -> Spreadsheet.read("bild.png", "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0}, 10)).toProblem().problem(SWEDISH).detail());
        SpreadsheetException broken = assertThrows(SpreadsheetException.class,
                () -> Spreadsheet.read("trasig.xlsx", null, new byte[]{'P', 'K', 3, 4, 0, 0, 0, 0}, 10));
        assertEquals("file", broken.toProblem().problem(SWEDISH).errors().get(0).field());
        SpreadsheetException unclosedQuote = assertThrows(SpreadsheetException.class,
                () -> Spreadsheet.read("round.csv", null, "CS-01\n3\n\"4\n".getBytes(StandardCharsets.UTF_8), 10));
        assertEquals("Filen kunde inte läsas som CSV från rad 3: kontrollera att citattecknen där är parvisa.", unclosedQuote.toProblem().problem(SWEDISH).detail());
    }

    @Test
    void columnsAreNamedAsInASpreadsheet() {
        assertEquals(List.of("A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"),
                List.of(0, 1, 25, 26, 27, 51, 52, 701, 702).stream().map(Spreadsheet::columnName).toList());
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
