package se.lagesbild.instrument;

/** A definition file that cannot be used; the message names the file, the line and the field. */
public class InstrumentDefinitionException extends RuntimeException {

    public InstrumentDefinitionException(String source, int line, String field, String problem) {
        super(source + ", line " + line + ", field '" + field + "': " + problem);
    }

    public InstrumentDefinitionException(String message) {
        super(message);
    }
}
