package ma.salonsess.digest;

import static ma.salonsess.testsupport.ApiEvents.asAdmin;
import static ma.salonsess.testsupport.ApiEvents.asOrganiser;
import static ma.salonsess.testsupport.ApiEvents.withPathParameter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import ma.salonsess.localaws.LambdaContext;
import ma.salonsess.localaws.SentEmail;
import ma.salonsess.shared.fair.FairRepository;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.registration.Organisation;
import ma.salonsess.shared.registration.OrganisationType;
import ma.salonsess.shared.registration.Region;
import ma.salonsess.shared.registration.Registration;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.registration.Role;
import ma.salonsess.shared.registration.Sector;
import ma.salonsess.shared.survey.Questionnaire;
import ma.salonsess.shared.survey.Survey;
import ma.salonsess.shared.survey.SurveyAnswers;
import ma.salonsess.shared.survey.SurveyRepository;
import ma.salonsess.shared.text.Language;
import ma.salonsess.testsupport.RegistrationBuilder;
import ma.salonsess.testsupport.ApiEvents;
import ma.salonsess.testsupport.FairFixtures;
import ma.salonsess.testsupport.FaultySes;
import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.LocalAwsExtension;
import ma.salonsess.testsupport.OpenApiContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The digest email and the export, checked against the registrations seeded for a fair. */
@ExtendWith(LocalAwsExtension.class)
class DigestTest {
    private static final OpenApiContract API = OpenApiContract.load();
    private LocalAws aws;
    private DigestApiHandler api;
    private RegistrationRepository registrations;
    private String fairId;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        this.api = new DigestApiHandler(aws.functionEnv("DigestApiFunction"));
        this.registrations = new RegistrationRepository(aws.dynamoDb(), aws.tableName("RegistrationsTable"));
        FairFixtures fixtures = new FairFixtures(aws);
        this.fairId = fixtures.newFair();
        fixtures.workshop(fairId, "financement", 2, 10, 12);
        aws.mailbox().clear();
    }

    private void register(String first, Role role, Region region, Sector sector, boolean shares) {
        Organisation org = role == Role.EXHIBITOR
                ? new Organisation("Coopérative " + first, OrganisationType.COOPERATIVE, region, sector) : null;
        registrations.create(RegistrationBuilder.in(fairId).role(role).named(first, "Test").arabicName("فاطمة")
                .language(Language.AR).organisation(org).consent(false, shares, false).build(), Optional.empty());
    }

    private APIGatewayV2HTTPResponse call(String sample) {
        APIGatewayV2HTTPEvent event = withPathParameter(ApiEvents.load(sample), "fairId", fairId);
        APIGatewayV2HTTPResponse response = api.handleRequest(event, LambdaContext.forTest());
        API.assertMatches(event.getRouteKey(), response);
        return response;
    }

    private static byte[] attachment(SentEmail mail, String suffix) {
        return mail.attachments().stream().filter(a -> a.filename().endsWith(suffix)).findFirst().orElseThrow().bytes();
    }

    @Test
    void theDigestTellsTheFiguresOfTheData() throws Exception {
        register("Amal", Role.EXHIBITOR, Region.SOUSS_MASSA, Sector.LOCAL_PRODUCE, true);
        register("Brahim", Role.EXHIBITOR, Region.SOUSS_MASSA, Sector.CRAFTS, false);
        register("Chaima", Role.EXHIBITOR, Region.ORIENTAL, Sector.CRAFTS, false);
        register("Driss", Role.VISITOR, null, null, true);

        APIGatewayV2HTTPResponse response = call("admin-digest-post.json");

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals(4, Json.parse(response.getBody()).get("registrations").asInt());
        List<SentEmail> mails = aws.mailbox().sentTo("organisation@example.org");
        assertEquals(1, mails.size());
        SentEmail mail = mails.getFirst();
        String text = mail.text();
        assertTrue(text.contains("Total : 4"), text);
        assertTrue(text.contains("Nouvelles depuis le dernier point : 4"), text);
        assertTrue(text.contains("EXHIBITOR : 3") && text.contains("VISITOR : 1") && text.contains("PRESS : 0"), text);
        assertTrue(text.contains("MA-09 Souss-Massa : 2") && text.contains("MA-02 L'Oriental : 1"), text);
        assertTrue(text.contains("MA-12 Dakhla-Oued Ed-Dahab : 0"), "all 12 regions, zeros included");
        assertTrue(text.contains("CRAFTS : 2") && text.contains("LOCAL_PRODUCE : 1"), text);
        assertTrue(text.contains("Atelier financement : 0/2 (0 %)"), text);
        assertNotNull(ImageIO.read(new ByteArrayInputStream(attachment(mail, ".png"))), "the chart is a PNG");
        assertTrue(mail.html().contains("cid:chart"));

        byte[] csv = attachment(mail, ".csv");
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(csv[0], csv[1], csv[2]), "UTF-8 BOM for Excel");
        String[] lines = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertEquals(5, lines.length, "header and four rows");
        assertTrue(lines[0].startsWith("registrationId,role,firstName"));
        String amal = Arrays.stream(lines).filter(l -> l.contains("Amal")).findFirst().orElseThrow();
        String brahim = Arrays.stream(lines).filter(l -> l.contains("Brahim")).findFirst().orElseThrow();
        assertTrue(amal.contains("فاطمة") && amal.contains("@example.org"), "Arabic intact; shared email: " + amal);
        assertTrue(!brahim.contains("@"), "no email for one who did not agree to share it: " + brahim);
    }

    @Test
    void newSinceTheLastDigestCountsOnlyWhatCameAfterIt() throws Exception {
        register("Amal", Role.VISITOR, null, null, false);
        call("admin-digest-post.json");
        Thread.sleep(5);
        register("Brahim", Role.VISITOR, null, null, false);
        register("Chaima", Role.VISITOR, null, null, false);

        APIGatewayV2HTTPResponse second = call("admin-digest-post.json");

        assertEquals(2, Json.parse(second.getBody()).get("newSinceLastDigest").asInt());
        List<SentEmail> mails = aws.mailbox().sentTo("organisation@example.org");
        assertEquals(2, mails.size());
        assertTrue(mails.get(1).text().contains("Nouvelles depuis le dernier point : 2"), mails.get(1).text());
        assertTrue(mails.get(1).text().contains("Total : 3"));
    }

    @Test
    void theEveningScheduleWritesOnlyForFairsInTheirWindow() {
        register("Amal", Role.VISITOR, null, null, false);
        // The fixture fair runs 10 to 13 December 2026.
        Clock during = Clock.fixed(Instant.parse("2026-12-11T18:00:00Z"), ZoneOffset.UTC);
        Clock longBefore = Clock.fixed(Instant.parse("2026-11-01T18:00:00Z"), ZoneOffset.UTC);
        var env = aws.functionEnv("DigestFunction");

        new DigestHandler(env, longBefore).handleRequest(Map.of(), LambdaContext.forTest());
        long before = aws.mailbox().sent().stream().filter(m -> m.subject().contains("Salon de test")).count();
        new DigestHandler(env, during).handleRequest(Map.of(), LambdaContext.forTest());
        long after = aws.mailbox().sent().stream().filter(m -> m.subject().contains("Salon de test")).count();

        assertEquals(0, before, "a month before: no digest");
        assertTrue(after >= 1, "during the fair: a digest");
    }

    @Test
    void aFairWhoseDigestFailsStopsNoOtherAndARetrySendsOnlyIt() {
        String failing = fairId;
        String other = new FairFixtures(aws).newFair();
        Clock during = Clock.fixed(Instant.parse("2026-12-12T18:00:00Z"), ZoneOffset.UTC);
        AtomicBoolean sesDown = new AtomicBoolean(true);
        var env = aws.functionEnv("DigestFunction");
        var ses = FaultySes.failingFor(DigestSender.ses(env), request -> sesDown.get()
                && request.content().simple().attachments().stream().anyMatch(a -> a.fileName().startsWith(failing)));
        DigestHandler handler = new DigestHandler(env, ses, during);

        var failure = assertThrows(RuntimeException.class, () -> handler.handleRequest(Map.of(), LambdaContext.forTest()),
                "the run fails, so that Lambda retries it");
        assertTrue(failure.getMessage().contains(failing), failure.getMessage());
        assertEquals(0, digestsOf(failing));
        assertEquals(1, digestsOf(other), "the other fair's digest went out all the same");

        sesDown.set(false);
        handler.handleRequest(Map.of(), LambdaContext.forTest());
        handler.handleRequest(Map.of(), LambdaContext.forTest());

        assertEquals(1, digestsOf(failing), "the retry sends the failed fair's digest, once");
        assertEquals(1, digestsOf(other), "and not the other's again");
    }

    @Test
    void aDaysDigestIsClaimedOnceUnlessTheRunHoldingItDied() {
        Instant evening = Instant.parse("2026-12-13T18:00:00Z");
        LocalDate day = LocalDate.of(2026, 12, 13);
        DigestLedger first = ledger(evening);
        DigestLedger duplicate = ledger(evening.plusSeconds(30));
        DigestLedger afterTheTimeout = ledger(evening.plus(DigestLedger.ABANDONED_AFTER).plusSeconds(1));

        assertTrue(first.claim(fairId, day));
        assertFalse(duplicate.claim(fairId, day), "a second delivery of the schedule sends nothing");
        assertTrue(afterTheTimeout.claim(fairId, day), "a claim older than any run can last is taken again");
        afterTheTimeout.sent(fairId, day);
        assertFalse(ledger(evening.plusSeconds(3600)).claim(fairId, day), "sent: never again that day");
        assertTrue(first.claim(fairId, day.plusDays(1)), "the next day is another digest");
        var stored = aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("FairsTable"))
                .key(DigestLedgerItem.key(fairId, day))).item();
        assertEquals(Instant.parse("2027-01-17T00:00:00Z").getEpochSecond(), Long.parseLong(stored.get("expiresAt").n()),
                "the table's TTL removes the day's record five weeks later");
    }

    private DigestLedger ledger(Instant now) {
        return new DigestLedger(aws.dynamoDb(), aws.tableName("FairsTable"), Clock.fixed(now, ZoneOffset.UTC));
    }

    private long digestsOf(String fair) {
        return aws.mailbox().sent().stream()
                .filter(m -> m.attachments().stream().anyMatch(a -> a.filename().equals(fair + "-inscriptions.csv")))
                .count();
    }

    @Test
    void aWeekAfterTheFairTheDigestCarriesTheSurveyResults() {
        SurveyRepository surveys = new SurveyRepository(aws.dynamoDb(), aws.tableName("SurveysTable"));
        Instant now = Instant.now();
        for (int i = 0; i < 2; i++) {
            String key = "key-" + UUID.randomUUID();
            Registration exhibitor = RegistrationBuilder.in(fairId).role(Role.EXHIBITOR).build();
            registrations.create(exhibitor, Optional.empty());
            surveys.claimInvitation(new Survey(key, fairId, exhibitor.registrationId(), Role.EXHIBITOR, Language.FR,
                    Region.SOUSS_MASSA, Sector.CRAFTS, List.of(), null, null, null, null), now, now.plusSeconds(3600),
                    registrations.whileRegistered(fairId, exhibitor.registrationId()));
            surveys.invitationSent(key, "message-" + i, now);
            if (i == 0) {
                surveys.answer(key, new SurveyAnswers(Questionnaire.EXHIBITOR, 4, true, null, true, 12_000, 3, List.of()), now);
            }
        }
        var env = aws.functionEnv("DigestFunction");
        Clock threeDaysAfter = Clock.fixed(Instant.parse("2026-12-16T18:00:00Z"), ZoneOffset.UTC);
        Clock aWeekAfter = Clock.fixed(Instant.parse("2026-12-20T18:00:00Z"), ZoneOffset.UTC);

        new DigestHandler(env, threeDaysAfter).handleRequest(Map.of(), LambdaContext.forTest());
        assertTrue(aws.mailbox().sent().stream().noneMatch(m -> m.subject().contains("Salon de test")),
                "between the end and a week after: no digest");
        new DigestHandler(env, aWeekAfter).handleRequest(Map.of(), LambdaContext.forTest());
        SentEmail mail = aws.mailbox().sent().stream().filter(m -> m.subject().contains("Salon de test"))
                .filter(m -> m.text().contains("Enquête après le salon")).findFirst().orElseThrow();
        String text = mail.text();
        assertTrue(text.contains("Invités : 2") && text.contains("Réponses : 1") && text.contains("Taux de réponse : 50 %"), text);
        assertTrue(text.contains("Satisfaction moyenne (sur 5) : 4.0") && text.contains("Reviendraient : 100 %"), text);
        assertTrue(text.contains("Ventes déclarées (MAD) : 12000") && text.contains("Contacts avec des acheteurs : 3"), text);
    }

    @Test
    void theExportIsTheSameCsvAndOnlyForOrganisers() throws Exception {
        register("Amal", Role.EXHIBITOR, Region.SOUSS_MASSA, Sector.FOOD, true);
        APIGatewayV2HTTPResponse response = call("admin-registrations-csv-get.json");
        assertEquals(200, response.getStatusCode());
        assertTrue(response.getIsBase64Encoded());
        String csv = new String(Base64.getDecoder().decode(response.getBody()), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFregistrationId,"), csv);
        assertTrue(csv.contains("Coopérative Amal"));

        APIGatewayV2HTTPEvent visitor = withPathParameter(ApiEvents.load("admin-registrations-csv-get.json"), "fairId", fairId);
        visitor.getRequestContext().getAuthorizer().getJwt().setClaims(Map.of("sub", "x", "cognito:groups", "[visitors]"));
        assertEquals(403, api.handleRequest(visitor, LambdaContext.forTest()).getStatusCode());
    }

    @Test
    void anOrganiserOfAnotherFairGetsNeitherTheDigestNorTheExport() throws Exception {
        register("Amal", Role.EXHIBITOR, Region.SOUSS_MASSA, Sector.FOOD, true);
        for (String sample : List.of("admin-digest-post.json", "admin-registrations-csv-get.json")) {
            APIGatewayV2HTTPEvent event = asOrganiser(withPathParameter(ApiEvents.load(sample), "fairId", fairId),
                    "organiser-of-another-fair@example.org");
            APIGatewayV2HTTPResponse response = api.handleRequest(event, LambdaContext.forTest());
            API.assertMatches(event.getRouteKey(), response);
            assertEquals(403, response.getStatusCode(), sample);
            assertEquals("urn:salon-ess:problem:forbidden", Json.parse(response.getBody()).get("type").asText());
            assertFalse(response.getBody().contains("Amal"), sample);
        }
        assertTrue(aws.mailbox().sent().isEmpty(), "no digest sent");
        assertTrue(new FairRepository(aws.dynamoDb(), aws.tableName("FairsTable")).lastDigestAt(fairId).isEmpty());
    }

    @Test
    void theDigestAnAdminAsksForGoesToTheFairsOrganisersOnly() throws Exception {
        register("Amal", Role.VISITOR, null, null, false);
        APIGatewayV2HTTPEvent event = asAdmin(withPathParameter(ApiEvents.load("admin-digest-post.json"), "fairId", fairId));
        APIGatewayV2HTTPResponse response = api.handleRequest(event, LambdaContext.forTest());
        API.assertMatches(event.getRouteKey(), response);
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("[\"organisation@example.org\"]", Json.parse(response.getBody()).get("sentTo").toString());
        assertEquals(1, aws.mailbox().sentTo("organisation@example.org").size());
        assertTrue(aws.mailbox().sentTo("admin@example.org").isEmpty(), "not to the caller");
        assertEquals(1, aws.mailbox().sent().size());
    }

    @Test
    void aLargeExportIsHandedOutThroughTheBucket() throws Exception {
        register("Amal", Role.VISITOR, null, null, false);
        DigestApiHandler small = new DigestApiHandler(aws.functionEnv("DigestApiFunction"), 10);
        APIGatewayV2HTTPEvent event = withPathParameter(ApiEvents.load("admin-registrations-csv-get.json"), "fairId", fairId);

        APIGatewayV2HTTPResponse response = small.handleRequest(event, LambdaContext.forTest());
        API.assertMatches(event.getRouteKey(), response);

        assertEquals(303, response.getStatusCode());
        var link = URI.create(response.getHeaders().get("location"));
        assertTrue(link.getQuery().contains("X-Amz-Expires=900"), link.toString());
        byte[] csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(link).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        assertTrue(new String(csv, StandardCharsets.UTF_8).contains("Amal"));
    }

    @Test
    void aFormulaInANameIsDefusedInTheCsv() {
        assertEquals("'=HYPERLINK(\"x\")".replace("\"", "\"\""), RegistrationsCsv.cell("=HYPERLINK(\"x\")")
                .replaceAll("^\"|\"$", ""));
        assertEquals("\"a,b\"", RegistrationsCsv.cell("a,b"));
    }
}
