package ma.salonsess.workshops;

import static ma.salonsess.testsupport.ApiEvents.withBody;
import static ma.salonsess.testsupport.ApiEvents.withHeader;
import static ma.salonsess.testsupport.ApiEvents.withPathParameter;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import ma.salonsess.localaws.LambdaContext;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.signup.SignupRepository;
import ma.salonsess.shared.workshop.WorkshopRepository;
import ma.salonsess.testsupport.ApiEvents;
import ma.salonsess.testsupport.FairFixtures.Registrant;
import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.OpenApiContract;

/** The workshop routes of one fair, called through the real handler from the sample events. */
final class WorkshopApi {
    private static final OpenApiContract API = OpenApiContract.load();
    private final LocalAws aws;
    private final WorkshopsHandler handler;
    private final SignupRepository signups;
    final String fairId;

    WorkshopApi(LocalAws aws, String fairId) {
        this.aws = aws;
        this.handler = new WorkshopsHandler(aws.functionEnv("WorkshopsFunction"));
        WorkshopRepository workshops = new WorkshopRepository(aws.dynamoDb(), aws.tableName("FairsTable"));
        this.signups = new SignupRepository(aws.dynamoDb(), aws.tableName("SignupsTable"), workshops,
                new RegistrationRepository(aws.dynamoDb(), aws.tableName("RegistrationsTable")));
        this.fairId = fairId;
    }

    /** Invokes the handler; every answer must match openapi.yaml. */
    APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, LambdaContext.forTest());
        API.assertMatches(event.getRouteKey(), response);
        return response;
    }

    APIGatewayV2HTTPEvent signUpEvent(String workshopId, Registrant who) {
        APIGatewayV2HTTPEvent event = withPathParameter(withPathParameter(ApiEvents.load("workshop-signup-post.json"),
                "fairId", fairId), "workshopId", workshopId);
        withHeader(event, "authorization", "Bearer " + who.accessToken());
        return withBody(event, "{\"registrationId\":\"" + who.registrationId() + "\"}");
    }

    APIGatewayV2HTTPEvent cancelEvent(String workshopId, Registrant who) {
        APIGatewayV2HTTPEvent event = ApiEvents.load("workshop-signup-delete.json");
        withPathParameter(event, "fairId", fairId);
        withPathParameter(event, "workshopId", workshopId);
        withPathParameter(event, "registrationId", who.registrationId());
        return withHeader(event, "authorization", "Bearer " + who.accessToken());
    }

    APIGatewayV2HTTPEvent programmeEvent() {
        return withPathParameter(ApiEvents.load("workshops-get.json"), "fairId", fairId);
    }

    /** The workshop as the programme shows it. */
    JsonNode workshop(String workshopId) throws IOException {
        for (JsonNode w : Json.parse(call(programmeEvent()).getBody()).get("workshops")) {
            if (w.get("workshopId").asText().equals(workshopId)) {
                return w;
            }
        }
        throw new AssertionError("no workshop " + workshopId);
    }

    /** The signup's status as stored, or NONE. */
    String status(String workshopId, Registrant who) {
        return signups.find(fairId, workshopId, who.registrationId()).map(s -> s.status().name()).orElse("NONE");
    }
}
