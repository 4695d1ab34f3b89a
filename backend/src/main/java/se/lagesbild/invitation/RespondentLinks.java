package se.lagesbild.invitation;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import se.lagesbild.access.AuditTrail;
import se.lagesbild.access.Caller;
import se.lagesbild.access.Permission;
import se.lagesbild.instrument.InstrumentCatalog;
import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.response.ResponseService;
import se.lagesbild.round.Round;
import se.lagesbild.round.RoundClosed;
import se.lagesbild.round.RoundService;
import se.lagesbild.system.DerivedTokens;
import se.lagesbild.system.ProblemException;
import se.lagesbild.system.SecretToken;
import se.lagesbild.system.Text;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The lead's side of reaching respondents: personal links for a list of addresses, the round's open link, and
 * how many have answered. A personal link's token is derived from the round and the address, so an address
 * always gets the same link back; only its hash is stored, and the addresses are erased once the round is
 * closed (after {@code lagesbild.links.keep-addresses-after-close}, default at once).
 */
@Singleton
public class RespondentLinks {

    // Deliberately loose: one @, something on both sides, a dot in the domain. The link proves the address works.
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+$");
    static final int MAX_ADDRESSES = 5000;

    private final RespondentLinkRepository links;
    private final OpenLinkRepository openLinks;
    private final RoundService rounds;
    private final ResponseService responses;
    private final InstrumentCatalog instruments;
    private final DerivedTokens tokens;
    private final AuditTrail audit;
    private final Duration keepAddresses;

    public RespondentLinks(RespondentLinkRepository links, OpenLinkRepository openLinks, RoundService rounds,
                           ResponseService responses, InstrumentCatalog instruments, DerivedTokens tokens, AuditTrail audit,
                           @Value("${lagesbild.links.keep-addresses-after-close:0d}") Duration keepAddresses) {
        this.links = links;
        this.openLinks = openLinks;
        this.rounds = rounds;
        this.responses = responses;
        this.instruments = instruments;
        this.tokens = tokens;
        this.audit = audit;
        this.keepAddresses = keepAddresses;
    }

    /** A personal link: the address and the token of its URL ({@code /s/{token}}). */
    public record Link(String email, String token) {
    }

    /** A line of the pasted list that is not an address, with its line number (1-based). */
    @Serdeable
    public record Rejected(int line, String value, String message) {
    }

    public record Created(List<Link> links, List<Rejected> rejected) {
    }

