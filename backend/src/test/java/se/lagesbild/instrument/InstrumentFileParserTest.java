package se.lagesbild.instrument;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The definition file format: the shipped checklist parses, and a broken file is refused with a message that
 * names the file, the (1-based) line and the field. Line numbers in the comments count the text block's lines.
 */
class InstrumentFileParserTest {

    private static final String CHECKLIST = "instruments/checklist-systematik/v1.yaml";
    private static final String FILE = "instruments/demo/v1.yaml";

    /** A small valid file; the broken files below are copies of it with one mistake. */
    private static final String VALID = """
            code: demo
            version: 1
            title: Demo
            kind: questionnaire
            respondents: multiple
            scale:
              - value: 1
                label: Low
              - value: 2
                label: High
            parts:
              - code: a
                title: Part A
                items:
                  - code: A-01
                    text: First
                  - code: A-02
                    text: Second
            """;

    @Test
    void shippedChecklistParsesIntoTenItemsInThreeParts() throws IOException {
        InstrumentDefinition checklist;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(CHECKLIST)) {
            assertNotNull(in, CHECKLIST + " is not on the classpath");
            checklist = InstrumentFileParser.parse(CHECKLIST, new InputStreamReader(in, StandardCharsets.UTF_8));
        }

        assertEquals("checklist-systematik", checklist.code());
        assertEquals(1, checklist.version());
        assertEquals("Checklista för systematik", checklist.title());
        assertEquals("checklist", checklist.kind());
        assertEquals("single", checklist.respondents());
        assertFalse(checklist.collectsManyRespondents());
        assertTrue(checklist.source().startsWith("Länsstyrelsen Kalmar län"), checklist.source());
        assertEquals(List.of(new InstrumentDefinition.ScaleStep(1, "Inte påbörjat", "Not started", null, null),
                new InstrumentDefinition.ScaleStep(2, "Påbörjat", "Started", null, null),
                new InstrumentDefinition.ScaleStep(3, "Till stor del på plats", "Largely in place", null, null),
                new InstrumentDefinition.ScaleStep(4, "Helt på plats, en del av ordinarie arbete", "Fully in place, part of regular work", null, null)),
                checklist.scale());
        assertEquals("Vet inte", checklist.dontKnowLabel());
        assertEquals("Vad visar detta? Exempel, dokument, beslut", checklist.commentPrompt());

