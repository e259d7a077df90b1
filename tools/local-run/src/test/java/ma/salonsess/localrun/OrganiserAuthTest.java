package ma.salonsess.localrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import ma.salonsess.localaws.EmbeddedAws;
import ma.salonsess.localaws.RepositoryLayout;
import ma.salonsess.localaws.SamTemplate;
import ma.salonsess.shared.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The organiser routes through the local run: its JWT authorizer refuses what API Gateway's
 * would, the handler refuses tokens outside the organisers and admins groups and organisers of
 * other fairs, the local admin token works, and a whole admin, organiser and registrant flow works
 * over HTTP.
 */
class OrganiserAuthTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalBackend backend;

    @BeforeAll
    static void start() {
        Path root = RepositoryLayout.root();
        backend = LocalBackend.start(new LocalBackend.Options(root, root.resolve("template.yaml"), 0,
                EmbeddedAws.Ports.any(), false, root.resolve("target/local-run-test")));
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backend.apiUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("content-type", "application/json");
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String fairBody() throws Exception {
        return Json.parse(Files.readString(RepositoryLayout.root().resolve("events/admin-fair-put.json")))
                .get("body").asText();
    }

    private static String newFairPath() {
        return "/admin/fairs/foire-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void tokensTheAuthorizerWouldRefuseAre401() throws Exception {
        String path = newFairPath();
        assertEquals(401, send("PUT", path, null, fairBody()).statusCode(), "no token");
        assertEquals(401, send("PUT", path, "not.a.jwt", fairBody()).statusCode(), "garbage");

        String valid = backend.organiserToken();
        String[] parts = valid.split("\\.");
        ObjectNode claims = (ObjectNode) Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        claims.put("sub", "someone-else");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertEquals(401, send("PUT", path, tampered, fairBody()).statusCode(), "bad signature");

        ObjectNode expired = Json.object().put("sub", "organiser").put("exp", 1_700_000_000L);
        expired.putArray("cognito:groups").add("organisers");
        assertEquals(401, send("PUT", path, backend.signToken(expired), fairBody()).statusCode(), "expired");

        ObjectNode otherAudience = Json.object().put("sub", "organiser").put("aud", "another-app");
        otherAudience.putArray("cognito:groups").add("organisers");
        assertEquals(401, send("PUT", path, backend.signToken(otherAudience), fairBody()).statusCode(), "audience");

        ObjectNode otherIssuer = Json.object().put("sub", "organiser").put("iss", "https://example.org/issuer");
        otherIssuer.putArray("cognito:groups").add("organisers");
        assertEquals(401, send("PUT", path, backend.signToken(otherIssuer), fairBody()).statusCode(), "issuer");

        assertEquals(404, send("GET", "/fairs/" + path.substring("/admin/fairs/".length()) + "/workshops", null, null)
                .statusCode(), "nothing was created");
    }

    @Test
    void aValidTokenOutsideTheOrganisersGroupIs403() throws Exception {
        ObjectNode exhibitor = Json.object().put("sub", "exhibitor");
        exhibitor.putArray("cognito:groups").add("exhibitors");
        HttpResponse<String> response = send("PUT", newFairPath(), backend.signToken(exhibitor), fairBody());
        assertEquals(403, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("content-type").orElseThrow());
    }

    @Test
    void theLocalAdminTokenCreatesAFairWhichTheLocalOrganiserCannot() throws Exception {
        String fairPath = newFairPath();
        String fairId = fairPath.substring("/admin/fairs/".length());
        HttpResponse<String> refused = send("PUT", fairPath, backend.organiserToken(), fairBody());
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("application/problem+json", refused.headers().firstValue("content-type").orElseThrow());
        assertEquals(404, send("GET", "/fairs/" + fairId + "/workshops", null, null).statusCode(), "nothing created");

        String strangers = fairBody().replace("organisation@example.org", "someone-else@example.org");
        HttpResponse<String> created = send("PUT", fairPath, backend.adminToken(), strangers);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(200, send("GET", "/fairs/" + fairId + "/workshops", null, null).statusCode());
        assertEquals(403, send("GET", fairPath + "/survey-results", backend.organiserToken(), null).statusCode(),
                "not the local organiser's fair");
        assertEquals(200, send("GET", fairPath + "/survey-results", backend.adminToken(), null).statusCode(),
                "admins act on every fair");
    }

    /**
     * Every route behind the organiser authorizer, as the template declares them (so a route added
     * later is covered too), refuses the local organiser on a fair they do not organise.
     */
    @Test
    void everyOrganiserRouteRefusesAnOrganiserOfAnotherFairAndChangesNothing() throws Exception {
        String fairPath = newFairPath();
        String fairId = fairPath.substring("/admin/fairs/".length());
        String strangers = fairBody().replace("organisation@example.org", "someone-else@example.org");
        assertEquals(201, send("PUT", fairPath, backend.adminToken(), strangers).statusCode());
        String programme = send("GET", "/fairs/" + fairId + "/workshops", null, null).body();

        SamTemplate template = SamTemplate.load(RepositoryLayout.root().resolve("template.yaml"));
        List<String> checked = new ArrayList<>();
        for (SamTemplate.FunctionDefinition function : template.functions()) {
            for (SamTemplate.HttpRoute route : function.httpRoutes()) {
                if (route.authorizer() == null) {
                    continue;
                }
                assertTrue(route.path().startsWith("/admin/fairs/{fairId}")
                        || route.path().startsWith("/staff/fairs/{fairId}"), route.routeKey() + " names no fair");
                // Any other id well formed (the router answers 400 to a malformed one before any handler runs).
                String path = route.path().replace("{fairId}", fairId).replaceAll("\\{[^}]+}", "any-id");
                String body = route.path().equals("/admin/fairs/{fairId}") ? fairBody() : "{}";
                HttpResponse<String> response = send(route.method(), path, backend.organiserToken(), body);
                assertEquals(403, response.statusCode(), route.routeKey() + ": " + response.body());
                assertEquals("application/problem+json", response.headers().firstValue("content-type").orElseThrow());
                checked.add(route.routeKey());
            }
        }
        assertTrue(checked.size() >= 8, "the admin routes: " + checked);
        assertEquals(programme, send("GET", "/fairs/" + fairId + "/workshops", null, null).body(), "nothing changed");
        assertTrue(backend.aws().mailbox().sentTo("someone-else@example.org").isEmpty(), "no digest sent");
    }

    @Test
    void anAdminCreatesAFairItsOrganiserSetsItUpAndARegistrantTakesASeat() throws Exception {
        String token = backend.organiserToken();
        String fairPath = newFairPath();
        String fairId = fairPath.substring("/admin/fairs/".length());
        assertEquals(201, send("PUT", fairPath, backend.adminToken(), fairBody()).statusCode());
        String workshop = "{\"title\":{\"fr\":\"Commerce équitable\",\"ar\":\"التجارة العادلة\"},\"room\":\"Salle C\","
                + "\"startsAt\":\"2027-03-19T10:00:00+01:00\",\"endsAt\":\"2027-03-19T12:00:00+01:00\","
                + "\"capacity\":1,\"language\":\"ar\"}";
        assertEquals(201, send("PUT", fairPath + "/workshops/commerce-equitable", token, workshop).statusCode());

        String registration = "{\"role\":\"EXHIBITOR\",\"firstName\":\"Fatima\",\"lastName\":\"Ait Lahcen\","
                + "\"email\":\"fatima@example.org\",\"language\":\"ar\",\"organisation\":{\"name\":\"Coopérative Argan\","
                + "\"type\":\"COOPERATIVE\",\"region\":\"MA-09\",\"sector\":\"LOCAL_PRODUCE\"},"
                + "\"consent\":{\"dataProcessing\":true}}";
        JsonNode receipt = Json.parse(send("POST", "/fairs/" + fairId + "/registrations", null, registration).body());
        HttpResponse<String> signup = send("POST", "/fairs/" + fairId + "/workshops/commerce-equitable/signups",
                receipt.get("accessToken").asText(), "{\"registrationId\":\"" + receipt.get("registrationId").asText() + "\"}");
        assertEquals(201, signup.statusCode(), signup.body());
        assertEquals("CONFIRMED", Json.parse(signup.body()).get("status").asText());

        HttpResponse<String> lists = send("GET", fairPath + "/workshops/commerce-equitable/signups", token, null);
        assertEquals(200, lists.statusCode());
        assertTrue(lists.body().contains("Coopérative Argan"), lists.body());
        JsonNode programme = Json.parse(send("GET", "/fairs/" + fairId + "/workshops", null, null).body());
        assertEquals(0, programme.get("workshops").get(0).get("seatsLeft").asInt());
    }
}
