package se.lagesbild.access;

/**
 * What a user may do in one organisation. Administrators stand apart ({@link Roles#ADMIN}, no organisation).
 * The names are the role names of Micronaut Security's {@code Authentication} and of {@code @Secured}.
 */
public enum Role {
    /** Creates, closes and imports rounds, invites respondents, compares, exports, keeps actions. */
    PROJECT_LEAD,
    /** Fills in their own responses and sees the organisation's results. */
    RESPONDENT,
    /** Runs workshops; sees no rounds or answers. */
    FACILITATOR
}
