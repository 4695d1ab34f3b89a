package se.lagesbild.instrument;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import se.lagesbild.system.Text;

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
        @Nullable String titleEn,
        String kind,
        String respondents,
        @Nullable String source,
        List<RespondentRole> respondentRoles,
        List<ScaleStep> scale,
        @Nullable String dontKnowLabel,
        @Nullable String dontKnowLabelEn,
        @Nullable String commentPrompt,
        @Nullable String commentPromptEn,
        List<ReflectionPrompt> reflectionPrompts,
        List<Part> parts) {

    public static final Set<String> KINDS = Set.of("checklist", "questionnaire", "staircase");
    public static final Set<String> RESPONDENT_MODES = Set.of("single", "multiple");

    public InstrumentDefinition {
        respondentRoles = respondentRoles == null ? List.of() : List.copyOf(respondentRoles);
        reflectionPrompts = reflectionPrompts == null ? List.of() : List.copyOf(reflectionPrompts);
    }

    /** A point on the answer scale; a staircase step also has a description. */
    @Serdeable
    public record ScaleStep(int value, String label, @Nullable String labelEn,
                            @Nullable String description, @Nullable String descriptionEn) {
    }

    /** A part (area) of the instrument, grouping items; scores are also given per part. */
    @Serdeable
    public record Part(String code, String title, @Nullable String titleEn, List<Item> items) {
    }

    /** One statement or question; its code identifies it across versions of the instrument. */
    @Serdeable
    public record Item(String code, String text, @Nullable String textEn) {
    }

    /** A role a respondent answers in (ledning, stödfunktion, medarbetare), so scores can be broken down by role. */
    @Serdeable
    public record RespondentRole(String code, String label, @Nullable String labelEn) {
    }

    /** A question for the group to reflect on after answering. */
    @Serdeable
    public record ReflectionPrompt(String text, @Nullable String textEn) {
    }

    /**
     * The definition without its English texts: what a stored version may not change. Translations can be
     * added to a released version; its Swedish wording, codes and scale cannot.
     */
    public InstrumentDefinition withoutTranslations() {
        return new InstrumentDefinition(code, version, title, null, kind, respondents, source,
                respondentRoles.stream().map(role -> new RespondentRole(role.code(), role.label(), null)).toList(),
                scale.stream().map(step -> new ScaleStep(step.value(), step.label(), null, step.description(), null)).toList(),
                dontKnowLabel, null, commentPrompt, null,
                reflectionPrompts.stream().map(prompt -> new ReflectionPrompt(prompt.text(), null)).toList(),
                parts.stream().map(part -> new Part(part.code(), part.title(), null,
                        part.items().stream().map(item -> new Item(item.code(), item.text(), null)).toList())).toList());
    }

    public Optional<RespondentRole> findRespondentRole(String roleCode) {
        return respondentRoles.stream().filter(role -> role.code().equals(roleCode)).findFirst();
    }

    public Optional<Item> findItem(String itemCode) {
        return parts.stream().flatMap(part -> part.items().stream())
                .filter(item -> item.code().equals(itemCode)).findFirst();
    }

    public int itemCount() {
        return parts.stream().mapToInt(part -> part.items().size()).sum();
    }

    /** A value is a point on the scale, or null for "Vet inte" where the instrument offers it. */
    /** What {@link #check} says of an answer. */
    public enum AnswerCheck { ACCEPTED, UNKNOWN_ITEM, OFF_SCALE }

    /**
     * The one check of an answer, for responses, workshops and imports alike: the item is in this version, and
     * the value is a step of the scale, or null ("Vet inte") where the instrument offers it.
     */
    public AnswerCheck check(String itemCode, @Nullable Integer value) {
        if (findItem(itemCode).isEmpty()) {
            return AnswerCheck.UNKNOWN_ITEM;
        }
        return acceptsValue(value) ? AnswerCheck.ACCEPTED : AnswerCheck.OFF_SCALE;
    }

    /** Whether the value is a step of the scale, or null ("Vet inte") where the instrument offers it. */
    private boolean acceptsValue(@Nullable Integer value) {
        if (value == null) {
            return dontKnowLabel != null;
        }
        return scale.stream().anyMatch(step -> step.value() == value);
    }

    /** The accepted values as a person reads them, e.g. "1, 2, 3, 4 eller null (Vet inte)". */
    public Text describeAcceptedValues() {
        return describeAcceptedValues(Text.of("instrument.null-dont-know", new Text.Either(dontKnowLabel, dontKnowLabelEn)));
    }

    /** The "don't know" option's label in both languages, for a message that names it as it is chosen. */
    public Text.Either dontKnow() {
        return new Text.Either(dontKnowLabel, dontKnowLabelEn);
    }

    /** The title in both languages, for a message that names the instrument. */
    public Text.Either titled() {
        return new Text.Either(title, titleEn);
    }

    /**
     * The accepted values with "Vet inte" written as the given text, e.g. "1, 2, 3, 4 eller Vet inte" where
     * it is chosen by its label (in a spreadsheet) rather than sent as null.
     */
    public Text describeAcceptedValues(Object dontKnowAs) {
        String values = scale.stream().map(step -> Integer.toString(step.value())).collect(Collectors.joining(", "));
        return dontKnowLabel == null ? Text.of("as-is", values) : Text.of("list.or", values, dontKnowAs);
    }

    /** Whether a respondent names a role: required where the instrument defines roles, else absent. */
    public boolean acceptsRespondentRole(@Nullable String roleCode) {
        return respondentRoles.isEmpty() ? roleCode == null : roleCode != null && findRespondentRole(roleCode).isPresent();
    }

    public boolean asksForRespondentRole() {
        return !respondentRoles.isEmpty();
    }

    /** The roles as a person reads them, e.g. "ledning (Ledning), medarbetare (Medarbetare)". */
    public Object describeRespondentRoles() {
        return Text.joined("list.comma", respondentRoles.stream()
                .map(role -> Text.of("instrument.role", role.code(), new Text.Either(role.label(), role.labelEn()))).toList());
    }

    public boolean collectsManyRespondents() {
        return "multiple".equals(respondents);
    }
}
