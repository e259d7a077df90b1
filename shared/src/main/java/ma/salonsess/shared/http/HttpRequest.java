package ma.salonsess.shared.http;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as a handler sees it, independent of API Gateway's event classes.
 *
 * @param routeKey       the matched route, such as {@code POST /fairs/{fairId}/registrations}
 * @param path           the raw path, for problem {@code instance} values
 * @param pathParameters values of the route's {@code {placeholders}}
 * @param headers        headers with lower-case names
 * @param body           the body decoded to text (empty when there is none)
 * @param bodyBytes      the body's size in bytes as sent
 * @param requestId      the platform's request id, quoted in 500 answers
 * @param claims         the claims of a JWT that API Gateway's authorizer verified (empty when none)
 */
public record HttpRequest(String routeKey, String path, Map<String, String> pathParameters,
                          Map<String, String> headers, String body, int bodyBytes, String requestId,
                          Map<String, String> claims) {

    public HttpRequest {
        pathParameters = pathParameters == null ? Map.of() : Map.copyOf(pathParameters);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        claims = claims == null ? Map.of() : Map.copyOf(claims);
        body = body == null ? "" : body;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Route " + routeKey + " has no path parameter " + name);
        }
        return value;
    }

    /** The token of an {@code Authorization: Bearer ...} header, if one was sent. */
    public Optional<String> bearerToken() {
        return header("authorization")
                .map(String::trim)
                .filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(v -> v.substring(7).trim())
                .filter(v -> !v.isEmpty());
    }
}
