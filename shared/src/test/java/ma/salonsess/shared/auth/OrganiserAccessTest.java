package ma.salonsess.shared.auth;

import static ma.salonsess.shared.auth.OrganiserAccess.Verdict.ADMINS_CREATE_FAIRS;
import static ma.salonsess.shared.auth.OrganiserAccess.Verdict.ADMINS_NAME_ORGANISERS;
import static ma.salonsess.shared.auth.OrganiserAccess.Verdict.ALLOWED;
import static ma.salonsess.shared.auth.OrganiserAccess.Verdict.NOT_THIS_FAIRS_ORGANISER;
import static ma.salonsess.shared.auth.OrganiserAccess.Verdict.NO_VERIFIED_EMAIL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.salonsess.shared.auth.OrganiserAccess.Caller;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.http.HttpRequest;
import ma.salonsess.shared.http.ProblemException;
import ma.salonsess.shared.text.Language;
import ma.salonsess.shared.text.LocalizedText;
import org.junit.jupiter.api.Test;

class OrganiserAccessTest {
    private static final Fair FAIR = new Fair("foire-oujda", new LocalizedText("Foire", null, null), "Oujda", "Parc",
            LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 3), Fair.MOROCCO,
            List.of("Amina@Example.org", "youssef@example.org"), Language.FR);
    private static final Caller AMINA = new Caller("s1", Optional.of("amina@example.org"), false);
    private static final Caller STRANGER = new Caller("s2", Optional.of("stranger@example.org"), false);
    private static final Caller UNVERIFIED = new Caller("s3", Optional.empty(), false);
    private static final Caller ADMIN = new Caller("s4", Optional.empty(), true);

    @Test
    void onlyTheFairsOwnOrganisersAndAdminsActOnIt() {
        assertEquals(ALLOWED, OrganiserAccess.mayActOn(AMINA, FAIR), "the address matches whatever its case");
        assertEquals(NOT_THIS_FAIRS_ORGANISER, OrganiserAccess.mayActOn(STRANGER, FAIR));
        assertEquals(NO_VERIFIED_EMAIL, OrganiserAccess.mayActOn(UNVERIFIED, FAIR));
        assertEquals(ALLOWED, OrganiserAccess.mayActOn(ADMIN, FAIR));
    }

    @Test
    void onlyAdminsCreateFairs() {
        assertEquals(ADMINS_CREATE_FAIRS, OrganiserAccess.mayChange(AMINA, Optional.empty()));
        assertEquals(ALLOWED, OrganiserAccess.mayChange(ADMIN, Optional.empty()));
        assertEquals(ALLOWED, OrganiserAccess.mayChange(AMINA, Optional.of(FAIR)));
        assertEquals(NOT_THIS_FAIRS_ORGANISER, OrganiserAccess.mayChange(STRANGER, Optional.of(FAIR)));
    }

    @Test
    void organisersKeepTheirFairsOrganisersAsTheyAre() {
        assertEquals(ALLOWED, OrganiserAccess.mayName(AMINA, FAIR, List.of("youssef@example.org", "amina@example.org")),
                "the same addresses in another order and case");
        assertEquals(ADMINS_NAME_ORGANISERS, OrganiserAccess.mayName(AMINA, FAIR,
                List.of("amina@example.org", "youssef@example.org", "stranger@example.org")), "adding");
        assertEquals(ADMINS_NAME_ORGANISERS, OrganiserAccess.mayName(AMINA, FAIR, List.of("amina@example.org")),
                "removing");
        assertEquals(ALLOWED, OrganiserAccess.mayName(ADMIN, FAIR, List.of("stranger@example.org")));
        assertEquals(Optional.of("Amina@Example.org"), OrganiserAccess.organiserEntry(AMINA, FAIR), "as stored");
    }

    @Test
    void theCallerIsReadFromTheClaimsAndAnUnverifiedEmailCountsForNothing() {
        Map<String, String> claims = new HashMap<>(Map.of("sub", "s1", "email", "amina@example.org",
                "email_verified", "true", "cognito:groups", "[organisers]"));
        assertEquals(AMINA, OrganiserAccess.caller(request(claims)));
        claims.put("email_verified", "false");
        assertEquals(new Caller("s1", Optional.empty(), false), OrganiserAccess.caller(request(claims)));
        claims.remove("email_verified");
        assertEquals(Optional.empty(), OrganiserAccess.caller(request(claims)).verifiedEmail());
        claims.put("cognito:groups", "[admins]");
        assertEquals(true, OrganiserAccess.caller(request(claims)).admin());
        claims.put("cognito:groups", "[exhibitors]");
        assertEquals(403, assertThrows(ProblemException.class, () -> OrganiserAccess.caller(request(claims)))
                .problem().status());
        assertEquals(401, assertThrows(ProblemException.class, () -> OrganiserAccess.caller(request(Map.of())))
                .problem().status());
    }

    private static HttpRequest request(Map<String, String> claims) {
        return new HttpRequest("PUT /admin/fairs/{fairId}", "/admin/fairs/foire-oujda", Map.of("fairId", "foire-oujda"),
                Map.of(), "", 0, "r", claims);
    }
}
