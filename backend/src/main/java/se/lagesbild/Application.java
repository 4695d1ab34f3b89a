package se.lagesbild;

import io.micronaut.runtime.Micronaut;

/** Starts Lägesbild: the JSON API under /api and the single-page frontend. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
