package se.lagesbild.export;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Renders a report's XHTML as a tagged, accessible PDF (PDF/UA-1): the structure of the HTML (headings, lists,
 * tables, images with their alt text) becomes the structure tree, in reading order; the document's language
 * and title come from {@code <html lang>} and {@code <title>}. Every glyph is DejaVu Sans, embedded, since
 * PDF/UA allows no font that is not embedded; the font files come from a jar, not from the machine.
 */
final class PdfDocument {

    /** The one font family the reports' style sheets name. */
    static final String FONT_FAMILY = "DejaVu Sans";

    private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";
    private static final byte[] REGULAR = font("DejaVuSans.ttf");
    private static final byte[] BOLD = font("DejaVuSans-Bold.ttf");

    static {
        // The renderer logs every font load and page through java.util.logging; only its warnings matter here.
        com.openhtmltopdf.util.XRLog.listRegisteredLoggers()
                .forEach(logger -> com.openhtmltopdf.util.XRLog.setLevel(logger, java.util.logging.Level.WARNING));
    }

    private PdfDocument() {
    }

    static byte[] render(String xhtml) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessibility(true);
        builder.useFont(() -> new java.io.ByteArrayInputStream(REGULAR), FONT_FAMILY, 400,
                BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.useFont(() -> new java.io.ByteArrayInputStream(BOLD), FONT_FAMILY, 700,
                BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.withHtmlContent(xhtml, null);
        builder.toStream(bytes);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A DejaVu font file as bytes (also for the charts, which draw their labels in the same font). */
    static byte[] font(String name) {
        try (InputStream in = PdfDocument.class.getResourceAsStream(FONTS + name)) {
            if (in == null) {
                throw new IllegalStateException("Font " + name + " is not on the class path (jasperreports-fonts)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
