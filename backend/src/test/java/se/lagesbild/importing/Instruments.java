package se.lagesbild.importing;

import se.lagesbild.instrument.InstrumentDefinition;
import se.lagesbild.instrument.InstrumentFileParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The shipped instrument definitions, parsed without a Micronaut context, for the pure tests. */
final class Instruments {

    static final InstrumentDefinition CHECKLIST = shipped("checklist-systematik");
    static final InstrumentDefinition SKATTA_LAGET = shipped("skatta-laget");
    static final InstrumentDefinition STAIRCASE = shipped("jamstalldhetstrappan");

    private Instruments() {
    }

    private static InstrumentDefinition shipped(String code) {
        String name = "instruments/" + code + "/v1.yaml";
        try (InputStream in = Instruments.class.getClassLoader().getResourceAsStream(name)) {
            return InstrumentFileParser.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
