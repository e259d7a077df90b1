package ma.salonsess.shared.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ma.salonsess.shared.auth.StaffAccess.Allowed;
import ma.salonsess.shared.auth.StaffAccess.Power;
import ma.salonsess.shared.auth.StaffAccess.Refusal;
import ma.salonsess.shared.auth.StaffAccess.Refused;
import ma.salonsess.shared.auth.StaffAccess.Staff;
import ma.salonsess.shared.auth.StaffAccess.Standing;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.http.HttpRequest;
import ma.salonsess.shared.http.ProblemException;
import ma.salonsess.shared.text.Language;
import ma.salonsess.shared.text.LocalizedText;
import org.junit.jupiter.api.Test;

class StaffAccessTest {
    private static final Fair OUJDA = new Fair("foire-oujda", new LocalizedText("Foire", null, null), "Oujda", "Parc",
            LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 3), Fair.MOROCCO, List.of("amina@example.org"), Language.FR,
            List.of("Karim@Example.org", "both@example.org"), List.of("salma@example.org", "both@example.org"), 0);
    private static final Fair AGADIR = new Fair("foire-agadir", new LocalizedText("Foire", null, null), "Agadir",
            "Parc", LocalDate.of(2027, 6, 1), LocalDate.of(2027, 6, 3), Fair.MOROCCO, List.of("omar@example.org"),
            Language.FR, List.of("nadia@example.org"), List.of("hassan@example.org"), 0);

    private static Staff staff(String email, String... groups) {
        return new Staff("s", Optional.ofNullable(email), Set.of(groups));
    }

    @Test
    void stewardsScanOnlyAtTheirOwnFairs() {
        Staff karim = staff("karim@example.org", "stewards");
        assertEquals(new Allowed(Standing.STEWARD), StaffAccess.may(karim, OUJDA, Power.SCAN), "whatever the case");
        assertEquals(new Refused(Refusal.SUPERVISORS_ONLY), StaffAccess.may(karim, OUJDA, Power.SUPERVISE));
        assertEquals(new Refused(Refusal.NOT_THIS_FAIRS_STAFF), StaffAccess.may(karim, AGADIR, Power.SCAN));
    }

    @Test
    void supervisorsAlsoSuperviseButOnlyTheirOwnFairs() {
        Staff salma = staff("salma@example.org", "supervisors");
        assertEquals(new Allowed(Standing.SUPERVISOR), StaffAccess.may(salma, OUJDA, Power.SUPERVISE));
        assertEquals(new Allowed(Standing.SUPERVISOR), StaffAccess.may(salma, OUJDA, Power.SCAN));
        assertEquals(new Refused(Refusal.NOT_THIS_FAIRS_STAFF), StaffAccess.may(salma, AGADIR, Power.SCAN));
        assertEquals(new Refused(Refusal.NOT_THIS_FAIRS_STAFF), StaffAccess.may(
                staff("hassan@example.org", "supervisors"), OUJDA, Power.SCAN), "another fair's supervisor");
    }

    @Test
    void groupAndListMustAgreeAndTheLesserWins() {
        assertEquals(new Allowed(Standing.STEWARD), StaffAccess.standing(staff("karim@example.org", "supervisors"),
                OUJDA), "a supervisor listed only as a steward is a steward here");
        assertEquals(new Allowed(Standing.STEWARD), StaffAccess.standing(staff("salma@example.org", "stewards"),
                OUJDA), "a steward listed as a supervisor is still a steward");
        assertEquals(new Refused(Refusal.NOT_THIS_FAIRS_STAFF), StaffAccess.standing(
                staff("karim@example.org", "organisers"), OUJDA), "an organiser of no fair here, listed as steward");
    }

    @Test
    void organisersOfTheFairAndAdminsHaveEveryPower() {
        assertEquals(new Allowed(Standing.ORGANISER), StaffAccess.may(staff("amina@example.org", "organisers"), OUJDA,
                Power.SUPERVISE));
        assertEquals(new Refused(Refusal.NOT_THIS_FAIRS_STAFF), StaffAccess.may(staff("omar@example.org",
                "organisers"), OUJDA, Power.SCAN), "another fair's organiser");
        assertEquals(new Allowed(Standing.ORGANISER), StaffAccess.may(staff(null, "admins"), AGADIR, Power.SUPERVISE));
        assertEquals(new Refused(Refusal.NO_VERIFIED_EMAIL), StaffAccess.may(staff(null, "supervisors"), OUJDA,
                Power.SCAN));
    }

    @Test
    void theCallerComesFromTheClaimsAndStrangersAreTurnedAway() {
        Map<String, String> claims = Map.of("sub", "s1", "email", "salma@example.org", "email_verified", "true",
                "cognito:groups", "[supervisors]");
        assertEquals(new Staff("s1", Optional.of("salma@example.org"), Set.of("supervisors")),
                StaffAccess.caller(request(claims)));
        assertEquals(Optional.empty(), StaffAccess.caller(request(Map.of("sub", "s1", "email", "salma@example.org",
                "cognito:groups", "[stewards]"))).verifiedEmail(), "an unverified email counts for nothing");
        assertEquals(403, assertThrows(ProblemException.class, () -> StaffAccess.caller(request(Map.of("sub", "s",
                "cognito:groups", "[exhibitors]")))).problem().status());
        assertEquals(401, assertThrows(ProblemException.class, () -> StaffAccess.caller(request(Map.of())))
                .problem().status());
        assertEquals(403, assertThrows(ProblemException.class, () -> StaffAccess.require(request(claims),
                staff("karim@example.org", "stewards"), OUJDA, Power.SUPERVISE)).problem().status());
    }

    private static HttpRequest request(Map<String, String> claims) {
        return new HttpRequest("POST /staff/fairs/{fairId}/searches", "/staff/fairs/foire-oujda/searches",
                Map.of("fairId", "foire-oujda"), Map.of(), "", 0, "r", claims);
    }
}
