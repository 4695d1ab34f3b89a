package se.lagesbild.response;

import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import se.lagesbild.instrument.InstrumentCatalog;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.scoring.ChangeInterval;
import se.lagesbild.scoring.RoleComparison;
import se.lagesbild.scoring.RoundComparison;
import se.lagesbild.scoring.RoundScores;
import se.lagesbild.scoring.RoundScoring;
import se.lagesbild.scoring.ScoredResponse;
import se.lagesbild.support.Api;
import se.lagesbild.support.ApiTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A round's kept scores follow every submit and every response that disappears: after each, the scores and the
 * comparison over HTTP (with the real database) are exactly those of scoring every submitted response from
 * scratch, computed here with the pure functions from the answers this test gave: per item with the distribution,
 * per role with the anonymity threshold (5) and a withheld role drawing the smallest shown one with it, and the
 * comparison's intervals.
 */
@MicronautTest(transactional = false)
class RoundScoresFollowEverySubmitApiTest extends ApiTest {

    private static final List<String> ITEMS = List.of("SL-A1", "SL-A2", "SL-A3", "SL-B1", "SL-C1", "SL-E4");

    @Inject
    InstrumentCatalog instruments;

    @Inject
    JdbcOperations jdbc;

    @Inject
    SubmittedAnswers submittedAnswers;

    /** A submitted response: its id, and what scoring should see of it. */
    private record Given(long id, ScoredResponse response) {
    }

    @Test
    void scoresAndComparisonAfterEachSubmitAreThoseOfAllResponsesScoredAtOnce() {
        long organisationId = api.createOrganisation("Ljungby kommun");
        long earlier = api.createRound(organisationId, "skatta-laget", "2024");
        List<Given> earlierGiven = new ArrayList<>();
        for (String role : List.of("ledning", "medarbetare", "stodfunktion", "medarbetare", "ledning", "medarbetare",
                "stodfunktion", "medarbetare", "ledning", "stodfunktion", "medarbetare", "ledning", "stodfunktion", "ledning",
                "stodfunktion")) {
            earlierGiven.add(submit(earlier, role, earlierGiven.size() + 100));
        }
        long later = api.createRound(organisationId, "skatta-laget", "2025");
        List<Given> laterGiven = new ArrayList<>();
        assertFollows(earlier, earlierGiven, later, laterGiven, "before the later round has any response");

        long draft = startWithRole(later, "ledning");
        api.answer(draft, "SL-A1", 1, null);
        // Ledning stays under the threshold (4) and so withholds stödfunktion (6) with it, by the end.
        List<String> roles = List.of("medarbetare", "medarbetare", "medarbetare", "ledning", "medarbetare", "medarbetare",
                "medarbetare", "stodfunktion", "stodfunktion", "ledning", "ledning", "stodfunktion", "stodfunktion",
                "stodfunktion", "medarbetare", "stodfunktion");
        for (String role : roles) {
            laterGiven.add(submit(later, role, laterGiven.size()));
            assertFollows(earlier, earlierGiven, later, laterGiven, "after " + laterGiven.size() + " submits");
        }

        api.post("/api/responses/" + draft + "/submit", Map.of());
        laterGiven.add(new Given(draft, new ScoredResponse("ledning", mapOf("SL-A1", 1))));
        assertFollows(earlier, earlierGiven, later, laterGiven, "the draft once submitted");

        // A response gone (as erasure or a restored backup would remove it): the scores no longer count it.
        remove(laterGiven.remove(3).id());
        assertFollows(earlier, earlierGiven, later, laterGiven, "a response gone");
        laterGiven.add(submit(later, "medarbetare", 40));
        assertFollows(earlier, earlierGiven, later, laterGiven, "and one more submitted after it");
        remove(earlierGiven.remove(0).id());
        earlierGiven.add(submit(earlier, "ledning", 41));
        assertFollows(earlier, earlierGiven, later, laterGiven, "one gone and one new in the same round, as many as before");
    }

    @Test
    void theResponsesSubmittedSinceAMomentAreFoundByTheirSubmitTime() {
        long roundId = api.createRound(api.createOrganisation("Älmhults kommun"), "skatta-laget", "2025");
        Instant before = Instant.now().minus(1, ChronoUnit.SECONDS);
        long submitted = submit(roundId, "medarbetare", 1).id();
        startWithRole(roundId, "ledning");

        assertArrayEquals(new long[] {submitted}, submittedAnswers.idsSubmittedSince(roundId, before));
        assertArrayEquals(new long[0], submittedAnswers.idsSubmittedSince(roundId, Instant.now().plus(1, ChronoUnit.MINUTES)));
        assertArrayEquals(new long[] {submitted}, submittedAnswers.ids(roundId), "the draft is not among them");
    }

