package ma.salonsess.workshops;

import static ma.salonsess.testsupport.ApiEvents.withPathParameter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import ma.salonsess.localaws.DemoFair;
import ma.salonsess.localaws.RepositoryLayout;
import ma.salonsess.shared.json.Json;
import ma.salonsess.testsupport.ApiEvents;
import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.LocalAwsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /fairs/{fairId}: what the public site's fair page shows, and never the organisers' addresses. */
@ExtendWith(LocalAwsExtension.class)
class PublicFairTest {

    @Test
    void theDemoFairAsTheSiteShowsIt(LocalAws aws) throws Exception {
        DemoFair.seed(RepositoryLayout.root(), aws.dynamoDb(), aws.tableName("FairsTable"));
        WorkshopApi api = new WorkshopApi(aws, "salon-national-ess-2026");

        APIGatewayV2HTTPResponse response = api.call(ApiEvents.load("fair-get.json"));

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode fair = Json.parse(response.getBody());
        assertEquals("salon-national-ess-2026", fair.get("fairId").asText());
        assertEquals("المعرض الوطني للاقتصاد الاجتماعي والتضامني 2026", fair.get("name").get("ar").asText());
        assertEquals("Casablanca", fair.get("city").asText());
        assertEquals("Parc des expositions, Casablanca", fair.get("venue").asText());
        assertEquals("2026-12-10", fair.get("startDate").asText());
        assertEquals("2026-12-13", fair.get("endDate").asText());
        assertEquals("Africa/Casablanca", fair.get("timeZone").asText());
        assertEquals("[\"fr\",\"ar\",\"en\"]", fair.get("languages").toString(), "the default language first");
        assertFalse(fair.has("organiserEmails"));
        assertFalse(response.getBody().contains("organisation@example.org"), "no organiser address anywhere");
    }

    @Test
    void anUnknownFairIs404AndABadIdIs400NamingIt(LocalAws aws) throws Exception {
        WorkshopApi api = new WorkshopApi(aws, "x");
        APIGatewayV2HTTPResponse missing = api.call(withPathParameter(ApiEvents.load("fair-get.json"), "fairId",
                "no-such-fair"));
        assertEquals(404, missing.getStatusCode());
        assertEquals("application/problem+json", missing.getHeaders().get("content-type"));

        APIGatewayV2HTTPResponse bad = api.call(withPathParameter(ApiEvents.load("fair-get.json"), "fairId",
                "Not A Fair!"));
        assertEquals(400, bad.getStatusCode());
        assertEquals("fairId", Json.parse(bad.getBody()).get("errors").get(0).get("field").asText());
    }
}
