package se.lagesbild.comparison;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Controller;
import se.lagesbild.access.Caller;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.serde.annotation.Serdeable;
import se.lagesbild.action.ImprovementAction;
import se.lagesbild.round.Round;
import se.lagesbild.scoring.ChangeInterval;
import se.lagesbild.scoring.RoleComparison;
import se.lagesbild.scoring.RoundComparison;
import se.lagesbild.scoring.RoundScores;

import java.time.Instant;
import java.util.List;
import se.lagesbild.apidocs.ClientProblems;
import se.lagesbild.apidocs.ConflictProblem;
import se.lagesbild.apidocs.SignInRequired;

@Tag(name = "Comparisons")
@SignInRequired
@ClientProblems
@ConflictProblem
@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@SerdeImport(RoundComparison.Change.class)
public class ComparisonController {

    private final ComparisonService comparisons;

    public ComparisonController(ComparisonService comparisons) {
        this.comparisons = comparisons;
    }

    /** Two rounds of the same organisation and instrument: what moved per item, per part and in total. */
    @Get("/comparisons")
    public ComparisonView compareRounds(@QueryValue long from, @QueryValue long to, Caller caller) {
        return ComparisonView.of(comparisons.compare(caller, from, to), comparisons.anonymityThreshold());
    }

    /** All rounds of one organisation on one instrument, oldest first, with their total and part means. */
    @Get("/organisations/{organisationId}/trend")
    public TrendView trend(long organisationId, @QueryValue String instrumentCode, Caller caller) {
        return new TrendView(organisationId, instrumentCode, comparisons.timeline(caller, organisationId, instrumentCode).stream()
                .map(scored -> RoundSummary.of(scored.round(), scored.scores())).toList());
    }

    /** Organisations side by side for one round label (e.g. all municipalities' 2025): totals and parts, no items. */
    @Get("/regional")
    public RegionalView regional(@QueryValue String instrumentCode, @QueryValue String label, Caller caller) {
        var instrument = comparisons.latestInstrument(instrumentCode);
        return new RegionalView(instrumentCode, label,
                instrument.parts().stream().map(part -> new PartHeading(part.code(), part.title(), part.titleEn())).toList(),
                comparisons.sideBySide(caller, instrumentCode, label).stream()
                        .map(row -> new OrganisationColumn(row.organisation().id(), row.organisation().name(),
                                RoundSummary.of(row.round(), row.scores())))
                        .toList());
    }

    /**
     * The two rounds compared; {@code from} and {@code to} are their ids, as asked. {@code roles} compares each
     * respondent role where it is shown in both rounds; {@code anonymityThreshold} is the fewest respondents a
     * figure or an interval needs.
     */
    @Serdeable
    public record ComparisonView(long from, long to, RoundSide fromRound, RoundSide toRound, TotalChange total,
                                 List<PartView> parts, List<ItemView> items, List<RoleView> roles, int anonymityThreshold) {
        static ComparisonView of(ComparisonService.RoundsCompared compared, int anonymityThreshold) {
            RoundComparison.Comparison comparison = compared.comparison();
            RoundComparison.Change total = comparison.total();
            return new ComparisonView(compared.from().id(), compared.to().id(),
                    RoundSide.of(compared.from(), compared.fromScores()), RoundSide.of(compared.to(), compared.toScores()),
                    new TotalChange(total.from(), total.to(), total.delta(), total.direction(), comparison.totalSum(),
                            Interval.of(comparison.totalInterval()), clearOf(comparison.totalInterval())),
                    comparison.parts().stream().map(PartView::of).toList(),
                    comparison.items().stream().map(item -> ItemView.of(item,
                            compared.actionsByItem().getOrDefault(item.code(), List.of()))).toList(),
                    compared.roles().stream().map(RoleView::of).toList(), anonymityThreshold);
        }
    }

