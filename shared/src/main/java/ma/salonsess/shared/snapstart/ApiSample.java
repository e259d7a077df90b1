package ma.salonsess.shared.snapstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A request as API Gateway hands it to a function (payload format 2.0), built in code for
 * {@link Priming}: the {@code events/} samples' shape, on a fair that does not exist.
 */
public final class ApiSample {
    /** A fair id of the right shape that no fair has (priming never reads, but if it did...). */
    public static final String FAIR = "priming-fair";
    public static final String WORKSHOP = "priming-workshop";
    public static final String REGISTRATION = "00000000-0000-4000-8000-000000000000";

    private final String routeKey;
    private final Map<String, String> pathParameters = new HashMap<>();
    private final Map<String, String> headers = new HashMap<>();
    private final Map<String, String> claims = new HashMap<>();
    private String body;

    private ApiSample(String routeKey) {
        this.routeKey = routeKey;
    }

    /** {@code routeKey} such as {@code POST /fairs/{fairId}/registrations}; the path's ids are of the right shape. */
    public static ApiSample of(String routeKey) {
        ApiSample sample = new ApiSample(routeKey);
        sample.pathParameters.put("fairId", FAIR);
        sample.pathParameters.put("workshopId", WORKSHOP);
        sample.pathParameters.put("registrationId", REGISTRATION);
        sample.headers.put("user-agent", "priming");
        return sample;
    }

    public ApiSample path(String name, String value) {
        pathParameters.put(name, value);
        return this;
    }

    public ApiSample header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public ApiSample json(String json) {
        headers.put("content-type", "application/json");
        this.body = json;
        return this;
    }

    /** A registrant's access token of the right shape, which no registration has. */
    public ApiSample bearer() {
        return header("authorization", "Bearer " + "A".repeat(43));
    }

    /** As the JWT authorizer passes an organiser of no fair (with the admins' group when {@code admin}). */
    public ApiSample organiser(boolean admin) {
        claims.put("sub", "priming");
        claims.put("email", "priming@example.org");
        claims.put("email_verified", "true");
        claims.put("cognito:groups", admin ? "[admins]" : "[organisers]");
        return this;
    }

    public APIGatewayV2HTTPEvent build() {
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        String path = routeKey.substring(routeKey.indexOf(' ') + 1);
        Map<String, String> used = new HashMap<>();
        for (var parameter : pathParameters.entrySet()) {
            String placeholder = "{" + parameter.getKey() + "}";
            if (path.contains(placeholder)) {
                path = path.replace(placeholder, parameter.getValue());
                used.put(parameter.getKey(), parameter.getValue());
            }
        }
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                .withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").withUserAgent("priming").build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http).withRouteKey(routeKey)
                .withRequestId("priming-" + UUID.randomUUID()).withStage("$default");
        if (!claims.isEmpty()) {
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                            .withClaims(Map.copyOf(claims)).build()).build());
        }
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey).withRawPath(path)
                .withRawQueryString("").withPathParameters(used).withHeaders(Map.copyOf(headers))
                .withBody(body).withIsBase64Encoded(false).withRequestContext(context.build()).build();
    }
}
