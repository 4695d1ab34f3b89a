package se.lagesbild.export;

import se.lagesbild.action.ActionStatus;
import se.lagesbild.action.ImprovementAction;
import se.lagesbild.round.RoundStatus;

import java.util.ArrayList;
import java.util.List;

/** The API's codes (directions, action statuses) as the words a Swedish reader of an export expects. */
final class SwedishWords {

    private SwedishWords() {
    }

    /** "up", "down" and "same" as "upp", "ned" and "oförändrad"; null (no change to tell) stays null. */
    static String direction(String direction) {
        if (direction == null) {
            return null;
        }
        return switch (direction) {
            case "up" -> "upp";
            case "down" -> "ned";
            case "same" -> "oförändrad";
            default -> throw new IllegalArgumentException("Unknown direction " + direction);
        };
    }

    static String status(ActionStatus status) {
        return switch (status) {
            case PLANNED -> "planerad";
            case ONGOING -> "pågår";
            case DONE -> "genomförd";
        };
    }

    static String status(RoundStatus status) {
        return switch (status) {
            case OPEN -> "öppen";
            case CLOSED -> "stängd";
        };
    }

    /** "Åtgärd: Analysera statistiken (Verksamhetsutvecklare, senast 2026-06-30) — genomförd". */
    static String action(ImprovementAction action) {
        List<String> details = new ArrayList<>();
        if (action.who() != null) {
            details.add(action.who());
        }
        if (action.dueDate() != null) {
            details.add("senast " + action.dueDate());
        }
        return "Åtgärd: " + action.what() + (details.isEmpty() ? "" : " (" + String.join(", ", details) + ")")
                + " — " + status(action.status());
    }
}