        assertEquals(10, checklist.itemCount());
        assertEquals(List.of("styrning", "statistik", "forbattring"),
                checklist.parts().stream().map(InstrumentDefinition.Part::code).toList());
        assertEquals(List.of(4, 3, 3), checklist.parts().stream().map(part -> part.items().size()).toList());
        assertEquals(List.of("CS-01", "CS-02", "CS-03", "CS-04", "CS-05", "CS-06", "CS-07", "CS-08", "CS-09", "CS-10"),
                checklist.parts().stream().flatMap(part -> part.items().stream()).map(InstrumentDefinition.Item::code).toList());
        assertEquals("Den politiska församlingen tar beslut om jämställdhetsintegrering.",
                checklist.findItem("CS-01").orElseThrow().text());
    }

    @Test
    void smallValidFileParses() {
        InstrumentDefinition demo = InstrumentFileParser.parse(FILE, VALID);

        assertEquals(new InstrumentDefinition("demo", 1, "Demo", null, "questionnaire", "multiple", null, List.of(),
                List.of(new InstrumentDefinition.ScaleStep(1, "Low", null, null, null), new InstrumentDefinition.ScaleStep(2, "High", null, null, null)),
                null, null, null, null, List.of(), List.of(new InstrumentDefinition.Part("a", "Part A", null, List.of(
                new InstrumentDefinition.Item("A-01", "First", null), new InstrumentDefinition.Item("A-02", "Second", null))))), demo);
        assertTrue(demo.collectsManyRespondents());
    }

    @Test
    void respondentsDefaultsToSingle() {
        InstrumentDefinition demo = InstrumentFileParser.parse(FILE, VALID.replace("respondents: multiple\n", ""));

        assertEquals("single", demo.respondents());
        assertFalse(demo.collectsManyRespondents());
    }

    @Test
    void missingTitleNamesTheLineWhereTheMappingStarts() {
        // Line 1 is a comment, so the top-level mapping that lacks 'title' starts on line 2.
        assertFails(FILE + ", line 2, field 'title': is missing", """
                # Demo instrument
                code: demo
                version: 1
                kind: questionnaire
                scale:
                  - value: 1
                    label: Low
                parts:
                  - code: a
                    title: Part A
                    items:
                      - code: A-01
                        text: First
                """);
    }

    @Test
    void missingItemTextNamesTheItem() {
        // The second item (line 17) has no text.
        assertFails(FILE + ", line 17, field 'parts[0].items[1].text': is missing", """
                code: demo
                version: 1
                title: Demo
                kind: questionnaire
                respondents: multiple
                scale:
                  - value: 1
                    label: Low
                  - value: 2
                    label: High
                parts:
                  - code: a
                    title: Part A
                    items:
                      - code: A-01
                        text: First
                      - code: A-02
                """);
    }

    @Test
    void unknownFieldIsRejected() {
        assertFails(FILE + ", line 3, field 'titel': unknown field; allowed here: code, commentPrompt, commentPromptEn, "
                + "dontKnowLabel, dontKnowLabelEn, kind, parts, reflectionPrompts, respondentRoles, respondents, scale, source, "
                + "title, titleEn, version", """
                code: demo
                version: 1
                titel: Demo
                kind: questionnaire
                respondents: multiple
                scale:
                  - value: 1
                    label: Low
                  - value: 2
                    label: High
                parts:
                  - code: a
                    title: Part A
                    items:
                      - code: A-01
                        text: First
                      - code: A-02
                        text: Second
                """);
    }

    @Test
    void unknownFieldInAnItemIsRejected() {
        assertFails(FILE + ", line 19, field 'parts[0].items[1].hint': unknown field; allowed here: code, text, textEn", """
                code: demo
                version: 1
                title: Demo
                kind: questionnaire
                respondents: multiple
                scale:
                  - value: 1
                    label: Low
                  - value: 2
                    label: High
                parts:
                  - code: a
                    title: Part A
                    items:
                      - code: A-01
                        text: First
                      - code: A-02
                        text: Second
                        hint: Think of last year
                """);
    }

    @Test
    void duplicateItemCodeIsRejected() {
        assertFails(FILE + ", line 17, field 'parts[0].items[1].code': the item code A-01 appears twice", """
                code: demo
                version: 1
                title: Demo
                kind: questionnaire
                respondents: multiple
                scale:
                  - value: 1
                    label: Low
                  - value: 2
                    label: High
                parts:
                  - code: a
                    title: Part A
                    items:
                      - code: A-01
                        text: First
                      - code: A-01
                        text: Second
                """);
    }

    @Test
    void itemCodesMustBeUniqueAcrossParts() {
        assertFails(FILE + ", line 17, field 'parts[1].items[0].code': the item code A-01 appears twice", """
                code: demo
                version: 1
                title: Demo
                kind: questionnaire
                scale:
                  - value: 1
                    label: Low
                parts:
                  - code: a
                    title: Part A
                    items:
                      - code: A-01
                        text: First
                  - code: b
                    title: Part B
                    items:
                      - code: A-01
                        text: Again
                """);
    }

    @Test
    void nonIntegerScaleValueIsRejected() {
        assertFails(FILE + ", line 9, field 'scale[1].value': must be a whole number", """
                code: demo
                version: 1
                title: Demo
                kind: questionnaire
                respondents: multiple
                scale:
                  - value: 1
                    label: Low
                  - value: 2.5
                    label: High
                parts:
                  - code: a
                    title: Part A
                    items:
                      - code: A-01
                        text: First
                """);
    }

    @Test
    void duplicateScaleValueIsRejected() {
        assertFails(FILE + ", line 9, field 'scale[1].value': the value 1 appears twice on the scale", """
                code: demo
                version: 1
                title: Demo
                kind: questionnaire
                respondents: multiple
                scale:
                  - value: 1
                    label: Low
                  - value: 1
                    label: High
                parts:
                  - code: a
                    title: Part A
                    items:
                      - code: A-01
                        text: First
                """);
    }

    @Test
    void badKindIsRejected() {
        assertFails(FILE + ", line 4, field 'kind': 'survey' is not one of checklist, questionnaire, staircase", """
                code: demo
                version: 1
                title: Demo
                kind: survey
                scale:
                  - value: 1
                    label: Low
                parts:
                  - code: a
                    title: Part A
                    items:
                      - code: A-01
                        text: First
                """);
    }

    @Test
    void badRespondentsIsRejected() {
        assertFails(FILE + ", line 5, field 'respondents': 'many' is not one of multiple, single", """
                code: demo
                version: 1
                title: Demo
                kind: questionnaire
                respondents: many
                scale:
                  - value: 1
                    label: Low
                parts:
                  - code: a
                    title: Part A
                    items:
                      - code: A-01
                        text: First
                """);
    }

    @Test
    void emptyPartsListIsRejected() {
        assertFails(FILE + ", line 8, field 'parts': must be a non-empty list", """
                code: demo
                version: 1
                title: Demo
                kind: questionnaire
                scale:
                  - value: 1
                    label: Low
                parts: []
                """);
    }

    @Test
    void instrumentCodeMustBeLowerCase() {
        assertFails(FILE + ", line 1, field 'code': 'Demo' must be lower-case letters, digits and dashes",
                VALID.replace("code: demo", "code: Demo"));
    }

    @Test
    void itemCodeMustBeUpperCase() {
        // VALID line 15 is the first item's code.
        assertFails(FILE + ", line 15, field 'parts[0].items[0].code': 'a-01' must be upper-case letters, digits and dashes",
                VALID.replace("code: A-01", "code: a-01"));
    }

    @Test
    void yamlNullIsNotAText() {
        // Line 6: "dontKnowLabel: null" must not turn on a "don't know" option labelled "null"; to have none, leave the field out.
        assertFails(FILE + ", line 6, field 'dontKnowLabel': must be a non-empty text when given",
                VALID.replace("respondents: multiple\n", "respondents: multiple\ndontKnowLabel: null\n"));
        assertFails(FILE + ", line 3, field 'title': must be a non-empty text", VALID.replace("title: Demo", "title: ~"));
        // Quoted, it is the word: a text like any other.
        assertEquals("null", InstrumentFileParser.parse(FILE, VALID.replace("title: Demo", "title: \"null\"")).title());
    }

    @Test
    void invalidYamlSyntaxNamesTheLine() {
        // An unquoted colon followed by a space inside an item text (line 16).
        assertFails(FILE + ", line 16: not valid YAML: mapping values are not allowed here", """
                code: demo
                version: 1
                title: Demo
                kind: questionnaire
                respondents: multiple
                scale:
                  - value: 1
                    label: Low
                  - value: 2
                    label: High
                parts:
                  - code: a
                    title: Part A
                    items:
                      - code: A-01
                        text: Note: this breaks the file
                """);
    }

    @Test
    void characterYamlDoesNotAllowNamesTheLine() {
        // A vertical tab (Word's manual line break) pasted into the first item's text, VALID line 16.
        assertFails(FILE + ", line 16: not valid YAML: the character U+000B is not allowed",
                VALID.replace("text: First", "text: Fi\u000Brst"));
    }

    @Test
    void emptyFileIsRejected() {
        assertFails(FILE + ": the file is empty", "");
        assertFails(FILE + ": the file is empty", "# nothing but a comment\n");
    }

    @Test
    void fileThatIsNotAMappingIsRejected() {
        assertFails(FILE + ", line 1, field '(top level)': expected a mapping of fields", "- code: demo\n");
    }

    private static void assertFails(String expectedMessage, String text) {
        InstrumentDefinitionException e = assertThrows(InstrumentDefinitionException.class,
                () -> InstrumentFileParser.parse(FILE, text));
        assertEquals(expectedMessage, e.getMessage());
    }
}
