package se.lagesbild.instrument;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One version of an instrument, as read from its definition file: what is asked (parts and items) and how
 * it is answered (the scale, and whether "Vet inte" may be chosen). Instruments are data; nothing else in
 * the code knows one instrument from another.
 *
 * @param respondents {@code single} when one person answers for the organisation (no anonymity
 *                    threshold applies), {@code multiple} when a round collects many respondents
 * @param dontKnowLabel the label of the "don't know" option, or null when the instrument has none
 */
@Serdeable
public record InstrumentDefinition(
        String code,
        int version,
        String title,
        String kind,
        String respondents,
        @Nullable String source,
        List<ScaleStep> scale,
        @Nullable String dontKnowLabel,
        @Nullable String commentPrompt,
        List<Part> parts) {

    public static final Set<String> KINDS = Set.of("checklist", "questionnaire", "staircase");
    public static final Set<String> RESPONDENT_MODES = Set.of("single", "multiple");

    /** A point on the answer scale. */
    @Serdeable
    public record ScaleStep(int value, String label) {
    }

    /** A part (area) of the instrument, grouping items; scores are also given per part. */
    @Serdeable
    public record Part(String code, String title, List<Item> items) {
    }

    /** One statement or question; its code identifies it across versions of the instrument. */
    @Serdeable
    public record Item(String code, String text) {
    }

    public Optional<Item> findItem(String itemCode) {
        return parts.stream().flatMap(part -> part.items().stream())
                .filter(item -> item.code().equals(itemCode)).findFirst();
    }

    public int itemCount() {
        return parts.stream().mapToInt(part -> part.items().size()).sum();
    }

    /** A value is a point on the scale, or null for "Vet inte" where the instrument offers it. */
    public boolean acceptsValue(@Nullable Integer value) {
        if (value == null) {
            return dontKnowLabel != null;
        }
        return scale.stream().anyMatch(step -> step.value() == value);
    }

    /** The accepted values as a person reads them, e.g. "1, 2, 3, 4 eller null (Vet inte)". */
    public String describeAcceptedValues() {
        String values = scale.stream().map(step -> Integer.toString(step.value())).collect(Collectors.joining(", "));
        return dontKnowLabel == null ? values : values + " eller null (" + dontKnowLabel + ")";
    }

    public boolean collectsManyRespondents() {
        return "multiple".equals(respondents);
    }
}
