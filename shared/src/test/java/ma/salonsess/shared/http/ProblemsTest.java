package ma.salonsess.shared.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemsTest {
    private static final HttpRequest REQUEST = new HttpRequest("GET /fairs/{fairId}/workshops",
            "/fairs/salon-x/workshops",
            Map.of("fairId", "salon-x"), Map.of(), "", 0, "req-1", Map.of());

    @Test
    void eachIsAtTheRequestsPathWithItsStatusAndType() {
        assertProblem(Problems.fairNotFound(REQUEST), 404, "fair-not-found", "Fair not found");
        assertProblem(Problems.workshopNotFound(REQUEST), 404, "workshop-not-found", "Workshop not found");
        assertProblem(Problems.registrationNotFound(REQUEST), 404, "registration-not-found", "Registration not found");
        assertProblem(Problems.unauthorized(REQUEST, "Token required", "Send one."), 401, "unauthorized",
                "Token required");
        assertProblem(Problems.forbidden(REQUEST, "Organisers only", "Not yours."), 403, "forbidden",
                "Organisers only");
    }

    @Test
    void theTextsStayThoseTheApiDocuments() {
        assertEquals("There is no fair with this id.", Problems.fairNotFound(REQUEST).detail());
        assertEquals("This fair has no workshop with this id.", Problems.workshopNotFound(REQUEST).detail());
        assertEquals("No registration with this id for this access token.",
                Problems.registrationNotFound(REQUEST).detail());
        assertEquals("Not yours.", Problems.forbidden(REQUEST, "Organisers only", "Not yours.").detail());
    }

    private static void assertProblem(Problem problem, int status, String code, String title) {
        assertEquals(status, problem.status());
        assertEquals("urn:salon-ess:problem:" + code, problem.type());
        assertEquals(title, problem.title());
        assertEquals("/fairs/salon-x/workshops", problem.instance());
    }
}
