package se.lagesbild.access;

import io.micronaut.core.annotation.Nullable;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one place that decides who may see or change what. Two kinds of things exist: an organisation's things
 * (its page, rounds, results, actions, audit trail), decided by the caller's role there ({@link Permission});
 * and things that belong to one person (a response, a workshop), which only that person may use. Administrators
 * may do everything. Services ask here and answer 404, as if the thing did not exist, when the answer is no.
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    /** Whether the caller may do this with the organisation's things. */
    public static boolean permits(Caller caller, Permission permission, long organisationId) {
        return caller.admin() || caller.roleIn(organisationId).map(permission::isGrantedTo).orElse(false);
    }

    /** The organisations whose things the caller may do this with; every one for an administrator ({@link #all}). */
    public static Set<Long> organisationsWhere(Caller caller, Permission permission) {
        return caller.roles().entrySet().stream().filter(entry -> permission.isGrantedTo(entry.getValue()))
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the caller may see every organisation's things (an administrator). */
    public static boolean all(Caller caller) {
        return caller.admin();
    }

    /** Whether the caller may use a thing that belongs to one user (null: to nobody, e.g. an imported response). */
    public static boolean permitsOwn(Caller caller, @Nullable Long ownerUserId) {
        return caller.admin() || (ownerUserId != null && ownerUserId == caller.userId());
    }
}
