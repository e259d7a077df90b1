package ma.salonsess.testsupport;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.util.HashMap;
import java.util.Map;
import ma.salonsess.localaws.RepositoryLayout;

/** The sample events under {@code events/}, as the handlers receive them, with changes a test needs. */
public final class ApiEvents {
    private ApiEvents() {
    }

    public static APIGatewayV2HTTPEvent load(String name) {
        return EventLoader.loadApiGatewayHttpEvent(RepositoryLayout.root().resolve("events").resolve(name).toString());
    }

    public static APIGatewayV2HTTPEvent withPathParameter(APIGatewayV2HTTPEvent event, String name, String value) {
        Map<String, String> parameters = new HashMap<>(event.getPathParameters());
        String old = parameters.put(name, value);
        event.setPathParameters(parameters);
        if (old != null) {
            event.setRawPath(event.getRawPath().replace("/" + old, "/" + value));
        }
        return event;
    }

    public static APIGatewayV2HTTPEvent withHeader(APIGatewayV2HTTPEvent event, String name, String value) {
        Map<String, String> headers = new HashMap<>(event.getHeaders() == null ? Map.of() : event.getHeaders());
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        event.setHeaders(headers);
        return event;
    }

    public static APIGatewayV2HTTPEvent withBody(APIGatewayV2HTTPEvent event, String body) {
        event.setBody(body);
        event.setIsBase64Encoded(false);
        return event;
    }

    /** The event as sent by a member of the organisers group whose verified email address is {@code email}. */
    public static APIGatewayV2HTTPEvent asOrganiser(APIGatewayV2HTTPEvent event, String email) {
        return withCaller(event, "organiser-" + email, email, "[organisers]");
    }

    /** The event as sent by a member of the admins group (who organises no fair of the tests). */
    public static APIGatewayV2HTTPEvent asAdmin(APIGatewayV2HTTPEvent event) {
        return withCaller(event, "admin", "admin@example.org", "[admins]");
    }

    /** The event as sent by a member of {@code group} (stewards, supervisors) with the verified {@code email}. */
    public static APIGatewayV2HTTPEvent asStaff(APIGatewayV2HTTPEvent event, String email, String group) {
        return withCaller(event, group + "-" + email, email, "[" + group + "]");
    }

    /** The token's other claims (issuer, audience, expiry) stay as in the sample. */
    private static APIGatewayV2HTTPEvent withCaller(APIGatewayV2HTTPEvent event, String sub, String email, String groups) {
        var jwt = event.getRequestContext().getAuthorizer().getJwt();
        Map<String, String> claims = new HashMap<>(jwt.getClaims());
        claims.put("sub", sub);
        claims.put("email", email);
        claims.put("email_verified", "true");
        claims.put("cognito:groups", groups);
        jwt.setClaims(claims);
        return event;
    }
}
