package ma.salonsess.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Maps API Gateway HTTP API (payload format 2.0) events to and from {@link HttpRequest}/{@link HttpResponse}. */
public final class ApiGatewayHttp {

    private ApiGatewayHttp() {
    }

    public static HttpRequest toRequest(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = new HashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        }
        String raw = event.getBody();
        String body;
        int bytes;
        if (raw == null) {
            body = "";
            bytes = 0;
        } else if (event.getIsBase64Encoded()) {
            byte[] decoded = Base64.getDecoder().decode(raw);
            body = new String(decoded, StandardCharsets.UTF_8);
            bytes = decoded.length;
        } else {
            body = raw;
            bytes = raw.getBytes(StandardCharsets.UTF_8).length;
        }
        var context = event.getRequestContext();
        String requestId = context == null ? null : context.getRequestId();
        Map<String, String> claims = context == null || context.getAuthorizer() == null
                || context.getAuthorizer().getJwt() == null ? null : context.getAuthorizer().getJwt().getClaims();
        return new HttpRequest(event.getRouteKey(), event.getRawPath(), event.getPathParameters(), headers, body,
                bytes, requestId, claims);
    }

    public static APIGatewayV2HTTPResponse toEvent(HttpResponse response) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(response.headers())
                .withBody(response.body())
                .withIsBase64Encoded(false)
                .build();
    }
}
