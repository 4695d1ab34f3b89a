package se.lagesbild.scoring;

import java.util.Map;

/**
 * One submitted response as scoring sees it: the respondent's role (or null) and, per answered item, the
 * value given (null for "Vet inte"); unanswered items are absent.
 */
public record ScoredResponse(String respondentRole, Map<String, Integer> answers) {
}
