package se.lagesbild.response;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A response given outside the platform, such as one row of a past round kept in a spreadsheet, already
 * checked against the instrument: its role and its answers.
 */
public record GivenResponse(@Nullable String respondentRole, List<GivenAnswer> answers) {

    public GivenResponse {
        answers = List.copyOf(answers);
    }

    /** One answer: a value on the scale, or null for "Vet inte", and an optional comment. */
    public record GivenAnswer(String itemCode, @Nullable Integer value, @Nullable String comment) {
    }
}
