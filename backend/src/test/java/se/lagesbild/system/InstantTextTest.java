package se.lagesbild.system;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InstantTextTest {

    private static final List<Instant> EDGES = List.of(Instant.EPOCH, Instant.parse("2026-11-29T08:00:00Z"),
            Instant.parse("2026-11-29T08:00:00.100Z"), Instant.parse("2026-11-29T08:00:00.000100Z"),
            Instant.parse("2026-11-29T08:00:00.000000100Z"), Instant.parse("2024-02-29T23:59:59.999999999Z"),
            Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999Z"), Instant.parse("-0001-12-31T23:59:59Z"),
            Instant.parse("+10000-01-01T00:00:00Z"), Instant.ofEpochSecond(-1, 1));

    @Test
    void writesWhatTheIsoInstantFormatterWrites() {
        Random random = new Random(29);
        for (Instant instant : EDGES) {
            assertEquals(DateTimeFormatter.ISO_INSTANT.format(instant), InstantText.format(instant));
        }
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextLong() % 253_402_300_800L; // years 1 BC … 9999 either side of the epoch
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(second, nanos);
            assertEquals(DateTimeFormatter.ISO_INSTANT.format(instant), InstantText.format(instant), () -> instant.getEpochSecond() + "s");
            assertEquals(instant, InstantText.parse(InstantText.format(instant)));
        }
    }

    @Test
    void readsEveryFormTheIsoInstantFormatterReads() {
        for (String text : List.of("2026-11-29T08:00:00Z", "2026-11-29T08:00:00.5Z", "2026-11-29T08:00:00.123456789Z",
                "2026-11-29t08:00:00z", "2026-11-29T09:00:00+01:00", "2026-11-29T08:00:00.120Z", "2016-12-31T23:59:60Z",
                "2026-11-29T24:00:00Z", "2026-11-29T08:00:00.Z", "+12026-11-29T08:00:00Z")) {
            assertEquals(DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from), InstantText.parse(text), text);
        }
    }

    @Test
    void refusesWhatIsNoInstant() {
        for (String text : List.of("", "2026-11-29", "2026-11-29T08:00:00", "2026-02-30T08:00:00Z", "2026-11-29T25:00:00Z",
                "2026-11-29T08:00:00.1234567890Z", "2026-1x-29T08:00:00Z", "i morgon")) {
            assertThrows(DateTimeParseException.class, () -> InstantText.parse(text), text);
        }
    }

    @Test
    void leavesAnythingButTheCanonicalFormToTheFormatter() {
        assertNull(InstantText.parseCanonical("2026-11-29T09:00:00+01:00"));
        assertNull(InstantText.parseCanonical("2016-12-31T23:59:60Z"));
        assertNull(InstantText.parseCanonical("2026-02-30T08:00:00Z"));
        assertEquals(Instant.parse("2026-11-29T08:00:00.5Z"), InstantText.parseCanonical("2026-11-29T08:00:00.5Z"));
    }
}
