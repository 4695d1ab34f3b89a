package se.lagesbild.access;

/** Role names as compile-time constants, for {@code @Secured}. */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String PROJECT_LEAD = "PROJECT_LEAD";
    public static final String RESPONDENT = "RESPONDENT";
    public static final String FACILITATOR = "FACILITATOR";

    private Roles() {
    }
}
