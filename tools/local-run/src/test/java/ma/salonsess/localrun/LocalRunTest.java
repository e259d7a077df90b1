package ma.salonsess.localrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import ma.salonsess.localaws.EmbeddedAws;
import ma.salonsess.localaws.RepositoryLayout;
import ma.salonsess.shared.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The local run serves template.yaml's HTTP API with the real handlers, as the README shows. */
class LocalRunTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalBackend backend;

    @BeforeAll
    static void start() {
        Path root = RepositoryLayout.root();
        backend = LocalBackend.start(new LocalBackend.Options(root, root.resolve("template.yaml"), 0,
                EmbeddedAws.Ports.any(), true, root.resolve("target/local-run-test")));
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI api(String path) {
        return URI.create(backend.apiUrl() + path);
    }

    @Test
    void theReadmeCurlExampleRegistersAVisitorInTheDemoFair() throws Exception {
        // The same body as README's curl example.
        String body = readmeCurlBody();

        HttpResponse<String> created = send(HttpRequest.newBuilder(api("/fairs/salon-national-ess-2026/registrations"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));

        assertEquals(201, created.statusCode(), created.body());
        JsonNode receipt = Json.parse(created.body());
        String location = created.headers().firstValue("location").orElseThrow();
        HttpResponse<String> own = send(HttpRequest.newBuilder(api(location))
                .header("authorization", "Bearer " + receipt.get("accessToken").asText()).GET());
        assertEquals(200, own.statusCode(), own.body());
        assertEquals("Amina", Json.parse(own.body()).get("firstName").asText());

        HttpResponse<String> again = send(HttpRequest.newBuilder(api("/fairs/salon-national-ess-2026/registrations"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(409, again.statusCode());
        assertEquals("application/problem+json", again.headers().firstValue("content-type").orElseThrow());
    }

    @Test
    void aSurveyStartedByAnOrganiserReachesTheRegistrantThroughTheSchedule() throws Exception {
        String fair = "/admin/fairs/foire-passee-" + System.nanoTime();
        String token = "Bearer " + backend.organiserToken();
        String past = "{\"name\": {\"fr\": \"Foire passée\"}, \"city\": \"Oujda\", \"venue\": \"Parc\", "
                + "\"startDate\": \"2026-10-01\", \"endDate\": \"2026-10-04\", "
                + "\"organiserEmails\": [\"organisation@example.org\"]}";
        // An admin creates the fair, naming the local organiser, who starts its survey.
        HttpResponse<String> saved = send(HttpRequest.newBuilder(api(fair))
                .header("authorization", "Bearer " + backend.adminToken())
                .header("content-type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(past)));
        assertEquals(201, saved.statusCode(), saved.body());
        String email = "survey-" + System.nanoTime() + "@example.org";
        String body = readmeCurlBody().replace("amina.alaoui@example.org", email);
        HttpResponse<String> registered = send(HttpRequest.newBuilder(api(fair.replace("/admin", "") + "/registrations"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(201, registered.statusCode(), registered.body());

        HttpResponse<String> started = send(HttpRequest.newBuilder(api(fair + "/surveys")).header("authorization", token)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(202, started.statusCode(), started.body());

        // The schedule for "now" fires within a second or two; the invitation is in Arabic, as registered.
        var mailbox = backend.aws().mailbox();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (mailbox.sentTo(email).stream().noneMatch(m -> m.text().contains("/surveys#SV1"))
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        var invitation = mailbox.sentTo(email).stream().filter(m -> m.text().contains("/surveys#SV1")).toList();
        assertEquals(1, invitation.size(), "one invitation");
        assertTrue(invitation.getFirst().subject().startsWith("رأيكم في"), invitation.getFirst().subject());
        // The site's page reads the token from the fragment and asks the API's /surveys/{token}.
        String link = invitation.getFirst().text().replaceAll("(?s).*/surveys#(SV1[A-Za-z0-9_-]{43}).*", "/surveys/$1");
        HttpResponse<String> questionnaire = send(HttpRequest.newBuilder(api(link)).GET());
        assertEquals(200, questionnaire.statusCode(), questionnaire.body());
        assertEquals("VISITOR", Json.parse(questionnaire.body()).get("questionnaire").asText());
    }

    /** The JSON of the curl example in README.md, so the README cannot drift from what works. */
    private static String readmeCurlBody() throws Exception {
        String readme = Files.readString(RepositoryLayout.root().resolve("README.md"));
        int start = readme.indexOf("-d '") + 4;
        return readme.substring(start, readme.indexOf("'", start));
    }

    @Test
    void aBadgeIsRenderedFromTheStreamAndServedThroughAShortLivedLink() throws Exception {
        String email = "badge-" + System.nanoTime() + "@example.org";
        String body = readmeCurlBody().replace("amina.alaoui@example.org", email);
        HttpResponse<String> created = send(HttpRequest.newBuilder(api("/fairs/salon-national-ess-2026/registrations"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        JsonNode receipt = Json.parse(created.body());
        String location = created.headers().firstValue("location").orElseThrow();

        JsonNode badge = null;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> own = send(HttpRequest.newBuilder(api(location))
                    .header("authorization", "Bearer " + receipt.get("accessToken").asText()).GET());
            badge = Json.parse(own.body()).get("badge");
            if (badge.get("status").asText().equals("READY")) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals("READY", badge.get("status").asText(), "the stream subscription rendered the badge");
        URI link = URI.create(badge.get("url").asText());
        assertTrue(link.getQuery().contains("X-Amz-Expires=900"), "valid 15 minutes: " + link);
        assertTrue(!link.toString().contains("Amina") && !link.toString().contains("example.org"), link.toString());

        HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(link).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("%PDF", new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));

        URI tampered = URI.create(link.toString().replace("X-Amz-Expires=900", "X-Amz-Expires=90000"));
        assertEquals(403, HTTP.send(HttpRequest.newBuilder(tampered).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode(), "a changed link is refused");

        // Then the notification function, on the same stream, emails the confirmation in Arabic.
        var mailbox = backend.aws().mailbox();
        long mailDeadline = System.nanoTime() + 20_000_000_000L;
        while (mailbox.sentTo(email).isEmpty() && System.nanoTime() < mailDeadline) {
            Thread.sleep(200);
        }
        var mails = mailbox.sentTo(email);
        assertEquals(1, mails.size(), "one confirmation");
        assertTrue(mails.getFirst().html().contains("dir=\"rtl\""));
        assertEquals("badge.pdf", mails.getFirst().attachments().getFirst().filename());
    }

    @Test
    void sesFeedbackCanBeDeliveredToItsSubscriberOnDemand() throws Exception {
        String email = "bounce-" + System.nanoTime() + "@example.org";
        String body = readmeCurlBody().replace("amina.alaoui@example.org", email);
        assertEquals(201, send(HttpRequest.newBuilder(api("/fairs/salon-national-ess-2026/registrations"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))).statusCode());
        String bounce = "{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\","
                + "\"bouncedRecipients\":[{\"emailAddress\":\"" + email + "\"}]}}";

        HttpResponse<String> delivered = send(HttpRequest.newBuilder(api("/_local/sns/EmailFeedbackFunction/Feedback"))
                .POST(HttpRequest.BodyPublishers.ofString(bounce)));

        assertEquals(200, delivered.statusCode(), delivered.body());
        assertEquals("1", Json.parse(delivered.body()).get("result").asText(), "one registration marked");
    }

    @Test
    void browsersMayCallFromTheFormsOrigin() throws Exception {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(api("/fairs/salon-national-ess-2026/registrations"))
                .header("origin", "http://localhost:5173").header("access-control-request-method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, preflight.statusCode());
        assertTrue(preflight.headers().firstValue("access-control-allow-headers").orElseThrow().contains("idempotency-key"));
    }

    @Test
    void anUnknownRouteIs404LikeApiGateway() throws Exception {
        assertEquals(404, send(HttpRequest.newBuilder(api("/nowhere")).GET()).statusCode());
        assertEquals(404, send(HttpRequest.newBuilder(api("/fairs/x/registrations")).GET()).statusCode(),
                "GET is not a declared method on this path");
    }

    @Test
    void theLocalControlsListTheTemplatesRoutes() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(api("/_local")).GET());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("POST /fairs/{fairId}/registrations -> RegistrationFunction"),
                response.body());
    }

    @Test
    void endpointsJsonTellsAScriptWhereTheLocalTablesBucketAndMailAre() throws Exception {
        // What someone pointing the AWS CLI or NoSQL Workbench at the local run reads: only the file.
        JsonNode file = Json.parse(Files.readString(
                RepositoryLayout.root().resolve("target/local-run-test/endpoints.json")));
        JsonNode aws = file.get("aws");
        String fairs = aws.get("tables").get("FairsTable").asText();

        try (DynamoDbClient dynamoDb = client(DynamoDbClient.builder(), aws, "dynamodb");
             S3Client s3 = client(S3Client.builder().forcePathStyle(true), aws, "s3");
             SesV2Client ses = client(SesV2Client.builder(), aws, "ses");
             SchedulerClient scheduler = client(SchedulerClient.builder(), aws, "scheduler")) {
            // The same tables the backend writes: the demo fair it seeded is there.
            var demo = dynamoDb.getItem(b -> b.tableName(fairs).key(Map.of(
                    "fairId", AttributeValue.fromS("salon-national-ess-2026"), "sk", AttributeValue.fromS("FAIR"))));
            assertTrue(demo.hasItem(), "the demo fair is read through the listed endpoint and credentials");
            aws.get("tables").forEach(t -> assertEquals(t.asText(),
                    dynamoDb.describeTable(b -> b.tableName(t.asText())).table().tableName()));
            aws.get("buckets").forEach(b -> s3.headBucket(h -> h.bucket(b.asText())));
            scheduler.listSchedules(b -> b.maxResults(10));
            String to = "endpoints-" + System.nanoTime() + "@example.org";
            ses.sendEmail(b -> b.fromEmailAddress("noreply@example.org").destination(d -> d.toAddresses(to))
                    .content(c -> c.simple(m -> m.subject(x -> x.data("hello"))
                            .body(x -> x.text(y -> y.data("local"))))));
            assertEquals(1, backend.aws().mailbox().sentTo(to).size(), "the listed SES endpoint is the mail viewer's");
        }
        assertEquals(aws.get("endpoints").get("dynamodb").asText(),
                aws.get("environment").get("AWS_ENDPOINT_URL_DYNAMODB").asText());
        // /_local says the same.
        JsonNode controls = Json.parse(send(HttpRequest.newBuilder(api("/_local")).GET()).body());
        assertEquals(aws, controls.get("aws"));
    }

    /** An SDK client built only from what endpoints.json says, as a script of the reader's would. */
    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(
            B builder, JsonNode aws, String service) {
        return builder.httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(aws.get("region").asText()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        aws.get("accessKeyId").asText(), aws.get("secretAccessKey").asText())))
                .endpointOverride(URI.create(aws.get("endpoints").get(service).asText()))
                .build();
    }
}
