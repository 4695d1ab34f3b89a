package se.lagesbild.importing;

import org.junit.jupiter.api.Test;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.response.GivenResponse;
import se.lagesbild.response.GivenResponse.GivenAnswer;
import se.lagesbild.system.Problem.FieldError;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.lagesbild.system.ProblemTexts.SWEDISH;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.lagesbild.importing.Instruments.CHECKLIST;
import static se.lagesbild.importing.Instruments.SKATTA_LAGET;
import static se.lagesbild.importing.Instruments.STAIRCASE;

/** Reading and checking a past round's rows, as a pure function of the instrument and the sheet. */
class SpreadsheetRoundTest {

    @Test
    void eachRowIsOneResponseWithItsValuesVetInteAndComments() {
        List<GivenResponse> responses = read(CHECKLIST, """
                CS-03;CS-01;CS-01 kommentar;CS-02;CS-04
                4;2;Beslut i nämnden;vet inte;
                3.0;;;1;VET INTE
                """);
        assertEquals(List.of(
                new GivenResponse(null, List.of(new GivenAnswer("CS-03", 4, null), new GivenAnswer("CS-01", 2, "Beslut i nämnden"),
                        new GivenAnswer("CS-02", null, null))),
                new GivenResponse(null, List.of(new GivenAnswer("CS-03", 3, null), new GivenAnswer("CS-02", 1, null),
                        new GivenAnswer("CS-04", null, null)))), responses);
    }

    @Test
    void rolesAreReadWhereTheInstrumentHasThem() {
        List<GivenResponse> responses = read(SKATTA_LAGET, """
                SL-A1,respondentRole
                4,ledning
                1,medarbetare
                """);
        assertEquals(List.of("ledning", "medarbetare"), responses.stream().map(GivenResponse::respondentRole).toList());
    }

    @Test
    void everyProblemIsReportedWithItsRowAndColumn() {
        SpreadsheetException e = problems(CHECKLIST, """
                CS-01;CS-02;CS-11;CS-03
                7;2;;x
                2;2.5;3;
                """);
        assertEquals("Filen har 4 fel; inget har lästs in.", e.toProblem().problem(SWEDISH).detail());
        assertEquals(List.of(
                new FieldError("CS-11", "Kolumn C (CS-11): det finns inget påstående CS-11 i Checklista för systematik (version 1). "
                        + "Rubrikerna kan vara påståendenas koder (CS-01, CS-02, CS-03, CS-04, CS-05, CS-06, CS-07, CS-08, CS-09, CS-10) "
                        + "och kommentarer som ”CS-01 kommentar”."),
                new FieldError("rad 2, kolumn A", "Rad 2, kolumn A (CS-01): värdet 7 finns inte på skalan. Tillåtna värden: 1, 2, 3, 4 eller Vet inte."),
                new FieldError("rad 2, kolumn D", "Rad 2, kolumn D (CS-03): värdet ”x” finns inte på skalan. Tillåtna värden: 1, 2, 3, 4 eller Vet inte."),
                new FieldError("rad 3, kolumn B", "Rad 3, kolumn B (CS-02): värdet 2.5 finns inte på skalan. Tillåtna värden: 1, 2, 3, 4 eller Vet inte.")),
                e.toProblem().problem(SWEDISH).errors());
    }

    @Test
    void oneProblemIsToldInTheDetailItself() {
        SpreadsheetException e = problems(CHECKLIST, "CS-01\n5\n");
        assertEquals("Filen har 1 fel; inget har lästs in. Rad 2, kolumn A (CS-01): värdet 5 finns inte på skalan. "
                + "Tillåtna värden: 1, 2, 3, 4 eller Vet inte.", e.toProblem().problem(SWEDISH).detail());
    }

    @Test
    void vetInteIsRefusedWhereTheInstrumentHasNoSuchChoice() {
        assertEquals(List.of(new FieldError("rad 3, kolumn A", "Rad 3, kolumn A (JT): värdet ”Vet inte” finns inte på skalan. "
                + "Tillåtna värden: 1, 2, 3, 4.")), problems(STAIRCASE, "JT\n2\nVet inte\n").toProblem().problem(SWEDISH).errors());
    }

    @Test
    void rolesAreRequiredWhereTheInstrumentHasThem() {
        FieldError missingColumn = problems(SKATTA_LAGET, "SL-A1\n3\n").toProblem().problem(SWEDISH).errors().get(0);
        assertEquals(new FieldError("respondentRole", "Kolumnen respondentRole saknas. Skatta läget – jämställd socialtjänst frågar "
                + "efter roll: lägg till kolumnen med en roll på varje rad, någon av ledning (Ledning), stodfunktion (Stödfunktion), "
                + "medarbetare (Medarbetare)."), missingColumn);

        List<FieldError> errors = problems(SKATTA_LAGET, "respondentRole;SL-A1\nchef;3\n;2\nledning;1\n").toProblem().problem(SWEDISH).errors();
        assertEquals(List.of("rad 2, kolumn A", "rad 3, kolumn A"), errors.stream().map(FieldError::field).toList());
        assertEquals("Rad 2, kolumn A (respondentRole): rollen ”chef” finns inte i Skatta läget – jämställd socialtjänst. "
                + "Tillåtna roller: ledning (Ledning), stodfunktion (Stödfunktion), medarbetare (Medarbetare).", errors.get(0).message());
        assertTrue(errors.get(1).message().startsWith("Rad 3, kolumn A (respondentRole): rollen saknas. Tillåtna roller: ledning"),
                errors.get(1).message());
    }

