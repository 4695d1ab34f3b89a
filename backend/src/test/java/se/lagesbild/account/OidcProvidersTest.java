package se.lagesbild.account;

import org.junit.jupiter.api.Test;
import se.lagesbild.access.Role;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading LAGESBILD_OIDC_<ID>_GROUP_ROLES and the PKCE challenge. */
class OidcProvidersTest {

    @Test
    void groupRolesReadAdminAndRolesInOrganisationsAndAGroupMayGiveSeveral() {
        Map<String, List<OidcProvider.GroupRole>> roles = OidcProviders.groupRoles(
                List.of("3f1c-aa=ADMIN", " 8a2b-bb = PROJECT_LEAD:12 ", "8a2b-bb=FACILITATOR:13", "/lund/ledare=RESPONDENT:4", ""), "X");
        assertEquals(List.of(new OidcProvider.GroupRole(true, null, null)), roles.get("3f1c-aa"));
        assertEquals(List.of(new OidcProvider.GroupRole(false, 12L, Role.PROJECT_LEAD), new OidcProvider.GroupRole(false, 13L, Role.FACILITATOR)),
                roles.get("8a2b-bb"));
        assertEquals(List.of(new OidcProvider.GroupRole(false, 4L, Role.RESPONDENT)), roles.get("/lund/ledare"));
        assertEquals(3, roles.size());
    }

    @Test
    void aGroupRoleWithoutAnOrganisationOrWithAnUnknownRoleStopsTheStartNamingTheVariable() {
        for (String wrong : List.of("ledare=PROJECT_LEAD", "ledare=CHEF:3", "ledare", "=ADMIN", "ledare=PROJECT_LEAD:tolv")) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> OidcProviders.groupRoles(List.of(wrong), "LAGESBILD_OIDC_ENTRA_GROUP_ROLES"));
            assertTrue(e.getMessage().startsWith("LAGESBILD_OIDC_ENTRA_GROUP_ROLES: '" + wrong + "'"), e.getMessage());
        }
    }

    @Test
    void thePkceChallengeIsTheS256OfTheVerifierAsRfc7636sExampleHasIt() {
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", OidcClient.codeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    @Test
    void onlyPathsOfTheWebAppAreReturnedToAfterSigningIn() {
        assertEquals("/omgangar/7", OidcSignIns.ownPath("/omgangar/7"));
        for (String foreign : List.of("//evil.example/x", "https://evil.example", "/\\evil.example", "omgangar", "/a b")) {
            assertEquals(null, OidcSignIns.ownPath(foreign), foreign);
        }
    }
}
