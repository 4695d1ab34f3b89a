package se.lagesbild.scoring;

import org.junit.jupiter.api.Test;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.instrument.InstrumentDefinition.Item;
import se.lagesbild.instrument.InstrumentDefinition.Part;
import se.lagesbild.instrument.InstrumentDefinition.RespondentRole;
import se.lagesbild.instrument.InstrumentDefinition.ScaleStep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RoleComparison as a pure function over two rounds' scores; expectations by hand. */
class RoleComparisonTest {

    private static final List<ScaleStep> SCALE = List.of(new ScaleStep(1, "1", null, null, null), new ScaleStep(2, "2", null, null, null),
            new ScaleStep(3, "3", null, null, null), new ScaleStep(4, "4", null, null, null));
    private static final List<RespondentRole> ROLES = List.of(new RespondentRole("ledning", "Ledning", "Management"),
            new RespondentRole("stodfunktion", "Stödfunktion", "Support function"),
            new RespondentRole("medarbetare", "Medarbetare", "Staff member"));

    /** Answered by many, with roles: part p = P-1, P-2; part q = Q-1. */
    private static final InstrumentDefinition SURVEY = new InstrumentDefinition("demo-roles", 1, "Demo", null,
            "questionnaire", "multiple", null, ROLES, SCALE, "Vet inte", null, null, null, List.of(),
            List.of(new Part("p", "Part P", null, List.of(new Item("P-1", "One", null), new Item("P-2", "Two", null))),
                    new Part("q", "Part Q", null, List.of(new Item("Q-1", "Three", null)))));

    private static final int THRESHOLD = 5;

    /** {@code count} respondents of {@code role}, each answering P-1, P-2 and Q-1 with the given values. */
    private static List<ScoredResponse> answering(String role, int count, int p1, int p2, int q1) {
        List<ScoredResponse> responses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            responses.add(new ScoredResponse(role, Map.of("P-1", p1, "P-2", p2, "Q-1", q1)));
        }
        return responses;
    }

    @SafeVarargs
    private static RoundScores round(List<ScoredResponse>... groups) {
        List<ScoredResponse> all = new ArrayList<>();
        for (List<ScoredResponse> group : groups) {
            all.addAll(group);
        }
        return RoundScoring.score(SURVEY, all, THRESHOLD);
    }

    @Test
    void rolesShownOnBothSidesAreComparedPerPartAndInTotal() {
        // ledning 6 + 6: p (2+2)/2 = 2.0 -> (3+4)/2 = 3.5; q 1 -> 2; total (2+2+1)/3 = 1.67 -> (3+4+2)/3 = 3.0
        // medarbetare 10 + 12: p 3.0 -> 3.0; q 3 -> 2; total 3.0 -> 2.67
        RoundScores before = round(answering("ledning", 6, 2, 2, 1), answering("medarbetare", 10, 3, 3, 3),
                answering("stodfunktion", 5, 2, 2, 2));
        RoundScores after = round(answering("ledning", 6, 3, 4, 2), answering("medarbetare", 12, 3, 3, 2),
                answering("stodfunktion", 5, 2, 2, 2));

        List<RoleComparison.RoleChange> roles = RoleComparison.compare(SURVEY, before, SURVEY, after, THRESHOLD);

        assertEquals(List.of("ledning", "stodfunktion", "medarbetare"), roles.stream().map(RoleComparison.RoleChange::code).toList());
        RoleComparison.RoleChange ledning = roles.get(0);
        assertTrue(ledning.compared());
        assertNull(ledning.reason());
        assertEquals(List.of(6, 6), List.of(ledning.fromRespondents(), ledning.toRespondents()));
        assertEquals(new RoundComparison.Change(1.67, 3.0, 1.33, "up"), ledning.total());
        assertEquals(List.of(new RoundComparison.PartChange("p", "Part P", 2.0, 3.5, 1.5, "up", null),
                new RoundComparison.PartChange("q", "Part Q", 1.0, 2.0, 1.0, "up", null)), ledning.parts());
        RoleComparison.RoleChange medarbetare = roles.get(2);
        assertEquals(new RoundComparison.Change(3.0, 2.67, -0.33, "down"), medarbetare.total());
        assertEquals(new RoundComparison.PartChange("p", "Part P", 3.0, 3.0, 0.0, "same", null), medarbetare.parts().get(0));
        assertEquals(new RoundComparison.Change(2.0, 2.0, 0.0, "same"), roles.get(1).total());
    }

    @Test
    void aRoleUnderTheThresholdOnEitherSideIsListedWithoutFigures() {
        // stödfunktion: 5 in 2025, 3 in 2028; the 3 are withheld, and so (to protect them) the smallest shown group
        // of 2028, ledning (5), is withheld too although it reaches the threshold.
        RoundScores before = round(answering("ledning", 6, 2, 2, 1), answering("medarbetare", 10, 3, 3, 3),
                answering("stodfunktion", 5, 2, 2, 2));
        RoundScores after = round(answering("ledning", 5, 3, 4, 2), answering("medarbetare", 12, 3, 3, 2),
                answering("stodfunktion", 3, 4, 4, 4));

        List<RoleComparison.RoleChange> roles = RoleComparison.compare(SURVEY, before, SURVEY, after, THRESHOLD);

        assertEquals(new RoleComparison.RoleChange("stodfunktion", "Stödfunktion", "Support function", 5, 3, false,
                RoleComparison.Reason.TOO_FEW, null, List.of()), roles.get(1));
        assertEquals(new RoleComparison.RoleChange("ledning", "Ledning", "Management", 6, 5, false,
                RoleComparison.Reason.WITHHELD, null, List.of()), roles.get(0));
        assertTrue(roles.get(2).compared(), "medarbetare: 10 and 12");
        assertEquals(new RoundComparison.Change(3.0, 2.67, -0.33, "down"), roles.get(2).total());
    }

    @Test
    void aRoleNobodyAnsweredInIsTooFewAndAnInstrumentWithoutRolesHasNone() {
        RoundScores before = round(answering("medarbetare", 8, 3, 3, 3));
        RoundScores after = round(answering("medarbetare", 8, 3, 3, 3));

        List<RoleComparison.RoleChange> roles = RoleComparison.compare(SURVEY, before, SURVEY, after, THRESHOLD);
        assertEquals(List.of(false, false, true), roles.stream().map(RoleComparison.RoleChange::compared).toList());
        assertEquals(RoleComparison.Reason.TOO_FEW, roles.get(0).reason());
        assertEquals(List.of(0, 0), List.of(roles.get(0).fromRespondents(), roles.get(0).toRespondents()));

        InstrumentDefinition checklist = new InstrumentDefinition("demo", 1, "Demo", null, "checklist", "single", null,
                List.of(), SCALE, "Vet inte", null, null, null, List.of(), SURVEY.parts());
        RoundScores one = RoundScoring.score(checklist, List.of(new ScoredResponse(null, Map.of("P-1", 2))), THRESHOLD);
        assertEquals(List.of(), RoleComparison.compare(checklist, one, checklist, one, THRESHOLD));
    }
}
