package se.lagesbild.instrument;

import io.micronaut.core.annotation.Nullable;

/** A definition file that cannot be used; the message names the file, the line and the field. */
public class InstrumentDefinitionException extends RuntimeException {

    private final String field;

    public InstrumentDefinitionException(String source, int line, String field, String problem) {
        super(source + ", line " + line + ", field '" + field + "': " + problem);
        this.field = field;
    }

    public InstrumentDefinitionException(String message) {
        super(message);
        this.field = null;
    }

    /** The offending field's path in the file, such as {@code parts[0].items[2].text}, when one is to blame. */
    @Nullable
    public String field() {
        return field;
    }
}
