package se.lagesbild.scoring;

import se.lagesbild.instrument.InstrumentDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares the respondent roles of two rounds (Skatta läget's ledning, stödfunktion, medarbetare): per role the
 * total and each part's mean in both rounds. A pure function over already computed scores.
 *
 * <p>A role is compared only where it is shown on both sides: at least the anonymity threshold of respondents,
 * and not withheld to protect another group. Otherwise it is listed without figures and with the reason, so
 * that a comparison never shows a figure that either round's results withhold.
 */
public final class RoleComparison {

    private RoleComparison() {
    }

    /** Why a role has no figures in the comparison. */
    public enum Reason {
        /** Fewer respondents than the threshold in the earlier round, the later, or both. */
        TOO_FEW,
        /** Enough respondents, but withheld so that a smaller group's figures cannot be worked out. */
        WITHHELD
    }

    /**
     * One role in both rounds. {@code compared} is true when the role is shown on both sides; then {@code total}
     * and {@code parts} hold the changes, else they are null and empty and {@code reason} says why.
     */
    public record RoleChange(String code, String label, String labelEn, int fromRespondents, int toRespondents,
                             boolean compared, Reason reason, RoundComparison.Change total,
                             List<RoundComparison.PartChange> parts) {
    }

    /**
     * The roles of the later version, in its order, then any only the earlier version has. Empty for an
     * instrument that records no roles.
     */
    public static List<RoleChange> compare(InstrumentDefinition fromInstrument, RoundScores from,
                                           InstrumentDefinition toInstrument, RoundScores to, int threshold) {
        Map<String, RoundScores.RoleScores> fromRoles = byCode(from.roles());
        Map<String, RoundScores.RoleScores> toRoles = byCode(to.roles());
        Map<String, InstrumentDefinition.RespondentRole> roles = new LinkedHashMap<>();
        for (InstrumentDefinition definition : List.of(toInstrument, fromInstrument)) {
            definition.respondentRoles().forEach(role -> roles.putIfAbsent(role.code(), role));
        }
        List<InstrumentDefinition.Part> parts = new ArrayList<>();
        Map<String, Boolean> seenParts = new LinkedHashMap<>();
        for (InstrumentDefinition definition : List.of(toInstrument, fromInstrument)) {
            definition.parts().stream().filter(part -> seenParts.putIfAbsent(part.code(), true) == null).forEach(parts::add);
        }
        List<RoleChange> changes = new ArrayList<>();
        for (InstrumentDefinition.RespondentRole role : roles.values()) {
            RoundScores.RoleScores before = fromRoles.get(role.code());
            RoundScores.RoleScores after = toRoles.get(role.code());
            int fromRespondents = before == null ? 0 : before.respondents();
            int toRespondents = after == null ? 0 : after.respondents();
            Reason reason = reason(before, after, threshold);
            if (reason != null) {
                changes.add(new RoleChange(role.code(), role.label(), role.labelEn(), fromRespondents, toRespondents,
                        false, reason, null, List.of()));
                continue;
            }
            Map<String, RoundScores.PartScore> fromParts = partsByCode(before);
            Map<String, RoundScores.PartScore> toParts = partsByCode(after);
            List<RoundComparison.PartChange> partChanges = parts.stream().map(part -> {
                RoundComparison.Change change = RoundComparison.change(mean(fromParts.get(part.code())),
                        mean(toParts.get(part.code())));
                return new RoundComparison.PartChange(part.code(), part.title(), change.from(), change.to(), change.delta(),
                        change.direction(), null);
            }).toList();
            changes.add(new RoleChange(role.code(), role.label(), role.labelEn(), fromRespondents, toRespondents, true, null,
                    RoundComparison.change(before.total().mean(), after.total().mean()), partChanges));
        }
        return List.copyOf(changes);
    }

    private static Reason reason(RoundScores.RoleScores before, RoundScores.RoleScores after, int threshold) {
        if (before == null || after == null || before.respondents() < threshold || after.respondents() < threshold) {
            return Reason.TOO_FEW;
        }
        return before.suppressed() || after.suppressed() ? Reason.WITHHELD : null;
    }

    private static Double mean(RoundScores.PartScore part) {
        return part == null || part.suppressed() ? null : part.mean();
    }

    private static Map<String, RoundScores.PartScore> partsByCode(RoundScores.RoleScores role) {
        return role.parts().stream().collect(Collectors.toMap(RoundScores.PartScore::code, Function.identity(), (a, b) -> a));
    }

    private static Map<String, RoundScores.RoleScores> byCode(List<RoundScores.RoleScores> roles) {
        return roles.stream().collect(Collectors.toMap(RoundScores.RoleScores::code, Function.identity(), (a, b) -> a));
    }
}
