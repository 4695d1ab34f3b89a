package se.lagesbild.export;

import se.lagesbild.comparison.ComparisonService;
import se.lagesbild.scoring.RoundComparison;
import se.lagesbild.scoring.RoundScores;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which figures of a comparison are withheld: those of a side whose round is too small to show, wherever
 * that side has the part or item at all (one that its instrument version lacks is simply absent).
 */
record WithheldSides(boolean from, boolean to, Set<String> fromParts, Set<String> toParts) {

    static WithheldSides of(ComparisonService.RoundsCompared compared) {
        return new WithheldSides(compared.fromScores().total().suppressed(), compared.toScores().total().suppressed(),
                partCodes(compared.fromScores()), partCodes(compared.toScores()));
    }

    boolean from(RoundComparison.PartChange part) {
        return from && fromParts.contains(part.code());
    }

    boolean to(RoundComparison.PartChange part) {
        return to && toParts.contains(part.code());
    }

    boolean from(RoundComparison.ItemChange item) {
        return from && item.inFrom();
    }

    boolean to(RoundComparison.ItemChange item) {
        return to && item.inTo();
    }

    private static Set<String> partCodes(RoundScores scores) {
        return scores.parts().stream().map(RoundScores.PartScore::code).collect(Collectors.toSet());
    }
}
