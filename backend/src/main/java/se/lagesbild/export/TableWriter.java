package se.lagesbild.export;

/** Writes a {@link Table} in one file format. */
interface TableWriter {

    byte[] write(Table table);
}