    /** Submits a response in the role whose answers follow from {@code seed}: values, "Vet inte" and items left out. */
    private Given submit(long roundId, String role, int seed) {
        long responseId = startWithRole(roundId, role);
        Map<String, Integer> answers = new HashMap<>();
        for (int i = 0; i < ITEMS.size(); i++) {
            int kind = (seed * 7 + i * 3) % 11;
            if (kind == 0) {
                continue;
            }
            Integer value = kind == 1 ? null : 1 + (seed * 5 + i * i + kind) % 4;
            api.answer(responseId, ITEMS.get(i), value, null);
            answers.put(ITEMS.get(i), value);
        }
        api.post("/api/responses/" + responseId + "/submit", Map.of());
        return new Given(responseId, new ScoredResponse(role, answers));
    }

    private long startWithRole(long roundId, String role) {
        return Api.id(api.post("/api/rounds/" + roundId + "/responses", Map.of("respondentRole", role)));
    }

    private void remove(long responseId) {
        jdbc.execute(connection -> {
            for (String sql : List.of("DELETE FROM answers WHERE response_id = ?", "DELETE FROM responses WHERE id = ?")) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setLong(1, responseId);
                    statement.executeUpdate();
                }
            }
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private void assertFollows(long earlier, List<Given> earlierGiven, long later, List<Given> laterGiven, String when) {
        Map<String, Object> shown = api.get("/api/rounds/" + later + "/scores");
        InstrumentDefinition definition = instruments.version("skatta-laget", ((Number) shown.get("instrumentVersion")).intValue());
        int threshold = ((Number) shown.get("anonymityThreshold")).intValue();
        RoundScores earlierScores = RoundScoring.score(definition, responses(earlierGiven), threshold);
        RoundScores laterScores = RoundScoring.score(definition, responses(laterGiven), threshold);

        assertEquals(laterGiven.size(), ((Number) shown.get("respondents")).intValue(), when);
        assertEquals(asJson(laterScores.total()), shown.get("total"), when + ": total");
        assertEquals(asJson(laterScores.parts()), shown.get("parts"), when + ": parts");
        assertEquals(asJson(laterScores.items()), shown.get("items"), when + ": items, with their distributions");
        assertEquals(asJson(laterScores.roles()), shown.get("roles"), when + ": roles");
        if (laterGiven.isEmpty()) {
            return;
        }

        Map<String, Object> compared = api.get("/api/comparisons?from=" + earlier + "&to=" + later);
        RoundComparison.Comparison comparison = RoundComparison.compare(definition, earlierScores, definition, laterScores);
        Map<String, Object> total = (Map<String, Object>) compared.get("total");
        assertEquals(Arrays.asList(comparison.total().from(), comparison.total().to(), interval(comparison.totalInterval())),
                Arrays.asList(total.get("from"), total.get("to"), pick(total, "interval", "clear")), when + ": total change");
        assertEquals(comparison.parts().stream().map(part -> List.of(part.code(), Arrays.asList(part.from(), part.to(), part.delta()),
                        interval(part.interval()))).toList(),
                ((List<Map<String, Object>>) compared.get("parts")).stream().map(part -> List.of(part.get("code"),
                        Arrays.asList(part.get("from"), part.get("to"), part.get("delta")), pick(part, "interval", "clear"))).toList(),
                when + ": part changes");
        assertEquals(comparison.items().stream().map(item -> List.of(item.code(),
                        Arrays.asList(item.from(), item.to(), item.delta(), item.fromN(), item.toN()), interval(item.interval()))).toList(),
                ((List<Map<String, Object>>) compared.get("items")).stream().map(item -> List.of(item.get("code"),
                        Arrays.asList(item.get("from"), item.get("to"), item.get("delta"), item.get("fromN"), item.get("toN")),
                        pick(item, "interval", "clear"))).toList(),
                when + ": item changes");
        List<RoleComparison.RoleChange> roles = RoleComparison.compare(definition, earlierScores, definition, laterScores, threshold);
        assertEquals(roles.stream().map(role -> Arrays.asList(role.code(), role.toRespondents(), role.compared(),
                        role.reason() == null ? null : role.reason().name().toLowerCase().replace('_', '-'), asJson(role.total()))).toList(),
                ((List<Map<String, Object>>) compared.get("roles")).stream().map(role -> Arrays.asList(role.get("code"),
                        role.get("toRespondents"), role.get("compared"), role.get("reason"), role.get("total"))).toList(),
                when + ": role changes");
    }

    private static List<ScoredResponse> responses(List<Given> given) {
        return given.stream().map(Given::response).toList();
    }

    /** An interval as the comparison shows it: bounds and whether it is clear, or nulls. */
    private static Map<String, Object> interval(ChangeInterval interval) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("interval", interval == null ? null : Map.of("low", interval.low(), "high", interval.high()));
        shown.put("clear", interval == null ? null : interval.clear());
        return shown;
    }

    private static Map<String, Object> pick(Map<String, Object> shown, String... keys) {
        Map<String, Object> picked = new LinkedHashMap<>();
        for (String key : keys) {
            picked.put(key, shown.get(key));
        }
        return picked;
    }

    /** The value as the API writes it and a client reads it back. */
    private Object asJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.readValue(json.writeValueAsString(value), Argument.OBJECT_ARGUMENT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Integer> mapOf(String code, Integer value) {
        Map<String, Integer> answers = new HashMap<>();
        answers.put(code, value);
        return answers;
    }
}