    @Test
    void aRoleColumnIsRefusedWhereTheInstrumentHasNoRoles() {
        assertEquals(List.of(new FieldError("respondentRole", "Kolumn A (respondentRole): Checklista för systematik frågar inte "
                + "efter roll; ta bort kolumnen.")), problems(CHECKLIST, "respondentRole;CS-01\nledning;3\n").toProblem().problem(SWEDISH).errors());
    }

    @Test
    void headerProblemsNameTheColumn() {
        List<FieldError> errors = problems(CHECKLIST, """
                CS-01;CS-05 kommentar;CS-01;Cs-02;;CS-01 kommentar
                3;Rapport;2;2;x;
                ;;;;;Utan svar
                """).toProblem().problem(SWEDISH).errors();
        assertTrue(errors.get(1).message().startsWith("Kolumn D (Cs-02): det finns inget påstående Cs-02 i Checklista"),
                "item codes are matched exactly: " + errors.get(1).message());
        assertEquals(List.of(
                "Kolumn C (CS-01): samma rubrik finns redan i kolumn A. Varje rubrik får finnas en gång.",
                errors.get(1).message(),
                "Kolumn E saknar rubrik men har värden, till exempel på rad 2. Ge den ett påstående som rubrik eller töm den.",
                "Kolumn B (CS-05 kommentar): det finns ingen kolumn CS-05 med svar att kommentera. Lägg till kolumnen eller ta bort kommentarerna.",
                "Rad 3, kolumn F (CS-01 kommentar): kommentaren hör till CS-01, som inte är besvarat på raden. Fyll i ett värde i kolumn A "
                        + "eller ta bort kommentaren."),
                errors.stream().map(FieldError::message).toList());
        assertEquals(List.of("CS-01", "Cs-02", "kolumn E", "CS-05 kommentar", "rad 3, kolumn F"), errors.stream().map(FieldError::field).toList());
    }

    @Test
    void aHeaderWithoutItemsOrNoRowsBelowItIsRefused() {
        assertEquals(new FieldError("file", "Rubrikraden (rad 1) har ingen kolumn med ett påstående. Rubrikerna ska vara "
                + "påståendenas koder: CS-01, CS-02, CS-03, CS-04, CS-05, CS-06, CS-07, CS-08, CS-09, CS-10."),
                problems(CHECKLIST, "CS-01 kommentar\nBra\n").toProblem().problem(SWEDISH).errors().get(0));
        assertEquals(List.of(new FieldError("file", "Filen har inga svar: under rubrikraden (rad 2) finns ingen ifylld rad. "
                + "Varje rad efter rubrikraden är en persons svar.")), problems(CHECKLIST, "\nCS-01;CS-02\n;\n").toProblem().problem(SWEDISH).errors());
        SpreadsheetException empty = assertThrows(SpreadsheetException.class, () -> SpreadsheetRound.read(CHECKLIST, new Spreadsheet(List.of())));
        assertTrue(empty.toProblem().problem(SWEDISH).detail().startsWith("Filen är tom."), empty.toProblem().problem(SWEDISH).detail());
    }

    @Test
    void aLongCommentIsRefused() {
        List<FieldError> errors = problems(CHECKLIST, "CS-01;CS-01 kommentar\n2;" + "x".repeat(4001) + "\n").toProblem().problem(SWEDISH).errors();
        assertEquals(List.of(new FieldError("rad 2, kolumn B", "Rad 2, kolumn B (CS-01 kommentar): kommentaren är 4001 tecken; "
                + "den får vara högst 4000 tecken.")), errors);
    }

    @Test
    void aFileFullOfErrorsListsTheFirstTwoHundredAndCountsThemAll() {
        String rows = IntStream.range(0, 300).mapToObj(i -> "9").collect(Collectors.joining("\n"));
        SpreadsheetException e = problems(CHECKLIST, "CS-01\n" + rows + "\n");
        assertEquals("Filen har 300 fel; inget har lästs in. De första 200 visas.", e.toProblem().problem(SWEDISH).detail());
        assertEquals(200, e.toProblem().problem(SWEDISH).errors().size());
        assertEquals("rad 201, kolumn A", e.toProblem().problem(SWEDISH).errors().get(199).field());
    }

    private static List<GivenResponse> read(InstrumentDefinition instrument, String csv) {
        return SpreadsheetRound.read(instrument, sheet(csv));
    }

    private static SpreadsheetException problems(InstrumentDefinition instrument, String csv) {
        return assertThrows(SpreadsheetException.class, () -> read(instrument, csv),
                () -> "expected problems in " + Arrays.toString(csv.split("\n")));
    }

    private static Spreadsheet sheet(String csv) {
        return Spreadsheet.read("round.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8), 5000);
    }
}
