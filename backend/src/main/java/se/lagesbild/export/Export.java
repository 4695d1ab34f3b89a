package se.lagesbild.export;

/** A table to download, and the file name it gets (without extension), e.g. "Kalmar kommun-2025-resultat". */
public record Export(String name, Table table) {
}
