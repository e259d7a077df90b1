package ma.salonsess.checkin;

import static ma.salonsess.testsupport.ApiEvents.withBody;
import static ma.salonsess.testsupport.ApiEvents.withPathParameter;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import ma.salonsess.localaws.LambdaContext;
import ma.salonsess.shared.badge.BadgeToken;
import ma.salonsess.shared.config.Wiring;
import ma.salonsess.shared.checkin.CheckinRepository;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.fair.FairRepository;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.registration.Role;
import ma.salonsess.shared.text.Language;
import ma.salonsess.shared.text.LocalizedText;
import ma.salonsess.testsupport.ApiEvents;
import ma.salonsess.testsupport.FairFixtures;
import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.OpenApiContract;

/** The check-in routes of one fair with its gate staff, called through the real handler from the sample events. */
final class CheckinApi {
    static final String STEWARD = "karim.steward@example.org";
    static final String SUPERVISOR = "salma.supervisor@example.org";
    static final String ORGANISER = "organisation@example.org";
    private static final OpenApiContract API = OpenApiContract.load();
    final String fairId;
    final CheckinHandler handler;
    final BadgeToken tokens;
    final CheckinRepository checkins;
    final FairFixtures fixtures;

    /** A fair of 10 to 13 December 2026 with its staff, and a handler whose clock reads {@code now}. */
    CheckinApi(LocalAws aws, Instant now, int hallCapacity) {
        this.fixtures = new FairFixtures(aws);
        this.fairId = "fair-" + UUID.randomUUID().toString().substring(0, 13);
        new FairRepository(aws.dynamoDb(), aws.tableName("FairsTable")).save(new Fair(fairId,
                new LocalizedText("Salon de test", "معرض تجريبي", "Test fair"), "Rabat", "Bab Rouah",
                FairFixtures.FIRST_DAY, FairFixtures.FIRST_DAY.plusDays(3), Fair.MOROCCO, List.of(ORGANISER),
                Language.FR, List.of(STEWARD), List.of(SUPERVISOR), hallCapacity));
        this.handler = new CheckinHandler(aws.functionEnv("CheckinFunction"), aws.dynamoDb(),
                Clock.fixed(now, ZoneOffset.UTC));
        this.tokens = new Wiring(aws.functionEnv("CheckinFunction"))
                .fromSecret("BADGE_TOKEN_SECRET_ARN", BadgeToken::new).get();
        this.checkins = new CheckinRepository(aws.dynamoDb(), aws.tableName("CheckinsTable"));
    }

    /** 9:00 on the fair's first day, Casablanca time, plus {@code minutes}. */
    static Instant morning(int minutes) {
        return FairFixtures.FIRST_DAY.atTime(9, 0).atOffset(ZoneOffset.ofHours(1)).toInstant()
                .plusSeconds(60L * minutes);
    }

    static LocalDate firstDay() {
        return FairFixtures.FIRST_DAY;
    }

    String badge(String registrationId) {
        return tokens.issue(fairId, registrationId, Role.VISITOR);
    }

    APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, LambdaContext.forTest());
        API.assertMatches(event.getRouteKey(), response);
        return response;
    }

    APIGatewayV2HTTPEvent event(String sample, String email, String group, String body) {
        APIGatewayV2HTTPEvent event = withPathParameter(ApiEvents.load(sample), "fairId", fairId);
        if (email != null) {
            ApiEvents.asStaff(event, email, group);
        } else {
            event.getRequestContext().getAuthorizer().getJwt().setClaims(java.util.Map.of());
        }
        return body == null ? event : withBody(event, body);
    }

    static ObjectNode scan(String token, String point, String scanId, Instant at, String device) {
        ObjectNode scan = Json.object().put("token", token).put("point", point).put("scanId", scanId)
                .put("scannedAt", at.toString());
        if (device != null) {
            scan.put("deviceId", device);
        }
        return scan;
    }

    /** A scan by the steward; the answer's status and body. */
    Answer checkIn(ObjectNode scan) {
        return answer(call(event("staff-checkin-post.json", STEWARD, "stewards", scan.toString())));
    }

    Answer as(String email, String group, String sample, String body) {
        return answer(call(event(sample, email, group, body)));
    }

    record Answer(int status, JsonNode body) {
        String result() {
            return body.path("result").asText();
        }
    }

    static Answer answer(APIGatewayV2HTTPResponse response) {
        try {
            return new Answer(response.getStatusCode(), response.getBody() == null || response.getBody().isEmpty()
                    ? Json.object() : Json.parse(response.getBody()));
        } catch (IOException e) {
            throw new AssertionError(response.getBody(), e);
        }
    }

    static String newScanId() {
        return UUID.randomUUID().toString();
    }
}
