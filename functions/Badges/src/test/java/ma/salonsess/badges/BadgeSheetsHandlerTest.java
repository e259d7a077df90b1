package ma.salonsess.badges;

import static ma.salonsess.testsupport.ApiEvents.asAdmin;
import static ma.salonsess.testsupport.ApiEvents.asOrganiser;
import static ma.salonsess.testsupport.ApiEvents.withBody;
import static ma.salonsess.testsupport.ApiEvents.withPathParameter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import ma.salonsess.shared.contact.EmailAddress;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.fair.FairRepository;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.registration.AccessToken;
import ma.salonsess.shared.registration.BadgeState;
import ma.salonsess.shared.registration.Consent;
import ma.salonsess.shared.registration.Organisation;
import ma.salonsess.shared.registration.OrganisationType;
import ma.salonsess.shared.registration.Region;
import ma.salonsess.shared.registration.Registration;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.registration.Role;
import ma.salonsess.shared.registration.Sector;
import ma.salonsess.shared.text.Language;
import ma.salonsess.shared.text.LocalizedText;
import ma.salonsess.testsupport.ApiEvents;
import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.LocalAwsExtension;
import ma.salonsess.testsupport.OpenApiContract;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Organisers' print runs from the sample event, against the local stack. */
@ExtendWith(LocalAwsExtension.class)
class BadgeSheetsHandlerTest {
    private static final OpenApiContract API = OpenApiContract.load();
    private BadgeSheetsHandler handler;
    private RegistrationRepository registrations;
    private String fairId;
    private LocalAws aws;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        handler = new BadgeSheetsHandler(aws.functionEnv("BadgeSheetsFunction"));
        registrations = new RegistrationRepository(aws.dynamoDb(), aws.tableName("RegistrationsTable"));
        fairId = "sheets-" + UUID.randomUUID().toString().substring(0, 8);
        new FairRepository(aws.dynamoDb(), aws.tableName("FairsTable")).save(new Fair(fairId,
                new LocalizedText("Foire régionale", "المعرض الجهوي", null), "Agadir", "Place Al Amal",
                LocalDate.of(2027, 3, 18), LocalDate.of(2027, 3, 21), Fair.MOROCCO, List.of("organisation@example.org"),
                Language.FR));
    }

    private void register(String first, Role role, Region region) {
        Instant now = Instant.now();
        Organisation organisation = role == Role.EXHIBITOR
                ? new Organisation("Coopérative " + first, OrganisationType.COOPERATIVE, region, Sector.CRAFTS) : null;
        registrations.create(new Registration(UUID.randomUUID().toString(), fairId, role, Registration.Status.CONFIRMED,
                first, "Test", null, new EmailAddress(first.toLowerCase() + "-" + UUID.randomUUID() + "@example.org"),
                null, Language.FR, organisation, new Consent(false, false, "2026-11", Language.FR, now),
                BadgeState.pending(), AccessToken.generate().hash(), now, now.plusSeconds(86_400), 1), Optional.empty());
    }

    private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        API.assertMatches(event.getRouteKey(), response);
        return response;
    }

    private APIGatewayV2HTTPEvent print(String body) {
        APIGatewayV2HTTPEvent event = withPathParameter(ApiEvents.load("admin-badge-sheets-post.json"), "fairId", fairId);
        return body == null ? withBody(event, null) : withBody(event, body);
    }

    @Test
    void theExhibitorsOfARegionPrintFourToAnA4Sheet() throws Exception {
        for (String name : List.of("Amal", "Brahim", "Chaima", "Driss", "Fadwa")) {
            register(name, Role.EXHIBITOR, Region.SOUSS_MASSA);
        }
        register("Ghita", Role.EXHIBITOR, Region.ORIENTAL);
        register("Hamza", Role.VISITOR, null);

        APIGatewayV2HTTPResponse response = call(print("{\"role\":\"EXHIBITOR\",\"region\":\"MA-09\"}"));

        assertEquals(201, response.getStatusCode(), response.getBody());
        JsonNode answer = Json.parse(response.getBody());
        assertEquals(5, answer.get("badges").asInt());
        assertEquals(2, answer.get("pages").asInt());
        byte[] pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(answer.get("url").asText()))
                .build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(2, document.getNumberOfPages());
            PDRectangle page = document.getPage(0).getMediaBox();
            assertEquals(PDRectangle.A4.getWidth(), page.getWidth(), 0.5);
            assertEquals(PDRectangle.A4.getHeight(), page.getHeight(), 0.5);
            String text = BadgeRendererTest.text(document);
            for (String name : List.of("Amal", "Brahim", "Chaima", "Driss", "Fadwa")) {
                assertTrue(text.contains(name + " Test"), name + " in " + text);
            }
            assertFalse(text.contains("Ghita"), "another region");
            assertFalse(text.contains("Hamza"), "a visitor");
        }
    }

    @Test
    void withoutABodyEveryBadgeOfTheFairIsPrinted() throws Exception {
        register("Amal", Role.EXHIBITOR, Region.SOUSS_MASSA);
        register("Hamza", Role.VISITOR, null);
        APIGatewayV2HTTPResponse response = call(print(null));
        assertEquals(201, response.getStatusCode(), response.getBody());
        assertEquals(2, Json.parse(response.getBody()).get("badges").asInt());
    }

    @Test
    void aBadFilterIsNamedAndNothingIsPrinted() throws Exception {
        register("Amal", Role.EXHIBITOR, Region.SOUSS_MASSA);
        APIGatewayV2HTTPResponse response = call(print("{\"role\":\"CHEF\",\"region\":\"MA-99\",\"since\":\"x\"}"));
        assertEquals(400, response.getStatusCode());
        java.util.Set<String> fields = new java.util.TreeSet<>();
        Json.parse(response.getBody()).get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(java.util.Set.of("role", "region", "since"), fields);
        assertEquals(404, call(print("{\"role\":\"PRESS\"}")).getStatusCode(), "nobody to print");
    }

    @Test
    void anOrganiserOfAnotherFairPrintsNothingAnAdminPrints() throws Exception {
        register("Amal", Role.EXHIBITOR, Region.SOUSS_MASSA);
        APIGatewayV2HTTPResponse refused = call(asOrganiser(print(null), "organiser-of-another-fair@example.org"));
        assertEquals(403, refused.getStatusCode(), refused.getBody());
        assertEquals("urn:salon-ess:problem:forbidden", Json.parse(refused.getBody()).get("type").asText());
        assertTrue(sheetsInTheBucket().isEmpty(), "nothing rendered");

        APIGatewayV2HTTPResponse printed = call(asAdmin(print(null)));
        assertEquals(201, printed.getStatusCode(), printed.getBody());
        assertEquals(1, sheetsInTheBucket().size());
    }

    private List<String> sheetsInTheBucket() {
        return aws.s3().listObjectsV2(b -> b.bucket(aws.functionEnv("BadgeSheetsFunction").require("BADGE_BUCKET"))
                .prefix("sheets/" + fairId + "/")).contents().stream().map(o -> o.key()).toList();
    }

    @Test
    void onlyOrganisersPrint() {
        APIGatewayV2HTTPEvent event = print("{}");
        event.getRequestContext().getAuthorizer().getJwt().setClaims(Map.of("sub", "x", "cognito:groups", "[visitors]"));
        assertEquals(403, call(event).getStatusCode());
    }
}
