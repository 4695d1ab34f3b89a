package se.lagesbild.access;

import java.util.EnumSet;
import java.util.Set;

/** What a caller wants to do with an organisation's things; each organisation role grants some of these ({@link AccessPolicy}). */
public enum Permission {
    /** See that the organisation exists: its name, on the way to one's own work there. */
    SEE_ORGANISATION(EnumSet.allOf(Role.class)),
    /** See the organisation, its rounds and their results (scores, comparisons, actions). */
    VIEW(EnumSet.of(Role.PROJECT_LEAD, Role.RESPONDENT)),
    /** Start, close and import rounds, invite, export, keep actions, read the audit trail. */
    MANAGE(EnumSet.of(Role.PROJECT_LEAD)),
    /** Start one's own response in an open round. */
    ANSWER(EnumSet.of(Role.PROJECT_LEAD, Role.RESPONDENT)),
    /** Run workshops in the organisation's name. */
    RUN_WORKSHOPS(EnumSet.of(Role.FACILITATOR));

    private final Set<Role> grantedTo;

    Permission(Set<Role> grantedTo) {
        this.grantedTo = grantedTo;
    }

    public boolean isGrantedTo(Role role) {
        return grantedTo.contains(role);
    }
}
