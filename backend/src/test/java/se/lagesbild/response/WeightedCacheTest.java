package se.lagesbild.response;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The bound on what RoundResults keeps: a total weight, the least recently used forgotten first. */
class WeightedCacheTest {

    /** Values weigh their length. */
    private final WeightedCache<Long, String> cache = new WeightedCache<>(10, String::length);

    @Test
    void pastTheBoundTheLeastRecentlyUsedIsForgottenFirst() {
        cache.put(1L, "aaaa");
        cache.put(2L, "bbbb");
        assertEquals("aaaa", cache.get(1L), "1 is now used more recently than 2");

        cache.put(3L, "cccc");

        assertNull(cache.get(2L));
        assertEquals("aaaa", cache.get(1L));
        assertEquals("cccc", cache.get(3L));
        assertEquals(8, cache.weight());
    }

    @Test
    void aReplacedValueWeighsOnlyOnce() {
        cache.put(1L, "aaaaaaaa");
        cache.put(1L, "aaaaaaaaa");

        assertEquals("aaaaaaaaa", cache.get(1L));
        assertEquals(9, cache.weight());
    }

    @Test
    void aValueHeavierThanTheBoundIsNotKeptAndTheOthersStay() {
        cache.put(1L, "aaaa");

        cache.put(2L, "bbbbbbbbbbbb");

        assertNull(cache.get(2L));
        assertEquals("aaaa", cache.get(1L));
        assertEquals(4, cache.weight());
    }
}
