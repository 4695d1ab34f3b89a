package se.lagesbild.system;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A message for a person, not yet in a language: the key of its wording in {@code i18n/problems_*.properties}
 * and the values that fill its {@code {0}}, {@code {1}}, … An argument that is itself a {@code Text} is put in
 * the same language; anything else is written as it is.
 */
public record Text(String key, List<Object> args) {

    public static Text of(String key, Object... args) {
        return new Text(key, Collections.unmodifiableList(Arrays.asList(args.clone())));
    }

    /**
     * The items one after the other, each pair joined by the two-place text {@code key} (such as "{0} eller {1}"):
     * nothing for no items, the item itself for one.
     */
    public static Object joined(String key, List<?> items) {
        if (items.isEmpty()) {
            return "";
        }
        Object joined = items.get(0);
        for (Object next : items.subList(1, items.size())) {
            joined = of(key, joined, next);
        }
        return joined;
    }

    /** Words the caller already has in both languages, such as an instrument title with its English. */
    public record Either(String swedish, String english) {
    }
}
