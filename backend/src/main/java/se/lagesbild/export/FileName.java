package se.lagesbild.export;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Names of downloaded files, made from what a person recognises (organisation, round labels): the name as
 * written, for browsers that read RFC 5987's {@code filename*}, and a plain ASCII one ("Malmo-stad-2025")
 * for those that only read {@code filename}.
 */
final class FileName {

    private FileName() {
    }

    /** The parts joined by hyphens, without characters that no file system allows. */
    static String of(String... parts) {
        return Arrays.stream(parts).map(part -> part.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "-").strip())
                .collect(Collectors.joining("-"));
    }

    static String contentDisposition(String fileName) {
        return "attachment; filename=\"" + ascii(fileName) + "\"; filename*=UTF-8''" + percentEncoded(fileName);
    }

    /** "Malmö stad-2025.csv" becomes "Malmo-stad-2025.csv". */
    static String ascii(String fileName) {
        String ascii = Normalizer.normalize(fileName, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-{2,}", "-").replaceAll("^[-.]+|-+$", "");
        return ascii.isEmpty() ? "export" : ascii;
    }

    /** RFC 5987: UTF-8, percent-encoded, with spaces as %20 (never "+"). */
    private static String percentEncoded(String fileName) {
        return URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
