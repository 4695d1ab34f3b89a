package se.lagesbild.account;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One of the platform's settings that an administrator changes in the app (not in the environment). */
@MappedEntity("settings")
record Setting(@Id String name, String value) {
}