    /**
     * One respondent role in both rounds. {@code compared} is false where the role is under the threshold in
     * either round ({@code reason} {@code too-few}) or withheld to protect a smaller group ({@code withheld});
     * then {@code total} is null and {@code parts} empty. Role changes carry no interval.
     */
    @Serdeable
    public record RoleView(String code, String label, @Nullable String labelEn, int fromRespondents, int toRespondents,
                           boolean compared, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String reason,
                           @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable @Schema(type = "object") RoundComparison.Change total,
                           List<RolePartView> parts) {
        static RoleView of(RoleComparison.RoleChange role) {
            return new RoleView(role.code(), role.label(), role.labelEn(), role.fromRespondents(), role.toRespondents(),
                    role.compared(), role.reason() == null ? null : role.reason().name().toLowerCase().replace('_', '-'),
                    role.total(), role.parts().stream().map(part -> new RolePartView(part.code(), part.title(), part.from(),
                    part.to(), part.delta(), part.direction())).toList());
        }
    }

    @Serdeable
    public record RolePartView(String code, String title, @Nullable Double from, @Nullable Double to,
                               @Nullable Double delta, @Nullable String direction) {
    }

    /** One side of a comparison: which round, and over how many respondents. */
    @Serdeable
    public record RoundSide(long roundId, String label, int instrumentVersion, String status, int respondents,
                            boolean suppressed) {
        static RoundSide of(Round round, RoundScores scores) {
            return new RoundSide(round.id(), round.label(), round.instrumentVersion(), round.status().code(),
                    scores.respondents(), scores.total().suppressed());
        }
    }

    /**
     * The total mean on both sides; {@code sum} compares only complete totals over the same number of items.
     * {@code interval} and {@code clear}, here as on parts and items, are always present: null where a side has
     * no values or too few respondents for an interval (docs/change-intervals.md).
     */
    @Serdeable
    public record TotalChange(@Nullable Double from, @Nullable Double to, @Nullable Double delta,
                              @Nullable String direction, RoundComparison.Change sum,
                              @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable @Schema(type = "object") Interval interval,
                              @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Boolean clear) {
    }

    @Serdeable
    public record PartView(String code, String title, @Nullable Double from, @Nullable Double to, @Nullable Double delta,
                           @Nullable String direction,
                           @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable @Schema(type = "object") Interval interval,
                           @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Boolean clear) {
        static PartView of(RoundComparison.PartChange part) {
            return new PartView(part.code(), part.title(), part.from(), part.to(), part.delta(), part.direction(),
                    Interval.of(part.interval()), clearOf(part.interval()));
        }
    }

    @Serdeable
    public record ItemView(String code, String partCode, String text, @Nullable Double from, @Nullable Double to,
                           @Nullable Double delta, @Nullable String direction, @Nullable Integer fromN,
                           @Nullable Integer toN, boolean inFrom, boolean inTo, List<ImprovementAction> actions,
                           @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable @Schema(type = "object") Interval interval,
                           @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Boolean clear) {
        static ItemView of(RoundComparison.ItemChange item, List<ImprovementAction> actions) {
            return new ItemView(item.code(), item.partCode(), item.text(), item.from(), item.to(), item.delta(),
                    item.direction(), item.fromN(), item.toN(), item.inFrom(), item.inTo(), actions,
                    Interval.of(item.interval()), clearOf(item.interval()));
        }
    }

    /** The 95 % interval of the change {@code to − from}, two decimals. */
    @Serdeable
    public record Interval(double low, double high) {
        static Interval of(@Nullable ChangeInterval interval) {
            return interval == null ? null : new Interval(interval.low(), interval.high());
        }
    }

    private static Boolean clearOf(@Nullable ChangeInterval interval) {
        return interval == null ? null : interval.clear();
    }

    @Serdeable
    public record TrendView(long organisationId, String instrumentCode, List<RoundSummary> rounds) {
    }

    /** A round's total and part means, without item details. */
    @Serdeable
    public record RoundSummary(long roundId, String label, int instrumentVersion, String status, @Nullable Instant createdAt,
                               int respondents, RoundScores.TotalScore total, List<RoundScores.PartScore> parts) {
        static RoundSummary of(Round round, RoundScores scores) {
            return new RoundSummary(round.id(), round.label(), round.instrumentVersion(), round.status().code(),
                    round.createdAt(), scores.respondents(), scores.total(), scores.parts());
        }
    }

    @Serdeable
    public record RegionalView(String instrumentCode, String label, List<PartHeading> parts,
                               List<OrganisationColumn> organisations) {
    }

    @Serdeable
    public record PartHeading(String code, String title, @Nullable String titleEn) {
    }

    @Serdeable
    public record OrganisationColumn(long organisationId, String name, RoundSummary round) {
    }
}
