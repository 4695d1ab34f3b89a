package se.lagesbild.account;

import io.micronaut.security.authentication.Authentication;
import org.junit.jupiter.api.Test;
import se.lagesbild.access.Caller;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What the session cache remembers, for how long, and what it must not remember again after a logout. */
class SessionCacheTest {

    private static SessionCache.Entry sessionOf(long userId, Duration left) {
        Caller caller = new Caller(userId, "user" + userId, false, Map.of());
        return new SessionCache.Entry(caller, Authentication.build(caller.username(), caller.attributes()),
                System.currentTimeMillis() + left.toMillis());
    }

    @Test
    void aSessionFoundIsRememberedForTheTimeToLiveOnly() throws InterruptedException {
        SessionCache cache = new SessionCache(Duration.ofMillis(200));
        cache.remember(cache.startLookup(), "a", sessionOf(1, Duration.ofHours(1)));
        assertNotNull(cache.get("a"));
        Thread.sleep(250);
        assertNull(cache.get("a"), "after the time to live the database is asked again");
    }

    @Test
    void anExpiredSessionIsNeverAnsweredFromTheCache() {
        SessionCache cache = new SessionCache(Duration.ofMinutes(1));
        cache.remember(cache.startLookup(), "a", sessionOf(1, Duration.ofMillis(-1)));
        assertNull(cache.get("a"));
    }

    @Test
    void aLogoutForgetsTheTokenAtOnceAndALookupThatRacedWithItIsNotRemembered() {
        SessionCache cache = new SessionCache(Duration.ofMinutes(1));
        cache.remember(cache.startLookup(), "a", sessionOf(1, Duration.ofHours(1)));
        SessionCache.Lookup racing = cache.startLookup();
        cache.forgetToken("a");
        assertNull(cache.get("a"));
        cache.remember(racing, "a", sessionOf(1, Duration.ofHours(1)));
        assertNull(cache.get("a"), "read from the database before the logout: not remembered");
        cache.remember(cache.startLookup(), "a", sessionOf(1, Duration.ofHours(1)));
        assertNull(cache.get("a"), "the delete may not be committed yet: not remembered while it is held");
    }

    @Test
    void closingAUsersSessionsOrChangingTheirRolesForgetsOnlyTheirs() {
        SessionCache cache = new SessionCache(Duration.ofMinutes(1));
        cache.remember(cache.startLookup(), "a", sessionOf(1, Duration.ofHours(1)));
        cache.remember(cache.startLookup(), "b", sessionOf(1, Duration.ofHours(1)));
        cache.remember(cache.startLookup(), "c", sessionOf(2, Duration.ofHours(1)));
        cache.forgetUser(1);
        assertNull(cache.get("a"));
        assertNull(cache.get("b"));
        assertNotNull(cache.get("c"));
        cache.remember(cache.startLookup(), "d", sessionOf(1, Duration.ofHours(1)));
        assertNull(cache.get("d"), "the user's sessions are looked up in the database while the change may be uncommitted");
    }

    @Test
    void aTimeToLiveOfZeroTurnsTheCacheOff() {
        SessionCache cache = new SessionCache(Duration.ZERO);
        cache.remember(cache.startLookup(), "a", sessionOf(1, Duration.ofHours(1)));
        assertNull(cache.get("a"));
    }
}
