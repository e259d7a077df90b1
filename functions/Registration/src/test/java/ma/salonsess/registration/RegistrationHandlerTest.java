package ma.salonsess.registration;

import static ma.salonsess.testsupport.ApiEvents.withBody;
import static ma.salonsess.testsupport.ApiEvents.withHeader;
import static ma.salonsess.testsupport.ApiEvents.withPathParameter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ma.salonsess.localaws.DemoFair;
import ma.salonsess.localaws.LambdaContext;
import ma.salonsess.localaws.RepositoryLayout;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.fair.FairRepository;
import ma.salonsess.shared.idempotency.IdempotencyKey;
import ma.salonsess.shared.idempotency.IdempotencyStore;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.text.Language;
import ma.salonsess.shared.text.LocalizedText;
import ma.salonsess.testsupport.ApiEvents;
import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.LocalAwsExtension;
import ma.salonsess.testsupport.LogPrivacy;
import ma.salonsess.testsupport.OpenApiContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The registration function against the local AWS stack, driven by the sample events in
 * {@code events/}; every answer is also checked against {@code openapi.yaml}.
 */
@ExtendWith(LocalAwsExtension.class)
class RegistrationHandlerTest {
    private static final OpenApiContract API = OpenApiContract.load();
    private LocalAws aws;
    private RegistrationHandler handler;
    /** Each test registers in a fair of its own, so what it finds written is its own doing. */
    private String fairId;
    /** Replaces the sample's Idempotency-Key, which would otherwise be reused from test to test. */
    private String idempotencyKey;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        this.handler = new RegistrationHandler(aws.functionEnv("RegistrationFunction"));
        DemoFair.seed(RepositoryLayout.root(), aws.dynamoDb(), aws.tableName("FairsTable"));
        fairId = "fair-" + UUID.randomUUID();
        idempotencyKey = UUID.randomUUID().toString();
        new FairRepository(aws.dynamoDb(), aws.tableName("FairsTable")).save(new Fair(fairId,
                new LocalizedText("Foire régionale de l'ESS", "المعرض الجهوي", "Regional SSE fair"), "Agadir",
                "Place Al Amal", LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 13), Fair.MOROCCO,
                List.of("organisation@example.org"), Language.FR));
    }

    private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, LambdaContext.forTest());
        API.assertMatches(event.getRouteKey(), response);
        return response;
    }

    private APIGatewayV2HTTPEvent post(String sample) {
        APIGatewayV2HTTPEvent event = withPathParameter(ApiEvents.load(sample), "fairId", fairId);
        return event.getHeaders().containsKey("idempotency-key")
                ? withHeader(event, "idempotency-key", idempotencyKey) : event;
    }

    private APIGatewayV2HTTPEvent post(String sample, ObjectNode body) {
        return withBody(post(sample), Json.write(body));
    }

    private static ObjectNode body(String sample) throws Exception {
        return (ObjectNode) Json.parse(ApiEvents.load(sample).getBody());
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        return Json.parse(response.getBody());
    }

    private List<Map<String, AttributeValue>> written() {
        return aws.partition("RegistrationsTable", "fairId", fairId);
    }

    private Map<String, AttributeValue> registrationItem(String registrationId) {
        return written().stream().filter(i -> i.get("sk").s().equals("REG#" + registrationId)).findFirst()
                .orElseThrow();
    }

    private APIGatewayV2HTTPEvent read(String registrationId, String token) {
        APIGatewayV2HTTPEvent event = withPathParameter(withPathParameter(ApiEvents.load("registration-get.json"),
                "fairId", fairId), "registrationId", registrationId);
        return withHeader(event, "authorization", token == null ? null : "Bearer " + token);
    }

    @Test
    void aRegistrationCountsOnceInTheFairsMetricsAndLogsOneLineWithoutPersonalData() throws Exception {
        APIGatewayV2HTTPEvent event = post("registration-post-visitor.json");
        assertEquals(201, call(event).getStatusCode());
        assertEquals(201, call(event).getStatusCode(), "the same request again: a replay");

        List<JsonNode> metrics = LogPrivacy.metricLines().stream()
                .filter(m -> m.has("Registrations") && fairId.equals(m.path("FairId").asText())).toList();
        assertEquals(1, metrics.size(), "the replay is not counted again");
        JsonNode directive = metrics.get(0).path("_aws").path("CloudWatchMetrics").get(0);
        assertEquals("SalonESS", directive.path("Namespace").asText());
        assertEquals("[[\"FairId\"]]", Json.write(directive.path("Dimensions")));
        assertEquals("Registrations", directive.path("Metrics").get(0).path("Name").asText());
        assertEquals(1, metrics.get(0).path("Registrations").asInt());
        assertEquals("invocation", metrics.get(0).path("type").asText(), "the count rides on the request's line");

        List<JsonNode> invocations = new ArrayList<>();
        for (String line : LogPrivacy.printed().split("\n")) {
            int json = line.indexOf("{\"level\"");
            if (json >= 0 && line.contains("\"type\":\"invocation\"")) {
                invocations.add(Json.parse(line.substring(json)));
            }
        }
        assertEquals(2, invocations.size(), "one line per invocation");
        JsonNode line = invocations.get(0);
        assertEquals("http POST /fairs/{fairId}/registrations", line.path("source").asText());
        assertEquals(fairId, line.path("fairId").asText());
        assertEquals("201", line.path("outcome").asText());
        assertTrue(line.hasNonNull("requestId"));
        // and LocalAwsExtension scans all of it for the email, phone and names the sample holds
    }

    /** A clock a test moves by hand, to step past the minute run-time settings are kept. */
    private static final class StepClock extends Clock {
        private Instant now = Instant.parse("2026-11-20T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aChangedPrivacyNoticeParameterIsWhatTheNextRegistrationRecords() throws Exception {
        StepClock clock = new StepClock();
        RegistrationHandler running = new RegistrationHandler(aws.functionEnv("RegistrationFunction"), clock);
        String parameter = aws.functionEnv("RegistrationFunction").require("PRIVACY_NOTICE_VERSION_PARAMETER");
        String before = aws.ssm().getParameter(b -> b.name(parameter)).parameter().value();
        try {
            String first = registeredNoticeVersion(running, "first");
            assertEquals(before, first, "the version the stack deployed");

            // A deploy that changes only the PrivacyNoticeVersion stack parameter updates the SSM parameter.
            aws.ssm().putParameter(b -> b.name(parameter).value("2027-01").type("String").overwrite(true));
            clock.now = clock.now.plusSeconds(61);

            assertEquals("2027-01", registeredNoticeVersion(running, "second"),
                    "the same running container records the new notice within a minute, without a new version");
        } finally {
            aws.ssm().putParameter(b -> b.name(parameter).value(before).type("String").overwrite(true));
        }
    }

    private String registeredNoticeVersion(RegistrationHandler running, String who) throws Exception {
        ObjectNode form = body("registration-post-visitor.json");
        form.put("email", who + "-" + UUID.randomUUID() + "@example.org");
        APIGatewayV2HTTPEvent event = withBody(withPathParameter(ApiEvents.load("registration-post-visitor.json"),
                "fairId", fairId), Json.write(form));
        event = withHeader(event, "idempotency-key", UUID.randomUUID().toString());
        APIGatewayV2HTTPResponse response = running.handleRequest(event, LambdaContext.forTest());
        assertEquals(201, response.getStatusCode(), response.getBody());
        String id = json(response).get("registrationId").asText();
        return registrationItem(id).get("consent").m().get("noticeVersion").s();
    }

    @Test
    void aVisitorRegistersFromTheSampleEvent() throws Exception {
        APIGatewayV2HTTPResponse response = call(post("registration-post-visitor.json"));

        assertEquals(201, response.getStatusCode(), response.getBody());
        JsonNode receipt = json(response);
        String id = receipt.get("registrationId").asText();
        assertEquals("/fairs/" + fairId + "/registrations/" + id, response.getHeaders().get("location"));
        assertEquals("VISITOR", receipt.get("role").asText());
        assertEquals("CONFIRMED", receipt.get("status").asText());
        assertEquals("PENDING", receipt.get("badge").get("status").asText());
        String token = receipt.get("accessToken").asText();
        assertTrue(token.length() >= 43, "a 256-bit token");

        Map<String, AttributeValue> item = registrationItem(id);
        assertEquals("+212612345678", item.get("phone").s(), "Moroccan 06 number stored as E.164");
        assertFalse(item.values().stream().anyMatch(v -> token.equals(v.s())), "the token itself is not stored");
        assertNotEquals(token, item.get("accessTokenHash").s());
        Map<String, AttributeValue> consent = item.get("consent").m();
        assertEquals("2026-11", consent.get("noticeVersion").s(), "the notice version from the template");
        assertEquals("fr", consent.get("language").s());
        assertEquals(List.of("REGISTRATION", "SURVEYS"), consent.get("purposes").l().stream().map(AttributeValue::s).toList(),
                "the sample agrees to the survey, not to photos or sharing");
        assertTrue(consent.get("surveys").bool());
        assertTrue(consent.containsKey("givenAt"));
        assertEquals(2, written().size(), "the registration and its email claim");
    }

    @Test
    void anExhibitorReadsBackTheirOwnRegistrationWithTheArabicName() throws Exception {
        JsonNode receipt = json(call(post("registration-post-exhibitor.json")));

        APIGatewayV2HTTPResponse response = call(read(receipt.get("registrationId").asText(),
                receipt.get("accessToken").asText()));

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode own = json(response);
        assertEquals("فاطمة الزهراء الإدريسي", own.get("arabicName").asText());
        assertEquals("Fatima.Elidrissi@example.org", own.get("email").asText(), "the address as typed");
        assertEquals("+212661234567", own.get("phone").asText());
        assertEquals("MA-09", own.get("organisation").get("region").asText());
        assertEquals("COOPERATIVE", own.get("organisation").get("type").asText());
        assertEquals("LOCAL_PRODUCE", own.get("organisation").get("sector").asText());
        assertEquals(List.of("REGISTRATION", "PHOTOS", "SHARE_WITH_EXHIBITORS"),
                Json.MAPPER.convertValue(own.get("consent").get("purposes"), List.class));
        assertEquals("ar", own.get("language").asText());
        assertEquals("no-store", response.getHeaders().get("cache-control"));
    }

    @Test
    void namesAreTrimmedAndNormalisedToNfc() throws Exception {
        ObjectNode form = body("registration-post-exhibitor.json");
        form.put("firstName", "  Fatima Zahra\u0020");
        form.put("lastName", "El Idrisse\u0301 "); // e + combining acute accent
        form.put("arabicName", " فاطمة الزهراء الإدريسي ");
        JsonNode receipt = json(call(post("registration-post-exhibitor.json", form)));

        Map<String, AttributeValue> item = registrationItem(receipt.get("registrationId").asText());
        assertEquals("Fatima Zahra", item.get("firstName").s());
        assertEquals("El Idriss\u00e9", item.get("lastName").s(), "one precomposed é");
        assertEquals("فاطمة الزهراء الإدريسي", item.get("arabicName").s());
    }

    @Test
    void theSameEmailInOtherCapitalsIsAConflictThatRevealsNothing() throws Exception {
        assertEquals(201, call(post("registration-post-exhibitor.json")).getStatusCode());
        ObjectNode again = body("registration-post-exhibitor.json");
        again.put("email", "FATIMA.ELIDRISSI@EXAMPLE.ORG");
        again.put("firstName", "Someone");

        APIGatewayV2HTTPResponse response = call(post("registration-post-exhibitor.json", again));

        assertEquals(409, response.getStatusCode());
        assertEquals("application/problem+json", response.getHeaders().get("content-type"));
        JsonNode problem = json(response);
        assertFalse(problem.has("registrationId"));
        assertFalse(response.getBody().contains("Fatima"), "nothing of the existing registration");
        assertEquals(2, written().size(), "still one registration and one claim");
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsWritten() throws Exception {
        ObjectNode form = body("registration-post-exhibitor.json");
        form.remove("role");
        form.put("email", "fatima@");
        form.put("phone", "12");
        form.put("language", "de");
        form.put("arabicName", "Fatima");
        form.put("favouriteColour", "green");
        ((ObjectNode) form.get("consent")).put("dataProcessing", false);
        ((ObjectNode) form.get("organisation")).put("region", "MA-13");

        APIGatewayV2HTTPResponse response = call(post("registration-post-exhibitor.json", form));

        assertEquals(400, response.getStatusCode());
        JsonNode problem = json(response);
        assertEquals("urn:salon-ess:problem:validation", problem.get("type").asText());
        Map<String, String> codes = new HashMap<>();
        problem.get("errors").forEach(e -> codes.put(e.get("field").asText(), e.get("code").asText()));
        assertEquals(Map.of("role", "required", "email", "invalid_format", "phone", "invalid_format",
                "language", "not_allowed", "arabicName", "not_arabic_script", "favouriteColour", "unknown_field",
                "consent.dataProcessing", "consent_required", "organisation.region", "not_allowed"), codes);
        problem.get("errors").forEach(e -> assertEquals("/" + e.get("field").asText().replace('.', '/'),
                e.get("pointer").asText()));
        assertTrue(written().isEmpty());
    }

    @Test
    void anExhibitorMustSayWhichOrganisationTheyRepresent() throws Exception {
        ObjectNode form = body("registration-post-exhibitor.json");
        form.remove("organisation");
        APIGatewayV2HTTPResponse response = call(post("registration-post-exhibitor.json", form));
        assertEquals(400, response.getStatusCode());
        assertEquals("organisation", json(response).get("errors").get(0).get("field").asText());

        ObjectNode partial = body("registration-post-exhibitor.json");
        ((ObjectNode) partial.get("organisation")).remove("sector");
        ((ObjectNode) partial.get("organisation")).remove("region");
        JsonNode problem = json(call(post("registration-post-exhibitor.json", partial)));
        Set<String> fields = new HashSet<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(Set.of("organisation.region", "organisation.sector"), fields);
        assertTrue(written().isEmpty());
    }

    @Test
    void anUnknownFairIs404AndNothingIsWritten() throws Exception {
        String unknown = "no-such-fair-" + UUID.randomUUID();
        APIGatewayV2HTTPResponse response = call(withPathParameter(ApiEvents.load("registration-post-visitor.json"),
                "fairId", unknown));
        assertEquals(404, response.getStatusCode());
        assertEquals("urn:salon-ess:problem:fair-not-found", json(response).get("type").asText());
        assertTrue(aws.partition("RegistrationsTable", "fairId", unknown).isEmpty());
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        ObjectNode form = body("registration-post-visitor.json");
        form.put("padding", "x".repeat(17_000));
        APIGatewayV2HTTPResponse response = call(post("registration-post-visitor.json", form));
        assertEquals(413, response.getStatusCode());
        assertTrue(written().isEmpty());
    }

    @Test
    void aBodyThatIsNotJsonIs415Or400() throws Exception {
        APIGatewayV2HTTPResponse form = call(withHeader(post("registration-post-visitor.json"), "content-type",
                "application/x-www-form-urlencoded"));
        assertEquals(415, form.getStatusCode());

        APIGatewayV2HTTPResponse broken = call(withBody(post("registration-post-visitor.json"), "{\"role\": "));
        assertEquals(400, broken.getStatusCode());
        assertEquals("urn:salon-ess:problem:malformed-json", json(broken).get("type").asText());

        APIGatewayV2HTTPResponse array = call(withBody(post("registration-post-visitor.json"), "[]"));
        assertEquals(400, array.getStatusCode());
        assertTrue(written().isEmpty());
    }

    @Test
    void textAfterTheJsonIsMalformedNotIgnored() throws Exception {
        String form = ApiEvents.load("registration-post-visitor.json").getBody();
        for (String body : List.of(form + " garbage", form + form, "{}{}", form + "\n]")) {
            APIGatewayV2HTTPResponse response = call(withBody(post("registration-post-visitor.json"), body));
            assertEquals(400, response.getStatusCode(), body);
            assertEquals("urn:salon-ess:problem:malformed-json", json(response).get("type").asText());
        }
        assertTrue(written().isEmpty());
        assertEquals(201, call(withBody(post("registration-post-visitor.json"), " " + form + " \n")).getStatusCode(),
                "white space around the object is fine");
    }

    @Test
    void namesWithInvisibleOrDirectionChangingCharactersOrLinksAreRefusedNamingEachField() throws Exception {
        ObjectNode form = body("registration-post-exhibitor.json");
        form.put("firstName", "Fatima\u202Egnp.exe");
        form.put("lastName", "El\u200BIdrissi\u2028Bcc");
        form.put("arabicName", "فاطمة\u2067الإدريسي");
        ((ObjectNode) form.get("organisation")).put("name", "Coopérative \uD800");
        APIGatewayV2HTTPResponse response = call(post("registration-post-exhibitor.json", form));
        assertEquals(400, response.getStatusCode());
        Map<String, String> codes = new HashMap<>();
        json(response).get("errors").forEach(e -> codes.put(e.get("pointer").asText(), e.get("code").asText()));
        assertEquals(Map.of("/firstName", "invalid_characters", "/lastName", "invalid_characters",
                "/arabicName", "invalid_characters", "/organisation/name", "invalid_characters"), codes);

        ObjectNode links = body("registration-post-exhibitor.json");
        links.put("firstName", "Your badge is ready: https://evil.example/badge");
        links.put("lastName", "see www.evil.example");
        ((ObjectNode) links.get("organisation")).put("name", "ｗｗｗ．evil．example");
        APIGatewayV2HTTPResponse linked = call(post("registration-post-exhibitor.json", links));
        assertEquals(400, linked.getStatusCode());
        Map<String, String> linkCodes = new HashMap<>();
        json(linked).get("errors").forEach(e -> linkCodes.put(e.get("field").asText(), e.get("code").asText()));
        assertEquals(Map.of("firstName", "link_not_allowed", "lastName", "link_not_allowed",
                "organisation.name", "link_not_allowed"), linkCodes);
        assertTrue(written().isEmpty());
    }

    @Test
    void theJoinersArabicSpellingNeedsAreKept() throws Exception {
        ObjectNode form = body("registration-post-exhibitor.json");
        String arabic = "فاطمة\u200Cالزهراء\u200Dالإدريسي";
        form.put("arabicName", arabic);
        APIGatewayV2HTTPResponse response = call(post("registration-post-exhibitor.json", form));
        assertEquals(201, response.getStatusCode(), response.getBody());
        assertEquals(arabic, registrationItem(json(response).get("registrationId").asText()).get("arabicName").s());
    }

    @Test
    void anEmailOutsideTheDocumentedGrammarIsRefused() throws Exception {
        for (String email : List.of("a.@example.org", ".a@example.org", "a@example..org", "a@-example.org")) {
            ObjectNode form = body("registration-post-visitor.json");
            form.put("email", email);
            APIGatewayV2HTTPResponse response = call(post("registration-post-visitor.json", form));
            assertEquals(400, response.getStatusCode(), email);
            assertEquals("email", json(response).get("errors").get(0).get("field").asText());
        }
        assertTrue(written().isEmpty());
    }

    @Test
    void aBase64EncodedBodyIsReadLikeAnyOther() throws Exception {
        APIGatewayV2HTTPEvent event = post("registration-post-exhibitor.json");
        event.setBody(Base64.getEncoder().encodeToString(event.getBody().getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);
        APIGatewayV2HTTPResponse response = call(event);
        assertEquals(201, response.getStatusCode(), response.getBody());
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReplaysTheFirstAnswer() throws Exception {
        APIGatewayV2HTTPResponse first = call(post("registration-post-visitor.json"));
        // The same form with its keys in another order and other white space is the same request.
        ObjectNode reordered = Json.object();
        ObjectNode original = body("registration-post-visitor.json");
        List<String> names = new ArrayList<>();
        original.fieldNames().forEachRemaining(names::add);
        Collections.reverse(names);
        names.forEach(n -> reordered.set(n, original.get(n)));
        APIGatewayV2HTTPResponse second = call(withBody(post("registration-post-visitor.json"),
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(reordered)));

        assertEquals(201, first.getStatusCode());
        assertEquals(201, second.getStatusCode());
        assertEquals(first.getBody(), second.getBody(), "same registration, same access token");
        assertEquals("false", first.getHeaders().get("idempotent-replayed"));
        assertEquals("true", second.getHeaders().get("idempotent-replayed"));
        assertEquals(2, written().size(), "registered once");
    }

    @Test
    void aKeyWhoseRecordExpiredButIsNotYetDeletedRegistersAgain() throws Exception {
        // DynamoDB's TTL deletes expired items only eventually, often days later: a day-old record
        // is still in the table when the client reuses its key.
        var dayAgo = Clock.fixed(Instant.now().minus(IdempotencyStore.RETENTION).minusSeconds(60), ZoneOffset.UTC);
        var key = IdempotencyKey.parse(RegistrationHandler.REGISTER, idempotencyKey).orElseThrow();
        aws.dynamoDb().transactWriteItems(b -> b.transactItems(
                new IdempotencyStore(aws.dynamoDb(), aws.tableName("IdempotencyTable"), dayAgo)
                        .claim(key, "an earlier request", "{}").item()));

        APIGatewayV2HTTPResponse response = call(post("registration-post-visitor.json"));
        APIGatewayV2HTTPResponse retry = call(post("registration-post-visitor.json"));

        assertEquals(201, response.getStatusCode(), response.getBody());
        assertEquals("false", response.getHeaders().get("idempotent-replayed"));
        assertEquals(response.getBody(), retry.getBody(), "the key is claimed afresh and replays the new answer");
        assertEquals("true", retry.getHeaders().get("idempotent-replayed"));
        assertEquals(2, written().size(), "registered once");
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIs422() throws Exception {
        assertEquals(201, call(post("registration-post-visitor.json")).getStatusCode());
        ObjectNode other = body("registration-post-visitor.json");
        other.put("email", "someone.else@example.org");

        APIGatewayV2HTTPResponse response = call(post("registration-post-visitor.json", other));

        assertEquals(422, response.getStatusCode());
        assertEquals(2, written().size(), "nobody else registered");
    }

    @Test
    void anIdempotencyKeyIsScopedToItsFair() throws Exception {
        assertEquals(201, call(post("registration-post-visitor.json")).getStatusCode());
        String otherFair = fairId;
        String sameKey = idempotencyKey;
        setUp(aws);
        idempotencyKey = sameKey;
        APIGatewayV2HTTPResponse response = call(post("registration-post-visitor.json"));
        assertEquals(422, response.getStatusCode(), "same key, different fair: a different request");
        assertTrue(written().isEmpty());
        assertEquals(2, aws.partition("RegistrationsTable", "fairId", otherFair).size());
    }

    @Test
    void readingNeedsTheRegistrantsOwnToken() throws Exception {
        JsonNode fatima = json(call(post("registration-post-exhibitor.json")));
        JsonNode youssef = json(call(post("registration-post-visitor.json")));
        String fatimaId = fatima.get("registrationId").asText();

        assertEquals(401, call(read(fatimaId, null)).getStatusCode());
        assertEquals(404, call(read(fatimaId, youssef.get("accessToken").asText())).getStatusCode(),
                "another registrant's token: 404, not 403");
        assertEquals(404, call(read(UUID.randomUUID().toString(), fatima.get("accessToken").asText())).getStatusCode());
        assertEquals(200, call(read(fatimaId, fatima.get("accessToken").asText())).getStatusCode());
    }

    @Test
    void aRegistrantCanEraseTheirRegistrationAndRegisterAgain() throws Exception {
        JsonNode receipt = json(call(post("registration-post-exhibitor.json")));
        String id = receipt.get("registrationId").asText();
        String token = receipt.get("accessToken").asText();
        APIGatewayV2HTTPEvent erase = withHeader(withPathParameter(withPathParameter(
                ApiEvents.load("registration-delete.json"), "fairId", fairId), "registrationId", id),
                "authorization", "Bearer " + token);

        assertEquals(204, call(erase).getStatusCode());

        assertTrue(written().isEmpty(), "registration and email claim both gone");
        assertEquals(404, call(read(id, token)).getStatusCode());
        assertEquals(404, call(erase).getStatusCode(), "erasing twice finds nothing the second time");
        assertEquals(201, call(post("registration-post-exhibitor.json")).getStatusCode(), "the email is free again");
    }

    private boolean idempotencyRecordExists() {
        String id = IdempotencyKey.parse(RegistrationHandler.REGISTER, idempotencyKey)
                .orElseThrow().recordId();
        return aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("IdempotencyTable"))
                .key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true)).hasItem();
    }

    @Test
    void afterErasureTheSameIdempotencyKeyNeverAnswersWithTheErasedRegistration() throws Exception {
        JsonNode receipt = json(call(post("registration-post-visitor.json")));
        String erasedId = receipt.get("registrationId").asText();
        assertTrue(idempotencyRecordExists(), "the key's record is written");
        APIGatewayV2HTTPEvent erase = withHeader(withPathParameter(withPathParameter(
                ApiEvents.load("registration-delete.json"), "fairId", fairId), "registrationId", erasedId),
                "authorization", "Bearer " + receipt.get("accessToken").asText());
        assertEquals(204, call(erase).getStatusCode());

        assertFalse(idempotencyRecordExists(), "the key's record went with it");
        APIGatewayV2HTTPResponse retried = call(post("registration-post-visitor.json"));
        assertEquals(201, retried.getStatusCode(), retried.getBody());
        assertEquals("false", retried.getHeaders().get("idempotent-replayed"), "registered anew, not replayed");
        String newId = json(retried).get("registrationId").asText();
        assertNotEquals(erasedId, newId);
        assertEquals(List.of("REG#" + newId), written().stream().map(i -> i.get("sk").s())
                .filter(sk -> sk.startsWith("REG#")).toList(), "only the new registration is stored");
    }

    @Test
    void concurrentRegistrationsWithOneEmailRegisterOnce() throws Exception {
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int n = i;
            attempts.add(() -> {
                ObjectNode form = body("registration-post-exhibitor.json");
                form.put("firstName", "Attempt " + n);
                return call(post("registration-post-exhibitor.json", form)).getStatusCode();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> f : pool.invokeAll(attempts)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(15, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(2, written().size());
    }

    @Test
    void anUnknownRouteIsAProblemNotACrash() {
        APIGatewayV2HTTPEvent event = post("registration-post-visitor.json");
        event.setRouteKey("PATCH /fairs/{fairId}/registrations");
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, LambdaContext.forTest());
        assertEquals(404, response.getStatusCode());
        assertEquals("application/problem+json", response.getHeaders().get("content-type"));
    }
}
