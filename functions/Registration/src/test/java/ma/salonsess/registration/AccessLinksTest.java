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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.salonsess.localaws.LambdaContext;
import ma.salonsess.localaws.SentEmail;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.json.Json;
import ma.salonsess.testsupport.ApiEvents;
import ma.salonsess.testsupport.FairFixtures;
import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.LocalAwsExtension;
import ma.salonsess.testsupport.OpenApiContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Access links through the registration function on the local stack: the same answer for any
 * address, an email only to a registered one, a one-time secret in the link's fragment that
 * replaces the access token, and the limits (30 minutes, once, 5 per address per hour).
 */
@ExtendWith(LocalAwsExtension.class)
class AccessLinksTest {
    private static final OpenApiContract API = OpenApiContract.load();
    private LocalAws aws;
    private Env env;
    private final MovableClock clock = new MovableClock(Instant.now());
    private RegistrationHandler handler;
    private String fairId;

    /** A clock the test moves forward, to see links expire and limits lift. */
    private static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private record Registered(String registrationId, String accessToken, String email) {
    }

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        this.env = aws.functionEnv("RegistrationFunction");
        this.handler = new RegistrationHandler(env, clock);
        this.fairId = new FairFixtures(aws).newFair();
    }

    private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, LambdaContext.forTest());
        API.assertMatches(event.getRouteKey(), response);
        return response;
    }

    private Registered register(String language) throws Exception {
        String email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        ObjectNode body = (ObjectNode) Json.parse(ApiEvents.load("registration-post-visitor.json").getBody());
        body.put("email", email).put("language", language);
        APIGatewayV2HTTPEvent event = withHeader(withBody(withPathParameter(
                ApiEvents.load("registration-post-visitor.json"), "fairId", fairId), Json.write(body)),
                "idempotency-key", UUID.randomUUID().toString());
        JsonNode receipt = Json.parse(call(event).getBody());
        return new Registered(receipt.get("registrationId").asText(), receipt.get("accessToken").asText(), email);
    }

    private APIGatewayV2HTTPResponse askFor(String email) {
        return call(withBody(withPathParameter(ApiEvents.load("access-link-post.json"), "fairId", fairId),
                Json.write(Json.object().put("email", email))));
    }

    private APIGatewayV2HTTPResponse redeem(String secret) {
        return call(withBody(withPathParameter(ApiEvents.load("access-link-redeem-post.json"), "fairId", fairId),
                Json.write(Json.object().put("secret", secret))));
    }

    private int read(Registered r, String token) {
        return call(withHeader(withPathParameter(withPathParameter(ApiEvents.load("registration-get.json"),
                "fairId", fairId), "registrationId", r.registrationId()), "authorization", "Bearer " + token))
                .getStatusCode();
    }

    /** The secret of the one link sent to {@code email}, checked to travel only in the fragment. */
    private String secretSentTo(String email) {
        List<SentEmail> mails = aws.mailbox().sentTo(email);
        assertEquals(1, mails.size(), "one email to " + email);
        String site = env.require("PUBLIC_SITE_URL").replaceAll("/+$", "");
        Matcher m = Pattern.compile(Pattern.quote(site + "/fairs/" + fairId + "/access#") + "([A-Za-z0-9_-]{43})\\s")
                .matcher(mails.getFirst().text() + "\n");
        assertTrue(m.find(), "a link with the secret in its fragment: " + mails.getFirst().text());
        assertTrue(mails.getFirst().html().contains("/access#" + m.group(1) + "\""), "the same link in the HTML part");
        return m.group(1);
    }

    @Test
    void anyAddressGetsTheSameAnswerAndOnlyARegisteredOneAnEmailInItsLanguage() throws Exception {
        Registered r = register("ar");
        String stranger = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

        APIGatewayV2HTTPResponse registered = askFor(r.email().toUpperCase());
        APIGatewayV2HTTPResponse unknown = askFor(stranger);

        assertEquals(202, registered.getStatusCode(), registered.getBody());
        assertEquals(202, unknown.getStatusCode());
        assertEquals(registered.getBody(), unknown.getBody(), "nothing tells the two apart");
        assertEquals(List.of(), aws.mailbox().sentTo(stranger), "no email to an address that is not registered");
        String secret = secretSentTo(r.email());
        SentEmail mail = aws.mailbox().sentTo(r.email()).getFirst();
        assertTrue(mail.subject().contains("رابط"), "in the registrant's language: " + mail.subject());
        assertTrue(mail.html().contains("dir=\"rtl\""));
        List<String> holdingSecret = aws.dynamoDb().scanPaginator(b -> b.tableName(aws.tableName("AccessLinksTable")))
                .items().stream().map(Object::toString).filter(item -> item.contains(secret)).toList();
        assertEquals(List.of(), holdingSecret, "the secret is stored only as a hash");
    }

    @Test
    void redeemingGivesANewTokenRetiresTheOldOneAndWorksOnce() throws Exception {
        Registered r = register("fr");
        askFor(r.email());
        String secret = secretSentTo(r.email());

        APIGatewayV2HTTPResponse granted = redeem(secret);

        assertEquals(200, granted.getStatusCode(), granted.getBody());
        JsonNode body = Json.parse(granted.getBody());
        assertEquals(r.registrationId(), body.get("registrationId").asText());
        String newToken = body.get("accessToken").asText();
        assertNotEquals(r.accessToken(), newToken);
        assertEquals(200, read(r, newToken), "the new token reads the registration");
        assertEquals(404, read(r, r.accessToken()), "the old token no longer does");
        APIGatewayV2HTTPResponse again = redeem(secret);
        assertEquals(410, again.getStatusCode(), "a link works once");
        assertEquals(200, read(r, newToken), "and a second try changes nothing");
        assertEquals(404, redeem("A".repeat(43)).getStatusCode(), "an unknown secret");
    }

    @Test
    void aLinkExpiresAfterThirtyMinutes() throws Exception {
        Registered r = register("en");
        askFor(r.email());
        String secret = secretSentTo(r.email());

        clock.advance(Duration.ofMinutes(30).plusSeconds(1));

        assertEquals(410, redeem(secret).getStatusCode());
        assertEquals(200, read(r, r.accessToken()), "the token in hand still works");
    }

    @Test
    void atMostFiveLinksPerAddressPerHourRegisteredOrNot() throws Exception {
        Registered r = register("fr");
        String stranger = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        for (int i = 0; i < 5; i++) {
            assertEquals(202, askFor(r.email()).getStatusCode());
            assertEquals(202, askFor(stranger).getStatusCode());
            clock.advance(Duration.ofMinutes(1));
        }

        APIGatewayV2HTTPResponse limited = askFor(r.email());
        APIGatewayV2HTTPResponse strangerLimited = askFor(stranger);

        assertEquals(429, limited.getStatusCode());
        assertEquals(429, strangerLimited.getStatusCode(), "the limit is the same for an unregistered address");
        assertEquals("application/problem+json", limited.getHeaders().get("content-type"));
        long retryAfter = Long.parseLong(limited.getHeaders().get("retry-after"));
        assertEquals(Duration.ofMinutes(55).toSeconds(), retryAfter, "when the first of the five leaves the hour");
        assertEquals(5, aws.mailbox().sentTo(r.email()).size(), "no sixth email");

        clock.advance(Duration.ofSeconds(retryAfter));
        assertEquals(202, askFor(r.email()).getStatusCode(), "allowed again once the hour has passed");
        assertEquals(6, aws.mailbox().sentTo(r.email()).size());
    }

    @Test
    void badInputIs400AndSendsNothing() {
        int before = aws.mailbox().sent().size();
        APIGatewayV2HTTPResponse noEmail = call(withBody(withPathParameter(ApiEvents.load("access-link-post.json"),
                "fairId", fairId), "{\"mail\": \"x@example.org\"}"));
        assertEquals(400, noEmail.getStatusCode());
        assertTrue(noEmail.getBody().contains("\"email\"") && noEmail.getBody().contains("\"mail\""), noEmail.getBody());
        assertEquals(400, askFor("not an address").getStatusCode());
        APIGatewayV2HTTPResponse badSecret = redeem("short");
        assertEquals(400, badSecret.getStatusCode());
        assertTrue(badSecret.getBody().contains("\"secret\""), badSecret.getBody());
        assertEquals(404, call(withBody(withPathParameter(ApiEvents.load("access-link-post.json"), "fairId",
                "no-such-fair"), "{\"email\": \"x@example.org\"}")).getStatusCode());
        assertEquals(before, aws.mailbox().sent().size(), "nothing sent");
        assertFalse(aws.mailbox().sent().stream().anyMatch(m -> m.to().contains("x@example.org")));
    }
}
