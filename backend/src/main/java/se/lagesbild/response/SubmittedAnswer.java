package se.lagesbild.response;

import io.micronaut.core.annotation.Nullable;

/**
 * What scoring needs of one answer in a submitted response, and nothing more: the response, its
 * respondent's role, the item and the value (null is "Vet inte"). A submitted response without any
 * answer is one row with a null item code, so that it still counts as a respondent.
 */
public record SubmittedAnswer(long responseId, @Nullable String respondentRole, @Nullable String itemCode,
                              @Nullable Integer value) {
}
