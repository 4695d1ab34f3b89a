package se.lagesbild.response;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.ToLongFunction;

/**
 * Values by key up to a total weight (an estimate of their memory), forgetting the least recently used first when a
 * new value would take it past the bound; a value heavier than the bound on its own is not kept. Thread-safe.
 */
final class WeightedCache<K, V> {

    private final long maxWeight;
    private final ToLongFunction<V> weigher;
    /** Least recently used first; guarded by this. */
    private final LinkedHashMap<K, V> values = new LinkedHashMap<>(16, 0.75f, true);
    private long weight;

    WeightedCache(long maxWeight, ToLongFunction<V> weigher) {
        this.maxWeight = maxWeight;
        this.weigher = weigher;
    }

    /** The value, or null; it becomes the most recently used. */
    synchronized V get(K key) {
        return values.get(key);
    }

    synchronized void put(K key, V value) {
        V replaced = values.remove(key);
        if (replaced != null) {
            weight -= weigher.applyAsLong(replaced);
        }
        long valueWeight = weigher.applyAsLong(value);
        if (valueWeight > maxWeight) {
            return;
        }
        values.put(key, value);
        weight += valueWeight;
        Iterator<V> leastRecent = values.values().iterator();
        while (weight > maxWeight && leastRecent.hasNext()) {
            weight -= weigher.applyAsLong(leastRecent.next());
            leastRecent.remove();
        }
    }

    /** The total weight of the values kept, at most the bound. */
    synchronized long weight() {
        return weight;
    }
}
