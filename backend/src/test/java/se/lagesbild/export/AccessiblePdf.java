package se.lagesbild.export;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.text.PDFTextStripper;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/** Reads a PDF in tests: its text (PDFBox), and what veraPDF's PDF/UA-1 validation finds wrong with it. */
final class AccessiblePdf {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private AccessiblePdf() {
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    /** The alternative texts of the figures in the structure tree, in reading order. */
    static List<String> figureAltTexts(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> alts = new java.util.ArrayList<>();
            collectFigures(document.getDocumentCatalog().getStructureTreeRoot().getKids(), alts);
            return alts;
        }
    }

    private static void collectFigures(List<Object> kids, List<String> alts) {
        for (Object kid : kids) {
            if (kid instanceof PDStructureElement element) {
                if ("Figure".equals(element.getStructureType())) {
                    alts.add(element.getAlternateDescription());
                }
                collectFigures(element.getKids(), alts);
            }
        }
    }

    /** Keeps a report under target/reports, to look at. */
    static void keep(String name, byte[] pdf) throws IOException {
        java.nio.file.Path directory = java.nio.file.Path.of("target", "reports");
        java.nio.file.Files.createDirectories(directory);
        java.nio.file.Files.write(directory.resolve(name), pdf);
    }

    /** The failed PDF/UA-1 rules, one line each (rule, clause, description, where); empty when the PDF passes. */
    static List<String> pdfUaFailures(byte[] pdf) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFUA_1);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failures = result.getTestAssertions().stream()
                    .filter(assertion -> assertion.getStatus() == TestAssertion.Status.FAILED)
                    .map(assertion -> assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber() + " "
                            + assertion.getMessage() + " @ " + assertion.getLocation().getContext())
                    .distinct()
                    .collect(Collectors.toList());
            if (failures.isEmpty() && !result.isCompliant()) {
                failures.add("not compliant, though no assertion failed: " + result);
            }
            return failures;
        }
    }
}
