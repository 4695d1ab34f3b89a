package se.lagesbild.export;

import java.util.List;

/**
 * Writes the XHTML of a report: text always escaped, tables with a header row of {@code th scope="col"} and a
 * first column of {@code th scope="row"}, so that the tagged PDF has real table headers.
 */
final class Html {

    private final StringBuilder head = new StringBuilder();
    private final StringBuilder bookmarks = new StringBuilder();
    private final StringBuilder out = new StringBuilder();

    /** The page frame: language, title, the shared style sheet; {@code footer} runs in the page margin with the page number. */
    Html(String title, String footer) {
        head.append("<!DOCTYPE html>\n<html lang=\"sv\" xml:lang=\"sv\" xmlns=\"http://www.w3.org/1999/xhtml\"><head><meta charset=\"UTF-8\"/>")
                .append("<title>").append(escape(title)).append("</title>")
                .append("<meta name=\"author\" content=\"Lägesbild\"/>")
                .append("<meta name=\"subject\" content=\"").append(escape(title)).append("\"/>")
                .append("<style>").append(STYLE.replace("FOOTER", cssString(footer))).append("</style>");
    }

    Html raw(String xhtml) {
        out.append(xhtml);
        return this;
    }

    Html element(String tag, String cssClass, String text) {
        out.append('<').append(tag);
        if (cssClass != null) {
            out.append(" class=\"").append(cssClass).append('"');
        }
        out.append('>').append(escape(text)).append("</").append(tag).append('>');
        return this;
    }

    Html paragraph(String text) {
        return element("p", null, text);
    }

    Html note(String text) {
        return element("p", "note", text);
    }

    /** A section heading with an id, for the table of contents. */
    Html heading(int level, String id, String text) {
        out.append("<h").append(level).append(" id=\"").append(id).append("\">").append(escape(text))
                .append("</h").append(level).append('>');
        return this;
    }

    /**
     * The table of contents: each section with the page it starts on. The entries are no links: PDF/UA wants a
     * description on every link annotation, which the renderer does not write; the same sections are the PDF's
     * bookmarks (see {@link #end}), which a reader's navigation pane and screen readers offer.
     */
    Html contents(List<String[]> entries) {
        out.append("<h2 class=\"toc-heading\">Innehåll</h2><ul class=\"toc\">");
        for (String[] entry : entries) {
            out.append("<li><span class=\"toc-entry\" href=\"#").append(entry[0]).append("\">")
                    .append(escape(entry[1])).append("</span></li>");
            bookmarks.append("<bookmark name=\"").append(escape(entry[1])).append("\" href=\"#").append(entry[0]).append("\"/>");
        }
        out.append("</ul>");
        return this;
    }

    /**
     * A table: a caption, a header row, and rows whose first cell heads the row. Columns from {@code firstFigure}
     * on are figures, right-aligned.
     */
    Html table(String caption, List<String> header, List<List<String>> rows, int firstFigure) {
        return table(caption, header, rows, firstFigure, null);
    }

    /** A table as above whose columns take these shares of the width (in per cent), so long text wraps inside the page. */
    Html table(String caption, List<String> header, List<List<String>> rows, int firstFigure, int[] widths) {
        out.append(widths == null ? "<table>" : "<table class=\"fixed\">").append("<caption>").append(escape(caption))
                .append("</caption>");
        if (widths != null) {
            for (int width : widths) {
                out.append("<col style=\"width: ").append(width).append("%\"/>");
            }
        }
        out.append("<thead><tr>");
        for (int column = 0; column < header.size(); column++) {
            out.append("<th scope=\"col\"").append(column >= firstFigure ? " class=\"num\"" : "").append('>')
                    .append(escape(header.get(column))).append("</th>");
        }
        out.append("</tr></thead><tbody>");
        // Item codes ("CS-01") never break at their hyphen.
        String firstClass = "Kod".equals(header.get(0)) ? " class=\"code\"" : "";
        for (List<String> row : rows) {
            out.append("<tr>");
            for (int column = 0; column < row.size(); column++) {
                String tag = column == 0 ? "th" : "td";
                out.append('<').append(tag).append(column == 0 ? " scope=\"row\"" + firstClass : "")
                        .append(column >= firstFigure ? " class=\"num\"" : "").append('>')
                        .append(escape(row.get(column))).append("</").append(tag).append('>');
            }
            out.append("</tr>");
        }
        out.append("</tbody></table>");
        return this;
    }

    /** A chart as an image, its alt text saying what it shows; the same figures always follow as a table. */
    Html image(byte[] png, String alt, float widthMm) {
        out.append("<div class=\"figure\"><img src=\"data:image/png;base64,")
                .append(java.util.Base64.getEncoder().encodeToString(png)).append("\" alt=\"").append(escape(alt))
                .append("\" style=\"width: ").append(widthMm).append("mm\"/></div>");
        return this;
    }

    /** The whole document, with the table of contents' sections as the PDF's bookmarks. */
    String end() {
        return head + (bookmarks.isEmpty() ? "" : "<bookmarks>" + bookmarks + "</bookmarks>") + "</head><body>" + out
                + "</body></html>";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                default -> {
                    // Control characters are not allowed in XML; a comment could hold one.
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    private static String cssString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static final String STYLE = """
            @page { size: A4; margin: 18mm 16mm 20mm 16mm;
              @bottom-left { content: FOOTER; font-family: 'DejaVu Sans'; font-size: 7.5pt; color: #444; }
              @bottom-right { content: "Sida " counter(page) " av " counter(pages); font-family: 'DejaVu Sans';
                font-size: 7.5pt; color: #444; } }
            body { font-family: 'DejaVu Sans'; font-size: 9pt; line-height: 1.35; color: #1a1a1a; }
            h1 { font-size: 18pt; margin: 2mm 0 1mm 0; }
            h2 { font-size: 12.5pt; margin: 7mm 0 2mm 0; page-break-after: avoid; }
            h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm 0; page-break-after: avoid; }
            p { margin: 1mm 0 1.5mm 0; }
            .kicker, .note { color: #444; font-size: 8pt; }
            .lead { font-size: 11pt; }
            .toc { padding-left: 0; list-style: none; margin: 0 0 2mm 0; }
            .toc li { margin: 0.6mm 0; }
            .toc-entry::after { content: leader('.') target-counter(attr(href), page); }
            table { width: 100%; border-collapse: collapse; margin: 2mm 0 3mm 0; -fs-table-paginate: paginate; }
            caption { text-align: left; font-weight: bold; font-size: 8.5pt; padding: 0 0 1mm 0; }
            th, td { border: 0.5pt solid #b8b8b8; padding: 1.2mm 1.5mm; text-align: left; vertical-align: top; }
            thead th { background-color: #e8eef4; }
            tbody th { font-weight: normal; }
            .num { text-align: right; }
            table.fixed { table-layout: fixed; }
            .code { white-space: nowrap; }
            tr { page-break-inside: avoid; }
            .figure { margin: 2mm 0 1mm 0; page-break-inside: avoid; }
            .clear-up { font-weight: bold; }
            .clear-down { font-weight: bold; }
            ul.plain { margin: 1mm 0 2mm 0; padding-left: 5mm; }
            """;
}