    /**
     * A link for each address in the list (one per line, or separated by commas or semicolons; "Name
     * &lt;address&gt;" is read as the address). Lines that are not addresses are reported with their line number
     * and the rest are kept; an address that already has a link gets it back, never a second one.
     */
    @Transactional
    public Created create(Caller lead, long roundId, List<String> lines) {
        Round round = openRound(lead, roundId);
        List<Link> created = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int added = 0;
        for (int i = 0; i < lines.size(); i++) {
            for (String entry : lines.get(i).split("[,;]")) {
                String value = entry.strip();
                if (value.isEmpty()) {
                    continue;
                }
                String address = addressIn(value);
                if (address == null) {
                    rejected.add(new Rejected(i + 1, value, "Rad " + (i + 1) + ": ”" + value
                            + "” är ingen e-postadress. Skriv den som anna.andersson@lund.se."));
                    continue;
                }
                if (!seen.add(address.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                if (seen.size() > MAX_ADDRESSES) {
                    throw ProblemException.badRequest("emails", Text.of("links.too-many-addresses", MAX_ADDRESSES));
                }
                String token = personalToken(roundId, address);
                String hash = linkHash(token);
                if (!links.existsByTokenHash(hash)) {
                    links.save(new RespondentLink(null, roundId, RespondentLink.Kind.PERSONAL, hash, address, false, null, 0, now()));
                    added++;
                }
                created.add(new Link(address, token));
            }
        }
        if (added > 0) {
            audit.record(lead, round.organisationId(), "links.created", "round", roundId, String.valueOf(added));
        }
        return new Created(created, rejected);
    }

    /** Every personal link of the round with its address (while addresses are kept); optionally only those not submitted. */
    public List<Link> personalLinks(Caller lead, long roundId, boolean onlyNotSubmitted) {
        rounds.get(roundId, lead, Permission.MANAGE);
        return links.findByRoundIdAndKindOrderById(roundId, RespondentLink.Kind.PERSONAL).stream()
                .filter(link -> link.email() != null && (!onlyNotSubmitted || !link.submitted()))
                .map(link -> new Link(link.email(), personalToken(roundId, link.email()))).toList();
    }

    /** The round's one open link; asking again gives the same one. */
    @Transactional
    public String openLink(Caller lead, long roundId) {
        Round round = openRound(lead, roundId);
        String token = tokens.derive("open", String.valueOf(roundId));
        if (!openLinks.existsById(roundId)) {
            openLinks.save(new OpenLink(roundId, openHash(token)));
            audit.record(lead, round.organisationId(), "open-link.created", "round", roundId, null);
        }
        return token;
    }

    /**
     * What the participation panel shows: invited (personal links) and how many of them have submitted; started and
     * submitted responses in all (personal links, the open link, signed-in accounts), and how many came through the
     * open link. {@code byRole} only where every role shown reaches the anonymity threshold.
     */
    @Serdeable
    public record Participation(long invited, long invitedSubmitted, long started, long submitted, long openLinkSubmitted,
                                int anonymityThreshold, @Nullable List<RoleCount> byRole) {
    }

    @Serdeable
    public record RoleCount(String role, String label, @Nullable String labelEn, long submitted) {
    }

    public Participation participation(Caller lead, long roundId) {
        Round round = rounds.get(roundId, lead, Permission.MANAGE);
        ResponseService.Counts counts = responses.counts(roundId);
        InstrumentDefinition instrument = instruments.version(round.instrumentCode(), round.instrumentVersion());
        List<RoleCount> byRole = null;
        if (instrument.asksForRespondentRole()) {
            Map<String, Long> submitted = responses.submittedByRole(roundId);
            List<RoleCount> roles = instrument.respondentRoles().stream()
                    .map(role -> new RoleCount(role.code(), role.label(), role.labelEn(), submitted.getOrDefault(role.code(), 0L))).toList();
            if (roles.stream().allMatch(role -> role.submitted() >= rounds.anonymityThreshold())) {
                byRole = roles;
            }
        }
        return new Participation(links.countByRoundIdAndKind(roundId, RespondentLink.Kind.PERSONAL),
                links.countByRoundIdAndKindAndSubmitted(roundId, RespondentLink.Kind.PERSONAL, true), counts.started(),
                counts.submitted(), links.countByRoundIdAndKindAndSubmitted(roundId, RespondentLink.Kind.ANONYMOUS, true),
                rounds.anonymityThreshold(), byRole);
    }

    /** Addresses are personal data kept for mailing only: erased when the round closes (or the configured days after). */
    @EventListener
    void onRoundClosed(RoundClosed closed) {
        if (keepAddresses.isZero() || keepAddresses.isNegative()) {
            links.eraseAddresses(closed.roundId());
        }
    }

    /** Erases the addresses of rounds closed longer ago than the configured time. */
    @Scheduled(fixedDelay = "1h", initialDelay = "1m")
    @Transactional
    void eraseAddressesOfClosedRounds() {
        if (keepAddresses.isZero() || keepAddresses.isNegative()) {
            return;
        }
        rounds.closedBefore(Instant.now().minus(keepAddresses)).forEach(round -> links.eraseAddresses(round.id()));
    }

    private Round openRound(Caller lead, long roundId) {
        Round round = rounds.get(roundId, lead, Permission.MANAGE);
        if (!round.acceptsAnswers()) {
            throw ProblemException.conflict(Text.of("invitation.round-closed", round.label()));
        }
        return round;
    }

    String personalToken(long roundId, String address) {
        return tokens.derive("link", roundId + "|" + address.strip().toLowerCase(Locale.ROOT));
    }

    static String linkHash(String token) {
        return SecretToken.hash("link|" + token);
    }

    static String openHash(String token) {
        return SecretToken.hash("open|" + token);
    }

    private static @Nullable String addressIn(String value) {
        String candidate = value;
        int open = value.lastIndexOf('<');
        if (open >= 0 && value.endsWith(">")) {
            candidate = value.substring(open + 1, value.length() - 1).strip();
        }
        candidate = candidate.replaceAll("^\"|\"$", "");
        return candidate.length() <= 254 && EMAIL.matcher(candidate).matches() ? candidate : null;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
