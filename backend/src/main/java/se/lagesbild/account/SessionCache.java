package se.lagesbild.account;

import se.lagesbild.access.Caller;

import io.micronaut.security.authentication.Authentication;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sessions this instance found in the database lately, by token hash, each remembered for a short time to
 * live, so that a request is validated without a database round trip. What {@link Sessions} ends or changes on
 * this instance is forgotten at once and not remembered again while it may still be in the database:
 * <ul>
 * <li>a lookup that began before something was forgotten is not remembered (it may have read the session just
 *     before the delete);</li>
 * <li>a forgotten token or user is not remembered again for a while ({@link #HOLD}), since the delete may sit
 *     in a transaction that has not committed yet (a role change closes the sessions inside its transaction).</li>
 * </ul>
 */
final class SessionCache {

    /** How long a forgotten token or user is not remembered again: far longer than any transaction of ours. */
    static final Duration HOLD = Duration.ofSeconds(60);
    private static final int MAX_ENTRIES = 10_000;

    /** A session as validated: who, their authentication, until when the session lasts. */
    record Entry(Caller caller, Authentication authentication, long sessionExpiresAtMillis) {
    }

    /** When a lookup in the database began, in forgettings. */
    record Lookup(long forgettings) {
    }

    private record Remembered(Entry entry, long untilNanos) {
    }

    private final long ttlNanos;
    private final Map<String, Remembered> byTokenHash = new ConcurrentHashMap<>();
    private final Map<String, Long> forgottenTokens = new ConcurrentHashMap<>();
    private final Map<Long, Long> forgottenUsers = new ConcurrentHashMap<>();
    private final AtomicLong forgettings = new AtomicLong();

    SessionCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    /** The session remembered for this token hash, if it is still fresh and has not expired. */
    Entry get(String tokenHash) {
        Remembered remembered = byTokenHash.get(tokenHash);
        if (remembered == null) {
            return null;
        }
        if (System.nanoTime() - remembered.untilNanos() >= 0 || System.currentTimeMillis() >= remembered.entry().sessionExpiresAtMillis()) {
            byTokenHash.remove(tokenHash, remembered);
            return null;
        }
        return remembered.entry();
    }

    /** To be called before reading a session from the database, and handed to {@link #remember}. */
    Lookup startLookup() {
        return new Lookup(forgettings.get());
    }

    /** Remembers a session read from the database, unless something was forgotten meanwhile or lately. */
    void remember(Lookup lookup, String tokenHash, Entry entry) {
        if (ttlNanos <= 0 || !mayRemember(lookup, tokenHash, entry)) {
            return;
        }
        long now = System.nanoTime();
        if (byTokenHash.size() >= MAX_ENTRIES) {
            byTokenHash.values().removeIf(remembered -> now - remembered.untilNanos() >= 0);
            if (byTokenHash.size() >= MAX_ENTRIES) {
                byTokenHash.clear();
            }
        }
        byTokenHash.put(tokenHash, new Remembered(entry, now + ttlNanos));
        // A forgetting that ran while this was being put may have missed it: check again, now that it is visible.
        if (!mayRemember(lookup, tokenHash, entry)) {
            byTokenHash.remove(tokenHash);
        }
    }

    private boolean mayRemember(Lookup lookup, String tokenHash, Entry entry) {
        return forgettings.get() == lookup.forgettings()
                && !held(forgottenTokens, tokenHash) && !held(forgottenUsers, entry.caller().userId());
    }

    void forgetToken(String tokenHash) {
        hold(forgottenTokens, tokenHash);
        byTokenHash.remove(tokenHash);
    }

    void forgetUser(long userId) {
        hold(forgottenUsers, userId);
        byTokenHash.values().removeIf(remembered -> remembered.entry().caller().userId() == userId);
    }

    private <K> void hold(Map<K, Long> forgotten, K key) {
        long now = System.nanoTime();
        forgotten.values().removeIf(until -> now - until >= 0);
        forgotten.put(key, now + HOLD.toNanos());
        forgettings.incrementAndGet();
    }

    private static <K> boolean held(Map<K, Long> forgotten, K key) {
        Long until = forgotten.get(key);
        return until != null && System.nanoTime() - until < 0;
    }
}
