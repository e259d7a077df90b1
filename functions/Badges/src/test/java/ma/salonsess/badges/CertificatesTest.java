package ma.salonsess.badges;

import static ma.salonsess.testsupport.ApiEvents.withPathParameter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import ma.salonsess.localaws.LambdaContext;
import ma.salonsess.shared.checkin.CheckinRepository;
import ma.salonsess.shared.checkin.Seat;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.config.Wiring;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.registration.AccessToken;
import ma.salonsess.shared.registration.Registration;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.text.Language;
import ma.salonsess.testsupport.ApiEvents;
import ma.salonsess.testsupport.FairFixtures;
import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.LocalAwsExtension;
import ma.salonsess.testsupport.OpenApiContract;
import ma.salonsess.testsupport.RegistrationBuilder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Certificates of attendance end to end on the emulators: downloaded by the registrant counted in at
 * the door, read back (both scripts, the QR code), and checked through the public route.
 */
@ExtendWith(LocalAwsExtension.class)
class CertificatesTest {
    private static final OpenApiContract API = OpenApiContract.load();
    /** The first day, 13:00 in Casablanca: the 10:00-12:00 workshop is over. */
    private static final Clock AFTER = Clock.fixed(Instant.parse("2026-12-10T12:00:00Z"), ZoneOffset.UTC);
    private static final Clock DURING = Clock.fixed(Instant.parse("2026-12-10T10:00:00Z"), ZoneOffset.UTC);
    private static final Instant KEEP_UNTIL = Instant.parse("2027-12-14T00:00:00Z");
    private LocalAws aws;
    private Env env;
    private RegistrationRepository registrations;
    private CheckinRepository checkins;
    private String fairId;
    private Registration fatima;
    private AccessToken fatimaToken;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        this.env = aws.functionEnv("CertificatesFunction")
                .with(Map.of("PUBLIC_API_URL", "https://api.salon-ess.example.org/"));
        Wiring wiring = new Wiring(env, aws.dynamoDb());
        this.registrations = wiring.registrations();
        this.checkins = wiring.checkins();
        FairFixtures fixtures = new FairFixtures(aws);
        this.fairId = fixtures.newFair();
        fixtures.workshop(fairId, "financement", 30, 10, 12);
        fixtures.workshop(fairId, "labellisation", 30, 14, 16);
        this.fatimaToken = AccessToken.generate();
        this.fatima = RegistrationBuilder.in(fairId).named("Fatima Zahra", "El Idrissi")
                .arabicName("فاطمة الزهراء الإدريسي").language(Language.AR).accessToken(fatimaToken).build();
        registrations.create(fatima, Optional.empty());
        checkins.takeSeat(new Seat(fairId, "financement", fatima.registrationId(), "door-1",
                Instant.parse("2026-12-10T09:01:00Z"), false), 30, KEEP_UNTIL);
    }

    private APIGatewayV2HTTPResponse download(String workshopId, String token, Clock clock) {
        APIGatewayV2HTTPEvent event = withPathParameter(withPathParameter(withPathParameter(
                ApiEvents.load("certificate-get.json"), "fairId", fairId), "registrationId",
                fatima.registrationId()), "workshopId", workshopId);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("authorization", "Bearer " + token);
        event.setHeaders(headers);
        APIGatewayV2HTTPResponse response = new CertificatesHandler(env, clock).handleRequest(event,
                LambdaContext.forTest());
        API.assertMatches(event.getRouteKey(), response);
        return response;
    }

    private JsonNode verify(String code) throws Exception {
        APIGatewayV2HTTPEvent event = withPathParameter(ApiEvents.load("certificate-verify-get.json"),
                "certificateId", code);
        APIGatewayV2HTTPResponse response = new CertificatesHandler(env, AFTER).handleRequest(event,
                LambdaContext.forTest());
        API.assertMatches(event.getRouteKey(), response);
        assertEquals(200, response.getStatusCode(), response.getBody());
        return Json.parse(response.getBody());
    }

    private String certificateLink() throws Exception {
        APIGatewayV2HTTPResponse response = download("financement", fatimaToken.value(), AFTER);
        assertEquals(200, response.getStatusCode(), response.getBody());
        try (PDDocument pdf = Loader.loadPDF(Base64.getDecoder().decode(response.getBody()))) {
            return BadgeRendererTest.decodeQr(pdf);
        }
    }

    @Test
    void theAttendeesCertificateReadsBackInBothScriptsWithAVerifiableQrCode() throws Exception {
        APIGatewayV2HTTPResponse response = download("financement", fatimaToken.value(), AFTER);

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertTrue(response.getIsBase64Encoded());
        assertEquals("application/pdf", response.getHeaders().get("content-type"));
        try (PDDocument pdf = Loader.loadPDF(Base64.getDecoder().decode(response.getBody()))) {
            String text = BadgeRendererTest.text(pdf);
            assertTrue(text.contains("Fatima Zahra El Idrissi"), "Latin name: " + text);
            assertTrue(text.contains("فاطمة الزهراء الإدريسي"), "Arabic name, joined, in reading order: " + text);
            assertTrue(text.contains("شهادة حضور"), "titled in the registrant's language (Arabic): " + text);
            // A line mixing scripts comes out of the PDF in visual order: its words are checked one by one.
            assertTrue(text.contains("ورشة") && text.contains("financement"), "the workshop: " + text);
            assertTrue(text.contains("10/12/2026") && text.contains("h 00"), "date and duration: " + text);
            String link = BadgeRendererTest.decodeQr(pdf);
            assertTrue(link.startsWith("https://api.salon-ess.example.org/certificates/CA1"), link);
            assertFalse(link.contains(fatima.registrationId()), "the link names nobody: " + link);

            JsonNode verdict = verify(link.substring(link.lastIndexOf('/') + 1));
            assertTrue(verdict.get("genuine").asBoolean(), verdict.toString());
            assertEquals("Atelier financement", verdict.get("workshop").get("fr").asText());
            assertEquals("2026-12-10T10:00:00+01:00", verdict.get("startsAt").asText());
            assertFalse(verdict.toString().contains("Fatima") || verdict.toString().contains("فاطمة"),
                    "nothing personal: " + verdict);
        }
    }

    @Test
    void aTamperedOrForeignCodeIsNotGenuine() throws Exception {
        String link = certificateLink();
        String code = link.substring(link.lastIndexOf('/') + 1);
        char last = code.charAt(code.length() - 2);
        String tampered = code.substring(0, code.length() - 2) + (last == 'A' ? 'B' : 'A')
                + code.charAt(code.length() - 1);

        assertFalse(verify(tampered).get("genuine").asBoolean(), "one character changed");
        assertFalse(verify("CA1nonsense").get("genuine").asBoolean(), "malformed");
        String otherWorkshop = code.replace(code.substring(3, code.indexOf('.')), Base64.getUrlEncoder()
                .withoutPadding().encodeToString((fairId + "\nlabellisation").getBytes()));
        JsonNode moved = verify(otherWorkshop);
        assertFalse(moved.get("genuine").asBoolean(), "a tag moved to a workshop she did not attend");
        assertEquals(1, moved.size(), "a code not genuine says nothing more: " + moved);
    }

    @Test
    void noCertificateBeforeTheEndOrOfAWorkshopNotAttendedOrForSomeoneElse() {
        APIGatewayV2HTTPResponse during = download("financement", fatimaToken.value(), DURING);
        assertEquals(409, during.getStatusCode(), during.getBody());
        assertTrue(during.getBody().contains("workshop-not-over"));

        APIGatewayV2HTTPResponse notAttended = download("labellisation", fatimaToken.value(), AFTER);
        assertEquals(404, notAttended.getStatusCode());
        assertTrue(notAttended.getBody().contains("not-attended"));

        APIGatewayV2HTTPResponse wrongToken = download("financement", AccessToken.generate().value(), AFTER);
        assertEquals(404, wrongToken.getStatusCode(), "another's token reaches nothing");
        assertFalse(wrongToken.getBody().contains("Fatima"));
    }

    @Test
    void erasingTheRegistrationTakesItsCertificatesWith() throws Exception {
        String link = certificateLink();
        String code = link.substring(link.lastIndexOf('/') + 1);
        assertTrue(verify(code).get("genuine").asBoolean());

        registrations.delete(registrations.find(fairId, fatima.registrationId()).orElseThrow());
        checkins.forget(fairId, fatima.registrationId());

        assertFalse(verify(code).get("genuine").asBoolean(), "an erased attendee's certificate no longer verifies");
        assertEquals(404, download("financement", fatimaToken.value(), AFTER).getStatusCode());
    }
}
