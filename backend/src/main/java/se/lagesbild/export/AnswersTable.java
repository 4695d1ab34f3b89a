package se.lagesbild.export;

import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.response.Answer;
import se.lagesbild.response.Response;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw answers of a round's submitted responses: a row per response, a column per item with the value
 * given ("Vet inte" where the person chose that, empty where they left the item), then a column per item
 * with the comments. Where many answer (and anonymity is promised) the rows carry no response id, only the
 * date of submission, and come in random order, so no row can be matched with a person by when or in which
 * order they answered.
 */
final class AnswersTable {

    private AnswersTable() {
    }

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final SecureRandom RANDOM = new SecureRandom();

    static Table of(InstrumentDefinition instrument, List<Response> submitted, List<Answer> answers) {
        boolean anonymous = instrument.collectsManyRespondents();
        List<InstrumentDefinition.Item> items = instrument.parts().stream().flatMap(part -> part.items().stream()).toList();
        List<String> headers = new ArrayList<>(anonymous ? List.of("Roll", "Inskickat (datum)") : List.of("Svar-id", "Roll", "Inskickat"));
        items.forEach(item -> headers.add(item.code()));
        items.forEach(item -> headers.add(item.code() + " kommentar"));

        Map<Long, Map<String, Answer>> answersByResponse = new HashMap<>();
        answers.forEach(answer -> answersByResponse.computeIfAbsent(answer.responseId(), id -> new HashMap<>())
                .put(answer.itemCode(), answer));
        String dontKnow = instrument.dontKnowLabel() == null ? "Vet inte" : instrument.dontKnowLabel();
        List<Response> ordered = new ArrayList<>(submitted);
        if (anonymous) {
            Collections.shuffle(ordered, RANDOM);
        } else {
            ordered.sort(Comparator.comparing(Response::id));
        }
        List<List<Cell>> rows = ordered.stream().map(response -> {
            Map<String, Answer> given = answersByResponse.getOrDefault(response.id(), Map.of());
            List<Cell> row = new ArrayList<>(anonymous
                    ? List.of(Cell.text(role(instrument, response)), Cell.text(day(response)))
                    : List.of(Cell.whole(response.id()), Cell.text(role(instrument, response)), Cell.time(response.submittedAt())));
            items.forEach(item -> row.add(value(given.get(item.code()), dontKnow)));
            items.forEach(item -> row.add(given.containsKey(item.code()) ? Cell.text(given.get(item.code()).comment()) : Cell.EMPTY));
            return row;
        }).toList();
        return new Table("Svar", headers, rows);
    }

    private static String day(Response response) {
        return response.submittedAt() == null ? null : LocalDate.ofInstant(response.submittedAt(), SWEDEN).toString();
    }

    private static Cell value(Answer answer, String dontKnow) {
        if (answer == null) {
            return Cell.EMPTY;
        }
        return answer.value() == null ? Cell.text(dontKnow) : Cell.whole(answer.value());
    }

    private static String role(InstrumentDefinition instrument, Response response) {
        return response.respondentRole() == null ? null : instrument.findRespondentRole(response.respondentRole())
                .map(InstrumentDefinition.RespondentRole::label).orElse(response.respondentRole());
    }
}
